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
}

export function initialSwap(): SwapState {
	return {phase: 'closed', rows: [], selected: 0, target: null, lines: [], refusal: null, record: null, message: null, forced: false, contract: null};
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
	return {...s, phase: 'plan', target, lines, refusal};
}

export function setRecord(s: SwapState, record: JobRecord): SwapState {
	return {...s, phase: s.phase === 'running' || s.phase === 'plan' ? 'running' : s.phase, record};
}

export function showClients(s: SwapState, phase: 'clients' | 'restart' | 'aider', lines: string[], message: string): SwapState {
	return {...s, phase, lines, message};
}

export function setForced(s: SwapState): SwapState {
	return {...s, forced: true};
}

export function finish(s: SwapState, message: string): SwapState {
	return {...s, phase: 'done', message};
}

export function setContract(s: SwapState, contract: ContractState | null): SwapState {
	return {...s, contract};
}
