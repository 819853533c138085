// OpenHands sessions source: finds the state folder, lists its sessions (live, newest first), checks
// each session in the background for ordering findings, loads and live-tails the open session's
// events (showing the first rows while a long first read goes on), and reads one event for the
// detail view. Writes only into the sessions slice.

import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {maskSecrets, maskString} from '../../domain/openhands/mask.js';
import {update} from '../../store/index.js';
import {
	applyDetail,
	applyOpenEvents,
	applyOpenProgress,
	setSessionCheck,
	setSessions,
	setSessionsError,
	setStateDir,
	setV1Conversations,
	setWatchMode,
} from '../../store/slices/sessions.js';
import type {Source, SourceContext} from '../types.js';
import {EventReaderCache} from './event-cache.js';
import type {EventDirReader, ScanProgress} from './event-dir.js';
import {MAX_EVENT_BYTES, readJsonFile} from './read-json.js';
import {checkSnapshot, pendingRows} from './rows.js';
import {findV1Conversations, listSessions} from './session-list.js';
import {findStateDir} from './state-dir.js';
import {watchFolder, type FolderWatch} from './watch.js';
import {discoveryOf} from '../../store/slices/discovery.js';

/** Runs `task` one at a time; a request while it runs schedules exactly one more run. */
function serial(task: () => Promise<void>): () => void {
	let running = false;
	let again = false;
	const go = () => {
		if (running) {
			again = true;
			return;
		}
		running = true;
		void task()
			.catch(() => undefined)
			.finally(() => {
				running = false;
				if (again) {
					again = false;
					go();
				}
			});
	};
	return go;
}

/** While a first read goes on, the rows read so far are shown at most this often. */
const PROGRESS_MS = 150;

export function createOpenhandsSource(ctx: SourceContext, pollMs = 1000, readers = new EventReaderCache()): Source {
	const {store} = ctx;
	let listWatch: FolderWatch | null = null;
	let openWatch: FolderWatch | null = null;
	let openReader: EventDirReader | null = null;
	let watchedStateDir: string | null = null;
	let unsubscribe: (() => void) | null = null;
	let stopped = false;

	const discover = () => {
		const d = discoveryOf(store.getState(), ctx.host.id);
		const found = findStateDir({
			configStateDir: ctx.config.openhands.state_dir,
			configToml: ctx.config.openhands.config_toml,
			mountedStateDir: d.openhandsStateDir,
			mountedConfigToml: d.openhandsConfigToml,
			home: ctx.env['HOME'],
		});
		update(store, 'sessions', s => setStateDir(s, found, ctx.host.id));
		if (found.dir !== watchedStateDir) {
			listWatch?.close();
			listWatch = null;
			watchedStateDir = found.dir;
			if (found.dir) {
				listWatch = watchFolder(path.join(found.dir, 'sessions'), refreshList, pollMs, 50, pollMs * 5);
				refreshList();
			}
		}
	};

	const doRefresh = async () => {
		const dir = store.getState().sessions.stateDir;
		if (!dir || stopped) return;
		try {
			const [rows, v1] = await Promise.all([listSessions(dir), findV1Conversations(dir)]);
			update(store, 'sessions', s => setV1Conversations(setSessionsError(setSessions(s, rows, Date.now()), null), v1));
			checkNext();
		} catch (error) {
			update(store, 'sessions', s => setSessionsError(s, (error as Error).message));
		}
	};
	const refreshList = serial(doRefresh);

	/** Background check: one stale session at a time (event count changed since the last check). */
	const doChecks = async () => {
		for (;;) {
			if (stopped) return;
			const s = store.getState().sessions;
			const stale = s.sessions.find(r => r.checkedAt !== r.eventCount && r.id !== s.open?.id);
			if (!stale) return;
			const reader = readers.get(path.join(stale.dir, 'events'));
			try {
				const snapshot = await reader.scan();
				readers.trim(openReader?.dir ?? null);
				const checked = checkSnapshot(snapshot, reader.dir, s.promptExtensions);
				update(store, 'sessions', x =>
					setSessionCheck(x, stale.id, {findings: checked.findings.length, rules: checked.findings.map(f => f.rule), agentState: checked.agentState, eventCount: stale.eventCount}),
				);
			} catch (error) {
				update(store, 'sessions', x => setSessionCheck(x, stale.id, {findings: 0, rules: [], agentState: null, eventCount: stale.eventCount}));
				update(store, 'sessions', x => setSessionsError(x, (error as Error).message));
			}
		}
	};
	const checkNext = serial(doChecks);

	const scanOpen = serial(async () => {
		const open = store.getState().sessions.open;
		const reader = openReader;
		if (!open || !reader || stopped) return;
		const started = performance.now();
		const first = open.loading || forceOpen;
		forceOpen = false;
		let shownAt = 0;
		const progress = (p: ScanProgress) => {
			// The first batch is the top of the list: show it at once, then at most every PROGRESS_MS.
			const now = performance.now();
			if (p.read === p.total || now - shownAt < PROGRESS_MS) return;
			shownAt = now;
			const rows = pendingRows(p.events(), reader.dir);
			update(store, 'sessions', s => applyOpenProgress(s, open.id, rows, p.read, p.total));
		};
		try {
			const snapshot = await reader.scan(open.loading ? progress : undefined);
			readers.trim(reader.dir);
			if (!snapshot.changed && !first) return;
			const checked = checkSnapshot(snapshot, reader.dir, store.getState().sessions.promptExtensions);
			const ms = open.loading ? Math.round(performance.now() - started) : null;
			update(store, 'sessions', s => {
				const next = applyOpenEvents(s, open.id, checked.rows, checked.findings, ms, null);
				return setSessionCheck(next, open.id, {findings: checked.findings.length, rules: checked.findings.map(f => f.rule), agentState: checked.agentState, eventCount: snapshot.ids.length});
			});
		} catch (error) {
			update(store, 'sessions', s => applyOpenEvents(s, open.id, s.open?.rows ?? [], s.open?.findings ?? [], null, (error as Error).message));
		}
	});

	const loadDetail = async (eventId: number, file: string) => {
		const read = await readJsonFile(file, MAX_EVENT_BYTES);
		let lines: string[];
		let error: string | null = null;
		if (read.ok && read.value !== undefined) lines = JSON.stringify(maskSecrets(read.value), null, 2).split('\n');
		else {
			error = read.ok ? `${file}: unexpected JSON lines` : read.error;
			lines = [];
			if (!read.ok && (read.kind === 'partial' || read.kind === 'malformed')) {
				const raw = await readFile(file, 'utf8').catch(() => '');
				lines = maskString(raw.slice(0, 64 * 1024)).split('\n');
			}
		}
		update(store, 'sessions', s => applyDetail(s, eventId, lines, error));
	};

	let forceOpen = false;
	let lastExtensions = store.getState().sessions.promptExtensions;
	const onState = () => {
		const s = store.getState().sessions;
		if (s.promptExtensions !== lastExtensions) {
			lastExtensions = s.promptExtensions;
			forceOpen = true;
			scanOpen();
			checkNext();
		}
		const wanted = s.open ? path.join(s.open.dir, 'events') : null;
		if (wanted !== (openReader?.dir ?? null)) {
			openWatch?.close();
			openWatch = null;
			openReader = wanted ? readers.get(wanted) : null;
			if (wanted) {
				openWatch = watchFolder(wanted, scanOpen, pollMs);
				update(store, 'sessions', x => setWatchMode(x, openWatch?.mode ?? null));
				scanOpen();
			}
		}
		if (s.detail && s.detail.lines.length === 0 && s.detail.error === null && pendingDetail !== s.detail.eventId) {
			pendingDetail = s.detail.eventId;
			void loadDetail(s.detail.eventId, s.detail.file).finally(() => {
				pendingDetail = null;
			});
		}
	};
	let pendingDetail: number | null = null;
	let lastDiscovery = discoveryOf(store.getState(), ctx.host.id);

	return {
		id: 'openhands.sessions',
		panels: ['sessions'],
		start() {
			discover();
			unsubscribe = store.subscribe(state => {
				if (discoveryOf(state, ctx.host.id) !== lastDiscovery) {
					lastDiscovery = discoveryOf(state, ctx.host.id);
					discover();
				}
				onState();
			});
			onState();
		},
		async poll() {
			// The watches do the live work; the tick re-discovers (a folder may appear later).
			if (!store.getState().sessions.stateDir) discover();
			// First tick (and `stackdeck status`): list and check everything before returning.
			if (store.getState().sessions.updatedAt === null && store.getState().sessions.stateDir) {
				await doRefresh();
				await doChecks();
			}
		},
		stop() {
			stopped = true;
			unsubscribe?.();
			listWatch?.close();
			openWatch?.close();
		},
	};
}
