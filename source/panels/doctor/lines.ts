// The Doctor panel's rows as data: a summary line, checks grouped (groups worst first, checks worst
// first within), and the selected check's evidence and fix word-wrapped, so a phone reads them whole.

import {wrapWords} from '../../domain/format.js';
import {countByStatus} from '../../domain/doctor/counts.js';
import {STATUS_ORDER, type CheckResult, type CheckStatus} from '../../domain/doctor/types.js';
import type {Token} from '../../theme/tokens.js';

export interface DoctorLine {
	text: string;
	tone: Token;
	/** Index into the ordered results when the line is a check's row. */
	check?: number;
	bold?: boolean;
}

export const STATUS_TONE: Record<CheckStatus, Token> = {fail: 'error', warn: 'warn', unknown: 'muted', ok: 'ok'};

export function statusMark(status: CheckStatus, ascii: boolean): string {
	if (ascii) return {fail: 'X', warn: '!', unknown: '?', ok: '+'}[status];
	return {fail: '✗', warn: '!', unknown: '?', ok: '✓'}[status];
}

/** Results in panel order: groups by their worst check, then worst first inside a group. */
export function panelOrder(results: readonly CheckResult[]): CheckResult[] {
	const worst = new Map<string, number>();
	for (const r of results) worst.set(r.group, Math.min(worst.get(r.group) ?? 9, STATUS_ORDER[r.status]));
	const groupOrder = [...worst.keys()].sort((a, b) => worst.get(a)! - worst.get(b)!);
	return results.slice().sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

export function summaryText(results: readonly CheckResult[]): string {
	const c = countByStatus(results);
	return [`${c.fail} fail`, `${c.warn} warn`, `${c.unknown} unknown`, `${c.ok} ok`].join(' · ');
}

/** The list rows: a group title before each group's first check. */
export function listLines(ordered: readonly CheckResult[], ascii: boolean): DoctorLine[] {
	const out: DoctorLine[] = [];
	let group = '';
	ordered.forEach((r, i) => {
		if (r.group !== group) {
			group = r.group;
			out.push({text: group, tone: 'title', bold: true});
		}
		out.push({text: `${statusMark(r.status, ascii)} ${r.id}  ${r.summary}`, tone: STATUS_TONE[r.status], check: i});
	});
	return out;
}

/** Everything about one check at `width`: summary, evidence, fix, and how to apply it. */
export function detailLines(r: CheckResult, width: number, ascii: boolean): DoctorLine[] {
	const wrap = (text: string, tone: Token, indent = ''): DoctorLine[] =>
		wrapWords(text, Math.max(8, width - indent.length)).map((line, i) => ({text: `${i > 0 ? indent : ''}${line}`, tone}));
	const out: DoctorLine[] = [
		...wrap(`${statusMark(r.status, ascii)} ${r.title} (${r.id})`, STATUS_TONE[r.status]).map(l => ({...l, bold: true})),
		...wrap(r.summary, 'text'),
	];
	if (r.evidence.length > 0) {
		out.push({text: 'seen:', tone: 'muted'});
		for (const e of r.evidence) out.push(...wrap(`${e.where}: ${e.saw}`, 'muted', '  ').map((l, i) => (i === 0 ? {...l, text: `  ${l.text}`} : l)));
	}
	if (r.fix) out.push(...wrap(`fix: ${r.fix}`, 'accent'));
	if (r.autofix && r.status !== 'ok') out.push(...wrap(`f: ${r.autofix.summary}`, 'accent'));
	if (r.applyOn && r.status !== 'ok') out.push(...wrap(`f: ${elsewhereText(r.applyOn)}`, 'accent'));
	return out;
}

/** A fix on another host's file, in words: not written from here, and what to run. */
export function elsewhereText(on: {host: string; commands: string[]}): string {
	return `the file is on ${on.host}: apply the fix there (not written from this machine)${on.commands.length ? `: ${on.commands.join('; then ')}` : ''}`;
}
