// Doctor slice: the last run's results (worst first), whether a run is under way, and the panel's
// cursor. Pure reducers only.

import {STATUS_ORDER, type CheckResult} from '../../domain/doctor/types.js';

export interface DoctorState {
	results: CheckResult[] | null;
	at: number | null;
	running: boolean;
	/** Why the last run could not finish (the checks' own unknowns are in `results`). */
	error: string | null;
	/** Bumped by `r`: the source runs the checks at its next tick. */
	requested: number;
	selected: number;
	/** The selected check's evidence and fix fill the panel. */
	open: boolean;
	detailOffset: number;
	/** The last useful detail offset, as the view measured it at its width and height. */
	detailMax: number;
	/** The width the detail was last drawn at (its rows depend on it). */
	detailWidth: number;
	/** What the automatic fixes act on, from the last run: OpenHands' config.toml and container. */
	targets: {configToml: string | null; openhandsContainer: string | null};
}

export function initialDoctor(): DoctorState {
	return {results: null, at: null, running: false, error: null, requested: 0, selected: 0, open: false, detailOffset: 0, detailMax: 0, detailWidth: 80, targets: {configToml: null, openhandsContainer: null}};
}

export function startRun(s: DoctorState): DoctorState {
	return {...s, running: true};
}

/** One host's results replace that host's (all, without `hostId`); other hosts' stay, worst first overall. */
export function applyResults(s: DoctorState, fresh: CheckResult[], at: number, targets: DoctorState['targets'] = s.targets, hostId?: string): DoctorState {
	const kept = hostId === undefined ? [] : (s.results ?? []).filter(r => r.hostId !== hostId);
	// Within a status the first host's results (ids without "host/") come first.
	const later = (r: CheckResult) => (r.id.includes('/') ? 1 : 0);
	const results = kept.length === 0 ? fresh : [...fresh, ...kept].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || later(a) - later(b));
	// Keep the cursor on the same check when the order changes.
	const id = s.results?.[s.selected]?.id;
	const index = id ? results.findIndex(r => r.id === id) : -1;
	return {...s, results, at, targets, running: false, error: null, selected: index >= 0 ? index : Math.min(s.selected, Math.max(0, results.length - 1))};
}

export function runFailed(s: DoctorState, error: string): DoctorState {
	return {...s, running: false, error};
}

export function requestRun(s: DoctorState): DoctorState {
	return {...s, requested: s.requested + 1};
}

export function moveSelection(s: DoctorState, step: number): DoctorState {
	const n = s.results?.length ?? 0;
	if (n === 0) return s;
	return {...s, selected: Math.max(0, Math.min(n - 1, s.selected + step)), detailOffset: 0};
}

export function setOpen(s: DoctorState, open: boolean): DoctorState {
	return {...s, open, detailOffset: 0};
}

export function scrollDetail(s: DoctorState, step: number): DoctorState {
	return {...s, detailOffset: Math.max(0, Math.min(s.detailMax, s.detailOffset + step))};
}

export function setDetailMax(s: DoctorState, max: number, width = s.detailWidth): DoctorState {
	return s.detailMax === max && s.detailWidth === width ? s : {...s, detailMax: max, detailWidth: width, detailOffset: Math.min(s.detailOffset, max)};
}
