// Engines slice: one row per model server (configured, probed or published by a container), its
// reachability, the figures derived from its metrics, per-engine memory, bench results, and the
// Cache panel's disk and GPU readings. Pure reducers only.

import type {EngineKind} from '../../domain/engines/types.js';
import type {ModelFigures} from '../../domain/engines/window.js';
import type {EngineMemory} from '../../domain/engines/memory.js';
import type {GpuReading} from '../../domain/engines/nvidia-smi.js';
import {pushSample} from '../../domain/history.js';
import type {HostId} from '../../domain/host-id.js';
import type {BenchLoad} from '../../domain/engines/bench-load.js';

/** Limit: decode-rate samples kept per engine for the sparkline (the newest 60). */
export const TPS_HISTORY = 60;

export interface BenchResult {
	at: number;
	ttftMs: number | null;
	decodeTps: number | null;
	estimated: boolean;
	error: string | null;
	/** Requests already on the engine when it started (its last scrape); null when it reports none. */
	load?: BenchLoad | null;
}

export interface EngineRow {
	/** The host whose sources found it (its URL is reached from this machine). */
	hostId: HostId;
	/** Stable key: the base URL. */
	id: string;
	name: string;
	url: string;
	kind: EngineKind | null;
	/** Where the row came from. */
	origin: 'config' | 'probe' | 'container';
	model: string | null;
	version: string | null;
	expectedTps: number | null;
	state: 'probing' | 'up' | 'unreachable';
	/** Epoch ms of the first failed attempt in the current outage. */
	downSince: number | null;
	/** ECONNREFUSED, HTTP 500, timeout… */
	downReason: string | null;
	/** Something the server said that we could not read (kept on the row, never thrown). */
	problem: string | null;
	figures: ModelFigures | null;
	models: ModelFigures[];
	/** Decode tok/s per scrape, oldest first (60 s sparkline). */
	tpsHistory: number[];
	slowSince: number | null;
	memory: EngineMemory | null;
	bench: BenchResult | null;
	benchRunning: boolean;
	updatedAt: number | null;
	/** Where the figures come from: null, the engine's own /metrics; else the Prometheus server's URL. */
	via: string | null;
}

export interface DiskDir {
	/** The host the folder is on (its sizes read there). */
	hostId: HostId;
	path: string;
	bytes: number | null;
	files: number;
	/** The walk hit its time or entry budget: the size is a lower bound. */
	partial: boolean;
	/** Subfolders that could not be read, relative, with the code ("private (EACCES)"): not in `bytes`. */
	unreadable: string[];
	/** Why there is no size at all (missing or unreadable folder). */
	error: string | null;
	/** Free and total bytes of the filesystem holding it. */
	fsFree: number | null;
	fsTotal: number | null;
	/** Device id, with the host's: folders with the same id share one filesystem. */
	fsId: string | null;
	isHicache: boolean;
	/** Its host could not be reached (or gave no answer in time): `error` says why. */
	hostDown: boolean;
}

export interface EnginesState {
	rows: EngineRow[];
	selected: number;
	/** Every host's folders, each host's together. */
	disk: DiskDir[];
	/** When each host's folders were last read. */
	diskAt: Partial<Record<HostId, number>>;
	warnBytes: number;
	gpus: GpuReading[] | null;
	/** Why there is no GPU reading (nvidia-smi absent, failed). */
	gpuNote: string | null;
}

export function initialEngines(): EnginesState {
	return {rows: [], selected: 0, disk: [], diskAt: {}, warnBytes: 2 * 1024 ** 3, gpus: null, gpuNote: null};
}

/** One host's folders in place of its previous ones; hosts in `order` (the host list), each host's together. */
export function applyDisk(s: EnginesState, hostId: HostId, dirs: readonly DiskDir[], at: number, warnBytes: number, order: readonly HostId[] = []): EnginesState {
	const rank = (id: HostId) => (order.includes(id) ? order.indexOf(id) : order.length);
	const disk = [...s.disk.filter(d => d.hostId !== hostId), ...dirs].sort((a, b) => rank(a.hostId) - rank(b.hostId));
	return {...s, disk, diskAt: {...s.diskAt, [hostId]: at}, warnBytes};
}

export function newRow(init: Pick<EngineRow, 'hostId' | 'name' | 'url' | 'origin'> & Partial<EngineRow>): EngineRow {
	return {
		id: init.url,
		kind: null,
		model: null,
		version: null,
		expectedTps: null,
		state: 'probing',
		downSince: null,
		downReason: null,
		problem: null,
		figures: null,
		models: [],
		tpsHistory: [],
		slowSince: null,
		memory: null,
		bench: null,
		benchRunning: false,
		updatedAt: null,
		via: null,
		...init,
	};
}

export function upsertRow(s: EnginesState, row: EngineRow): EnginesState {
	const i = s.rows.findIndex(r => r.id === row.id);
	if (i < 0) return {...s, rows: [...s.rows, row]};
	const rows = s.rows.slice();
	rows[i] = row;
	return {...s, rows};
}

export function patchRow(s: EnginesState, id: string, patch: (r: EngineRow) => EngineRow): EnginesState {
	const i = s.rows.findIndex(r => r.id === id);
	if (i < 0) return s;
	const next = patch(s.rows[i]!);
	if (next === s.rows[i]) return s;
	const rows = s.rows.slice();
	rows[i] = next;
	return {...s, rows};
}

export function markUp(r: EngineRow, at: number, figures: ModelFigures | null, models: ModelFigures[], slowSince: number | null, problem: string | null): EngineRow {
	const point = figures?.decodeTpsLast ?? figures?.decodeTps ?? 0;
	return {...r, state: 'up', downSince: null, downReason: null, problem, figures, models, slowSince, tpsHistory: pushSample(r.tpsHistory, point, TPS_HISTORY), updatedAt: at};
}

export function markDown(r: EngineRow, at: number, reason: string): EngineRow {
	return {
		...r,
		state: 'unreachable',
		downSince: r.downSince ?? at,
		downReason: reason,
		figures: null,
		slowSince: null,
		tpsHistory: pushSample(r.tpsHistory, 0, TPS_HISTORY),
		updatedAt: at,
	};
}

/** A tick on which a quiet, unreachable engine was not asked: its sparkline still moves one sample. */
export function markStillDown(r: EngineRow): EngineRow {
	return r.state === 'unreachable' ? {...r, tpsHistory: pushSample(r.tpsHistory, 0, TPS_HISTORY)} : r;
}

export function selectRow(s: EnginesState, step: number): EnginesState {
	if (s.rows.length === 0) return s;
	const selected = Math.max(0, Math.min(s.rows.length - 1, s.selected + step));
	return selected === s.selected ? s : {...s, selected};
}

export function selectedRow(s: EnginesState): EngineRow | undefined {
	return s.rows[Math.min(s.selected, s.rows.length - 1)];
}
