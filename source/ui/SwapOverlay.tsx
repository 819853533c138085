// The `m` window: the profiles with what serves and what fits, the chosen plan, the running swap's
// stages and log, the client offers. Every row is one Line, sliced to the height; the plan, the
// offers and the outcome wrap whole (diffs by character, so a URL reads in full) and scroll.

import React from 'react';
import {Box} from 'ink';
import {fit, formatDuration, wrapWords} from '../domain/format.js';
import type {StepRecord} from '../domain/jobs/record.js';
import {printable} from '../domain/text/printable.js';
import {swapTextLines, type SwapState, type SwapTextLine} from '../store/slices/swap.js';
import {useAppState} from './context.js';
import {Line} from './widgets/Line.js';
import type {Token} from '../theme/tokens.js';

interface Row {
	text: string;
	tone?: Token;
	inverse?: boolean;
	bold?: boolean;
}

const STEP_MARK: Record<StepRecord['state'], [string, Token]> = {
	pending: ['·', 'muted'],
	running: ['>', 'accent'],
	done: ['✓', 'ok'],
	failed: ['x', 'error'],
	cancelled: ['-', 'warn'],
	undoing: ['<', 'warn'],
	undone: ['↺', 'warn'],
	'undo-failed': ['!', 'error'],
};

function wrap(text: string, width: number, tone?: Token): Row[] {
	return wrapWords(printable(text), width).map(t => ({text: t, ...(tone ? {tone} : {})}));
}

/** A diff line cut by characters (a URL or path stays whole across rows), continued under its text. */
function wrapDiff(text: string, width: number, tone: Token): Row[] {
	const indent = '      ';
	const rows: Row[] = [{text: text.slice(0, width), tone}];
	const room = Math.max(1, width - indent.length);
	for (let rest = text.slice(width); rest.length > 0; rest = rest.slice(room)) rows.push({text: indent + rest.slice(0, room), tone});
	return rows;
}

/** Text to read, from line `scroll` on, wrapped to the width; `more` when rows are left below. */
function textRows(lines: readonly SwapTextLine[], scroll: number, width: number, height: number): {rows: Row[]; more: boolean} {
	const rows: Row[] = [];
	for (const l of lines.slice(scroll)) {
		const text = printable(l.text);
		if (l.diff) rows.push(...wrapDiff(text, width, l.tone));
		else rows.push(...wrapWords(text, width).map(t => ({text: t, tone: l.tone, ...(l.bold ? {bold: true} : {})})));
		if (rows.length > height) break;
	}
	return {rows: rows.slice(0, height), more: rows.length > height};
}

function listRows(s: SwapState, width: number, height: number): Row[] {
	const rows: Row[] = [];
	if (s.message) rows.push(...wrap(s.message, width, 'warn'));
	const room = Math.max(1, height - rows.length);
	const start = Math.max(0, Math.min(s.selected - room + 1, s.rows.length - room));
	s.rows.slice(start, start + room).forEach((r, i) => {
		const state = r.serving ? 'serving' : r.loading ? 'loading' : r.refusal ? 'no' : r.fits ? 'fits' : 'no fit';
		const load = r.lastLoadMs === null ? '' : ` ${formatDuration(r.lastLoadMs)}`;
		const mem = r.memoryGb === null ? '?' : `${Math.round(r.memoryGb)}G`;
		const text = fit(`${r.serving ? '*' : ' '} ${printable(r.name)}`, Math.max(4, width - 20)) + ` ${mem.padStart(4)} ${state}${load}`;
		rows.push({text, inverse: start + i === s.selected, tone: r.serving ? 'ok' : r.refusal || !r.fits ? 'muted' : 'text'});
	});
	return rows;
}

function runningRows(s: SwapState, width: number, height: number): Row[] {
	const rows: Row[] = [];
	const record = s.record;
	if (!record) return [{text: 'starting…'}];
	for (const step of record.steps) {
		const [mark, tone] = STEP_MARK[step.state];
		rows.push({text: `${mark} ${printable(step.title)}`, tone});
		if (step.detail && step.state !== 'pending') rows.push(...wrap(`  ${step.detail}`, width, 'muted').slice(0, 2));
	}
	if (s.forced) rows.push({text: 'forced: not waiting for requests', tone: 'warn'});
	const room = height - rows.length;
	if (room > 0) rows.push(...record.log.slice(-room).map(l => ({text: printable(l), tone: 'muted' as Token})));
	// Keep the newest stages in view on a small screen.
	return rows.length > height ? rows.slice(rows.length - height) : rows;
}

export function SwapOverlay({width, height}: {width: number; height: number}) {
	const s = useAppState(st => st.swap);
	const body = Math.max(1, height - 1);
	let rows: Row[];
	let footer: string;
	if (s.phase === 'loading' || s.phase === 'closed') {
		rows = [{text: 'reading profiles, engines and memory…'}];
		footer = 'Esc close';
	} else if (s.phase === 'list') {
		rows = s.rows.length === 0 ? wrap(s.message ?? 'no profiles', width, 'warn') : listRows(s, width, body);
		footer = '↑↓ choose  Enter plan  Esc close';
	} else if (s.phase === 'running') {
		rows = runningRows(s, width, body);
		footer = 'Esc cancel (rolls back)  f force';
	} else {
		const text = textRows(swapTextLines(s), s.scroll, width, body);
		rows = text.rows;
		const keys = s.phase === 'plan' ? (s.refusal ? 'Esc back' : 'y swap  Esc back') : s.phase === 'done' ? 'Enter / Esc close' : 'y yes  n / Esc no';
		const scroll = text.more ? (s.scroll > 0 ? '↑↓ more  ' : '↓ more  ') : s.scroll > 0 ? '↑ back  ' : '';
		footer = scroll + keys;
	}
	if (rows.length > body) rows = s.phase === 'running' ? rows.slice(-body) : [...rows.slice(0, body - 1), {text: '…'}];
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{rows.map((r, i) => (
				<Line key={i} tone={r.tone ?? 'text'} inverse={r.inverse ?? false} bold={r.bold ?? false}>
					{r.text.slice(0, width)}
				</Line>
			))}
			<Line tone="accent">{footer.slice(0, width)}</Line>
		</Box>
	);
}
