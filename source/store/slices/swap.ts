// Swap slice: the `m` overlay (profiles, the chosen plan, the running swap, the client rewrites)
// and the OpenHands model contract shown in the Throughput panel and `status`. Pure reducers.

import type {JobRecord} from '../../domain/jobs/record.js';
import type {ContractState} from '../../domain/swap/contract.js';
import type {ProfileRow} from '../../domain/swap/plan.js';

export type SwapPhase = 'closed' | 'loading' | 'list' | 'plan' | 'running' | 'clients' | 'restart' | 'aider' | 'done';

export interface SwapState {
	phase: SwapPhase;
	rows: ProfileRow[];
	selected: number;
	target: string | null;
	/** The plan (or the client diff in phase clients), one line each. */
	lines: string[];
	refusal: string | null;
	record: JobRecord | null;
	/** The outcome, or why the list could not be made. */
	message: string | null;
	forced: boolean;
	contract: ContractState | null;
	/** First line shown of a plan, a client offer or the outcome (↑↓ scroll them on a small screen). */
	scroll: number;
}

export type SwapTone = 'text' | 'ok' | 'error' | 'warn' | 'muted';

export interface SwapTextLine {
	text: string;
	tone: SwapTone;
	bold?: boolean;
	/** A diff line: wrapped by characters under its own indent, whitespace kept. */
	diff?: boolean;
}

const DIFF_LINE = /^[-+ ] \d+ /;

/** The lines of a phase that is text to read (plan, client offers, outcome); empty for the others. */
export function swapTextLines(s: SwapState): SwapTextLine[] {
	const line = (text: string, tone: SwapTone = 'text'): SwapTextLine => (DIFF_LINE.test(text) ? {text, tone: text.startsWith('+') ? 'ok' : text.startsWith('-') ? 'error' : tone, diff: true} : {text, tone});
	if (s.phase === 'plan') {
		const out: SwapTextLine[] = [{text: `swap to ${s.target ?? ''}`, tone: 'text', bold: true}, ...s.lines.map(l => line(l))];
		if (s.refusal) out.push({text: `refused: ${s.refusal}`, tone: 'error'});
		return out;
	}
	if (s.phase === 'clients' || s.phase === 'restart' || s.phase === 'aider') return [{text: s.message ?? '', tone: 'ok'}, ...s.lines.map(l => line(l))];
	if (s.phase === 'done') {
		const ok = s.record === null || s.record.state === 'done';
		return [{text: s.message ?? '', tone: ok ? 'ok' : 'warn'}, ...(ok ? [] : s.record!.log.slice(-3).map(l => ({text: l, tone: 'muted' as const})))];
	}
	return [];
}

export function scrollSwap(s: SwapState, by: number): SwapState {
	const last = Math.max(0, swapTextLines(s).length - 1);
	const scroll = Math.min(last, Math.max(0, s.scroll + by));
	return scroll === s.scroll ? s : {...s, scroll};
}

export function initialSwap(): SwapState {
	return {phase: 'closed', rows: [], selected: 0, target: null, lines: [], refusal: null, record: null, message: null, forced: false, contract: null, scroll: 0};
}

export function openSwap(s: SwapState): SwapState {
	return {...initialSwap(), contract: s.contract, phase: 'loading'};
}

export function closeSwap(s: SwapState): SwapState {
	return {...initialSwap(), contract: s.contract};
}

export function showRows(s: SwapState, rows: ProfileRow[], message: string | null): SwapState {
	const serving = rows.findIndex(r => !r.serving && r.refusal === null);
	return {...s, phase: 'list', rows, selected: Math.max(0, serving), message};
}

export function moveSelection(s: SwapState, by: number): SwapState {
	if (s.phase !== 'list' || s.rows.length === 0) return s;
	return {...s, selected: Math.min(s.rows.length - 1, Math.max(0, s.selected + by))};
}

export function showPlan(s: SwapState, target: string, lines: string[], refusal: string | null): SwapState {
	return {...s, phase: 'plan', target, lines, refusal, scroll: 0};
}

export function setRecord(s: SwapState, record: JobRecord): SwapState {
	return {...s, phase: s.phase === 'running' || s.phase === 'plan' ? 'running' : s.phase, record};
}

export function showClients(s: SwapState, phase: 'clients' | 'restart' | 'aider', lines: string[], message: string): SwapState {
	return {...s, phase, lines, message, scroll: 0};
}

export function setForced(s: SwapState): SwapState {
	return {...s, forced: true};
}

export function finish(s: SwapState, message: string): SwapState {
	return {...s, phase: 'done', message, scroll: 0};
}

/** The contract is read every tick: the same one again leaves the slice as it is (no render). */
export function setContract(s: SwapState, contract: ContractState | null): SwapState {
	// A few short strings: comparing their JSON is exact and cheap.
	return JSON.stringify(s.contract) === JSON.stringify(contract) ? s : {...s, contract};
}
