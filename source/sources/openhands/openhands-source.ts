// OpenHands sessions source: finds the state folder, lists its sessions (live, newest first), checks
// each session in the background for ordering findings, loads and live-tails the open session's
// events (showing the first rows while a long first read goes on), and reads one event for the
// detail view. Writes only into the sessions slice. The first host's folder is found as OpenHands
// keeps it (config, container mount, default places); a further host's is its [[hosts]] state_dir,
// read through the host (over SSH: listings and reads with deadlines, watched by polling).

import path from 'node:path';
import {maskSecrets, maskString} from '../../domain/secrets.js';
import {update} from '../../store/index.js';
import {
	applyDetail,
	applyOpenEvents,
	applyOpenProgress,
	setSessionCheck,
	setSessionCheckFailed,
	setSessions,
	setSessionsError,
	setStateDir,
	setWatchMode,
	setHostStateDir,
	setHostSessionsError,
	setHostPromptExtensions,
	setPromptExtensions,
	promptExtensionsOf,
	openRow,
	rowHost,
	type SessionsState,
} from '../../store/slices/sessions.js';
import type {Source, SourceContext} from '../types.js';
import type {SessionRow} from '../../store/slices/sessions.js';
import {EventReaderCache} from './event-cache.js';
import type {EventDirReader, ScanProgress} from './event-dir.js';
import {MAX_EVENT_BYTES, readJsonFile} from './read-json.js';
import {checkSnapshot, pendingRows} from './rows.js';
import {createRemoteSessionLister, createSessionLister} from './session-list.js';
import {findStateDir} from './state-dir.js';
import {V1ConversationReader} from './v1/conversation-reader.js';
import {v1Roots} from './v1/layout.js';
import {checkV1Snapshot, conversationOf, createRemoteV1Lister, createV1Lister, restRow, type V1Settings} from './v1/session-rows.js';
import {OpenHandsServer, RestConversationReader} from './v1/rest.js';
import {EngineTemplates} from './v1/engine-template.js';
import type {V1Snapshot} from './v1/conversation-reader.js';
import {NOT_WATCHED, watchFolder, type FolderWatch} from './watch.js';
import {hostFiles, LOCAL_FILES, type RemoteStateFiles, type StateFiles} from './state-files.js';
import {discoveryOf} from '../../store/slices/discovery.js';
import {MAX_CONFIG_BYTES} from '../../config/load.js';
import {PROMPT_EXTENSIONS_DEFAULT, promptExtensionsIn} from '../../domain/openhands/prompt-extensions.js';

/** This machine's V0 sessions and V1 conversations, read again only where their files changed. */
function localLister(): (stateDir: string) => Promise<SessionRow[]> {
	const v0 = createSessionLister();
	const v1 = createV1Lister();
	return async dir => [...(await v0(dir)), ...v1(dir)];
}

/** The same on another host: one command for each while nothing changed. */
function remoteLister(files: RemoteStateFiles): (stateDir: string) => Promise<SessionRow[]> {
	const v0 = createRemoteSessionLister(files);
	const v1 = createRemoteV1Lister(files);
	return async dir => (await Promise.all([v0(dir), v1(dir)])).flat();
}

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

/** A V1 conversation's events, from a folder or a running server. */
interface V1Reader {
	readonly dir: string;
	scan(): Promise<V1Snapshot>;
}

/** What a checked V1 conversation tells its list row. */
function v1Check(checked: ReturnType<typeof checkV1Snapshot>) {
	return {findings: checked.findings.length, rules: checked.findings.map(f => f.rule), agentState: checked.agentState, title: checked.title, rulesNote: checked.rulesNote};
}

/** A host's config.toml that could not be read (not missing) is read again this often, this many times. */
const SETTINGS_RETRIES = 2;
const SETTINGS_RETRY_MS = 1000;

/** A failed background check is tried again after 10 s, then 20, 40, … up to 5 minutes. */
const RETRY_FIRST_MS = 10_000;
const RETRY_MAX_MS = 300_000;
export function retryDelayMs(tries: number): number {
	return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, tries - 1));
}

/** Event files that could not be read (not bad content): a check without them would be no result. */
function unreadIn(problems: readonly {kind: string; error: string}[]): string | null {
	const unread = problems.filter(p => p.kind === 'unreadable');
	if (unread.length === 0) return null;
	return `${unread.length} event file${unread.length === 1 ? '' : 's'} not read (${unread[0]!.error})`;
}

/** While a first read goes on, the rows read so far are shown at most this often. */
const PROGRESS_MS = 150;

export interface OpenhandsSourceOptions {
	/** The first host's source: finds its folder and writes the slice's own fields; a further host's writes `hosts[id]`. */
	primary?: boolean;
	/** A [[hosts]] entry's openhands_config: its OpenHands config.toml, a path on that host. */
	configToml?: string | undefined;
}

export function createOpenhandsSource(ctx: SourceContext, pollMs = 1000, readers?: EventReaderCache, options: OpenhandsSourceOptions = {}): Source {
	const {store} = ctx;
	const primary = options.primary ?? true;
	const hostId = ctx.host.id;
	// Another box's files go through its Host; this machine's (and a unix:// host's) are read here.
	const remoteFiles = ctx.host.kind === 'ssh' ? hostFiles(ctx.host) : null;
	const files: StateFiles = remoteFiles ?? LOCAL_FILES;
	const remote = remoteFiles !== null;
	readers ??= new EventReaderCache(undefined, files);
	const cache = readers;
	/** This source's part of the slice: the first host's fields, or its entry under `hosts`. */
	const mine = (s: SessionsState) => (primary ? {stateDir: s.stateDir, updatedAt: s.updatedAt} : (s.hosts[hostId] ?? {stateDir: null, updatedAt: null}));
	const setError = (s: SessionsState, message: string | null) => (primary ? setSessionsError(s, message) : setHostSessionsError(s, hostId, message));
	/** The open session, when it is one of this host's. */
	const ownOpen = (s: SessionsState) => (s.open && s.open.hostId === hostId ? s.open : null);
	let listWatch: FolderWatch | null = null;
	let v1Watches: FolderWatch[] = [];
	/** V1 conversations' readers, by events folder (small: a conversation is read once, then tailed). */
	const v1Readers = new Map<string, V1Reader>();
	const v1Settings: V1Settings = {sdkVersion: ctx.config.openhands.sdk_version ?? null, template: ctx.config.openhands.chat_template ?? null};
	const oh = ctx.config.openhands;
	// A running agent or app server: its conversations join the list, read over REST on the tick.
	const server = oh.server_url ? new OpenHandsServer({url: oh.server_url, apiKey: oh.server_key_env ? (ctx.env[oh.server_key_env] ?? null) : null}) : null;
	let serverVersion: string | null | undefined;
	const settingsFor = (row: SessionRow | undefined): V1Settings => {
		const picked = store.getState().sessions.sdkVersion;
		if (picked) return {...v1Settings, sdkVersion: picked, sdkFrom: 'picked with v'};
		return row?.v1?.layout === 'rest' && !v1Settings.sdkVersion && serverVersion ? {...v1Settings, sdkVersion: serverVersion, sdkFrom: "the server's /server_info"} : v1Settings;
	};
	// The template family: the config's, else what the engine the agent calls exposes (llama.cpp /props).
	const templates = new EngineTemplates();
	const withTemplate = async (settings: V1Settings, snapshot: V1Snapshot): Promise<V1Settings> => {
		const base = snapshot.baseState?.baseUrl;
		return settings.template || !base ? settings : {...settings, template: await templates.familyAt(base)};
	};
	const v1ReaderFor = (row: SessionRow): V1Reader | null => {
		if (!row.v1) return null;
		let reader = v1Readers.get(row.v1.eventsDir);
		if (reader) return reader;
		const conversation = conversationOf(row);
		if (conversation) reader = new V1ConversationReader(conversation, files);
		else if (server) reader = new RestConversationReader(server, row.id, {id: row.id, model: row.model, baseUrl: null, nativeToolCalling: true, executionStatus: row.agentState, leafEventId: null, title: row.title});
		if (reader) v1Readers.set(row.v1.eventsDir, reader);
		return reader ?? null;
	};
	let openWatch: FolderWatch | null = null;
	let openReader: EventDirReader | null = null;
	let openV1: V1Reader | null = null;
	let watchedStateDir: string | null = null;
	let unsubscribe: (() => void) | null = null;
	let stopped = false;
	/** When the list and the open session were last read (after a watch's report or on the tick). */
	let listedAt = 0;
	let openScannedAt = 0;

	const discover = () => {
		if (!primary || remote) return discoverConfigured();
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
			for (const w of v1Watches) w.close();
			v1Watches = [];
			watchedStateDir = found.dir;
			if (found.dir) {
				listWatch = watchFolder(path.join(found.dir, 'sessions'), refreshList);
				v1Watches = v1Roots(found.dir).map(root => watchFolder(root, refreshList));
				refreshList();
			}
		}
	};

	/** A further host (or an SSH first host): the folder its config names, watched by polling (no fs.watch over SSH). */
	const discoverConfigured = () => {
		const dir = ctx.config.openhands.state_dir;
		if (!dir) return;
		// Its own config.toml, found as the Doctor finds it there: named, mounted into its openhands container, or in the folder.
		const toml = options.configToml ?? ctx.config.openhands.config_toml ?? discoveryOf(store.getState(), hostId).openhandsConfigToml ?? path.posix.join(dir, 'config.toml');
		if (toml !== readToml) {
			readToml = toml;
			settingsRead = readSettings(toml);
		}
		if (watchedStateDir === dir) return;
		watchedStateDir = dir;
		if (primary) {
			update(store, 'sessions', s => setStateDir(s, {dir, origin: `[[hosts]] ${hostId} state_dir`, tried: [dir], configToml: here(toml), promptExtensions: s.promptExtensions, promptExtensionsFrom: s.promptExtensionsFrom}, hostId));
		} else update(store, 'sessions', s => setHostStateDir(s, hostId, dir));
		listWatch = remote ? NOT_WATCHED : watchFolder(path.join(dir, 'sessions'), refreshList);
		refreshList();
	};
	let readToml: string | null = null;
	// The first host's configToml is the file the panel's fix writes here: another box's path is not offered.
	const here = (file: string) => (remote ? null : file);
	/** The host's config.toml being read: its sessions are checked once it is (a missing one is the OpenHands default). */
	let settingsRead: Promise<void> | null = null;
	const readSettings = async (file: string) => {
		const readOnce = () => files.readText(file, MAX_CONFIG_BYTES).catch((error: Error) => ({ok: false as const, error: error.message}));
		let read = await readOnce();
		// A read that failed for another reason than a missing file (another host past its deadline) is
		// tried twice more: checking that host's sessions with the default instead gives wrong findings.
		for (let i = 0; i < SETTINGS_RETRIES && !read.ok && !/ENOENT|no such file/.test(read.error); i++) {
			await new Promise(resolve => setTimeout(resolve, SETTINGS_RETRY_MS));
			read = await readOnce();
		}
		const where = remote ? `${files.remote}:${file}` : file;
		const value = read.ok ? promptExtensionsIn(read.text) : null;
		const from = value !== null ? where : read.ok ? `${where} (not set: defaults to true)` : `OpenHands default (${read.error})`;
		const on = value ?? PROMPT_EXTENSIONS_DEFAULT;
		update(store, 'sessions', s => (primary ? {...setPromptExtensions(s, on, from), configToml: here(file)} : setHostPromptExtensions(s, hostId, file, on, from)));
	};

	const listAll = remoteFiles ? remoteLister(remoteFiles) : localLister();

	const doRefresh = async () => {
		const dir = mine(store.getState().sessions).stateDir;
		if ((!dir && !server) || stopped) return;
		listedAt = Date.now();
		await settingsRead;
		try {
			const rows = dir ? await listAll(dir) : [];
			let serverError: string | null = null;
			if (server) {
				try {
					if (serverVersion === undefined) serverVersion = await server.sdkVersion();
					rows.push(...(await server.conversations()).map(c => restRow(server.url, c)));
				} catch (error) {
					// The folders' sessions stay listed; the server's trouble is said on top.
					serverError = (error as Error).message;
				}
			}
			update(store, 'sessions', s => setError(setSessions(s, rows, Date.now(), hostId), serverError));
			checkNext();
		} catch (error) {
			update(store, 'sessions', s => setError(s, (error as Error).message));
		}
	};
	const refreshList = serial(doRefresh);

	/** Sessions whose last check failed, by id: when to try again, and how many tries so far. */
	const failedChecks = new Map<string, {retryAt: number; tries: number}>();
	const checkFailed = (stale: SessionRow, message: string) => {
		const before = failedChecks.get(stale.id);
		// Two checks at once (the first tick's and the listing's) failing together are one failure.
		if (!before || before.retryAt <= Date.now()) {
			const tries = (before?.tries ?? 0) + 1;
			failedChecks.set(stale.id, {retryAt: Date.now() + retryDelayMs(tries), tries});
		}
		update(store, 'sessions', x => setSessionCheckFailed(x, stale.id, `${message}; retrying`, hostId));
	};
	const checked = (stale: SessionRow) => failedChecks.delete(stale.id);

	/**
	 * Background check: one stale session at a time (event count changed since the last check). A
	 * session whose read fails is said so on its row and tried again later; the others go on.
	 */
	const doChecks = async (ignoreDelay = false) => {
		const tried = new Set<string>();
		for (;;) {
			if (stopped) return;
			const s = store.getState().sessions;
			const open = ownOpen(s);
			const at = ignoreDelay ? Number.POSITIVE_INFINITY : Date.now();
			const stale = s.sessions.find(
				r => r.checkedAt !== r.eventCount && rowHost(s, r) === hostId && r.id !== open?.id && !tried.has(r.id) && (failedChecks.get(r.id)?.retryAt ?? 0) <= at,
			);
			if (!stale) return;
			const v1 = v1ReaderFor(stale);
			if (v1) {
				try {
					const snapshot = await v1.scan();
					// Past another host's time budget: read on, and check once it is whole.
					if (snapshot.pending) continue;
					tried.add(stale.id);
					const unread = unreadIn(snapshot.problems);
					if (unread) {
						checkFailed(stale, unread);
						continue;
					}
					const result = checkV1Snapshot(snapshot, await withTemplate(settingsFor(stale), snapshot));
					checked(stale);
					update(store, 'sessions', x => setSessionCheck(x, stale.id, {...v1Check(result), eventCount: stale.eventCount}, hostId));
				} catch (error) {
					tried.add(stale.id);
					checkFailed(stale, (error as Error).message);
				}
				continue;
			}
			const reader = cache.get(path.join(stale.dir, 'events'));
			try {
				const snapshot = await reader.scan();
				cache.trim(openReader?.dir ?? null);
				if (snapshot.pending > 0) continue;
				tried.add(stale.id);
				const unread = unreadIn(snapshot.problems);
				if (unread) {
					checkFailed(stale, unread);
					continue;
				}
				const result = checkSnapshot(snapshot, reader.dir, promptExtensionsOf(s, hostId));
				checked(stale);
				update(store, 'sessions', x =>
					setSessionCheck(x, stale.id, {findings: result.findings.length, rules: result.findings.map(f => f.rule), agentState: result.agentState, eventCount: stale.eventCount}, hostId),
				);
			} catch (error) {
				tried.add(stale.id);
				checkFailed(stale, (error as Error).message);
			}
		}
	};
	const checkNext = serial(doChecks);

	const scanOpenV1 = async (reader: V1Reader, id: string, first: boolean) => {
		const started = performance.now();
		try {
			const snapshot = await reader.scan();
			if (!snapshot.changed && !first) return;
			const checked = checkV1Snapshot(snapshot, await withTemplate(settingsFor(openRow(store.getState().sessions)), snapshot));
			const ms = first ? Math.round(performance.now() - started) : null;
			update(store, 'sessions', s => {
				const shown = applyOpenEvents(s, id, checked.rows, checked.findings, ms, null);
				return snapshot.pending ? shown : setSessionCheck(shown, id, {...v1Check(checked), eventCount: snapshot.fileCount}, hostId);
			});
			// Another host's long first read goes on at once, not at the next poll.
			if (snapshot.pending) again = true;
		} catch (error) {
			update(store, 'sessions', s => applyOpenEvents(s, id, s.open?.rows ?? [], s.open?.findings ?? [], null, (error as Error).message));
		}
	};

	let again = false;
	const scanOpen = serial(async () => {
		await scanOpenNow();
		if (again && !stopped) {
			again = false;
			scanOpen();
		}
	});
	const scanOpenNow = async () => {
		openScannedAt = Date.now();
		const open = ownOpen(store.getState().sessions);
		if (open && openV1 && !stopped) {
			const first = open.loading || forceOpen;
			forceOpen = false;
			await scanOpenV1(openV1, open.id, first);
			return;
		}
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
			cache.trim(reader.dir);
			if (snapshot.pending > 0) again = true;
			if (!snapshot.changed && !first) return;
			const checked = checkSnapshot(snapshot, reader.dir, promptExtensionsOf(store.getState().sessions, hostId));
			const ms = open.loading ? Math.round(performance.now() - started) : null;
			update(store, 'sessions', s => {
				const next = applyOpenEvents(s, open.id, checked.rows, checked.findings, ms, null);
				return snapshot.pending > 0 ? next : setSessionCheck(next, open.id, {findings: checked.findings.length, rules: checked.findings.map(f => f.rule), agentState: checked.agentState, eventCount: snapshot.ids.length}, hostId);
			});
		} catch (error) {
			update(store, 'sessions', s => applyOpenEvents(s, open.id, s.open?.rows ?? [], s.open?.findings ?? [], null, (error as Error).message));
		}
	};

	const loadDetail = async (eventId: number, file: string) => {
		if (openV1 instanceof RestConversationReader && file.startsWith(`${openV1.dir}/`)) {
			const raw = openV1.rawEvent(file.slice(openV1.dir.length + 1));
			const lines = raw === undefined ? [] : JSON.stringify(maskSecrets(raw), null, 2).split('\n');
			update(store, 'sessions', s => applyDetail(s, eventId, lines, raw === undefined ? `${file}: not read from the server yet` : null));
			return;
		}
		const read = remote ? await files.readJson(file, MAX_EVENT_BYTES) : await readJsonFile(file, MAX_EVENT_BYTES);
		let lines: string[];
		let error: string | null = null;
		if (read.ok && read.value !== undefined) lines = JSON.stringify(maskSecrets(read.value), null, 2).split('\n');
		else {
			error = read.ok ? `${file}: unexpected JSON lines` : read.error;
			lines = [];
			if (!read.ok && (read.kind === 'partial' || read.kind === 'malformed')) {
				const raw = await files.readText(file, MAX_EVENT_BYTES).then(r => (r.ok ? r.text : ''));
				lines = maskString(raw.slice(0, 64 * 1024)).split('\n');
			}
		}
		update(store, 'sessions', s => applyDetail(s, eventId, lines, error));
	};

	let forceOpen = false;
	let lastExtensions = promptExtensionsOf(store.getState().sessions, hostId);
	let lastSdk = store.getState().sessions.sdkVersion;
	const onState = () => {
		const s = store.getState().sessions;
		const extensions = promptExtensionsOf(s, hostId);
		if (extensions !== lastExtensions || s.sdkVersion !== lastSdk) {
			lastExtensions = extensions;
			lastSdk = s.sdkVersion;
			forceOpen = true;
			scanOpen();
			checkNext();
		}
		const open = ownOpen(s);
		const row = open ? openRow(s) : undefined;
		const wanted = open ? (row?.v1?.eventsDir ?? path.join(open.dir, 'events')) : null;
		if (wanted !== (openV1?.dir ?? openReader?.dir ?? null)) {
			openWatch?.close();
			openWatch = null;
			openV1 = row?.v1 ? v1ReaderFor(row) : null;
			openReader = wanted && !openV1 ? cache.get(wanted) : null;
			if (wanted && row?.v1?.layout === 'rest') scanOpen();
			else if (wanted) {
				openWatch = remote ? NOT_WATCHED : watchFolder(wanted, scanOpen);
				update(store, 'sessions', x => setWatchMode(x, openWatch?.mode ?? null));
				scanOpen();
			}
		}
		if (open && s.detail && s.detail.lines.length === 0 && s.detail.error === null && pendingDetail !== s.detail.eventId) {
			pendingDetail = s.detail.eventId;
			void loadDetail(s.detail.eventId, s.detail.file).finally(() => {
				pendingDetail = null;
			});
		}
	};
	let pendingDetail: number | null = null;
	let polled = false;
	let lastDiscovery = discoveryOf(store.getState(), ctx.host.id);

	return {
		id: 'openhands.sessions',
		panels: ['sessions'],
		// Off screen the list is still re-read every 5 s: its findings are the tab strip's alerts.
		offScreenEvery: 5,
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
			if (!mine(store.getState().sessions).stateDir) discover();
			// A conversation read over REST has no folder to watch: it is tailed on the tick, and the
			// server's list is read again with it.
			if (server && store.getState().sessions.updatedAt !== null) {
				refreshList();
				if (openV1 instanceof RestConversationReader) scanOpen();
			}
			// Re-reads on the tick: the list every 5 s while watched (every second where fs.watch
			// cannot watch), the open session every second (2 s over SSH), as a safety net for
			// changes no watch reported. Half a tick of slack keeps them on whole ticks.
			const now = Date.now();
			const slack = ctx.refreshMs / 2;
			const unwatched = !remote && [listWatch, ...v1Watches].some(w => w?.mode === 'poll');
			if (watchedStateDir !== null && now - listedAt >= (unwatched ? pollMs : pollMs * 5) - slack) refreshList();
			if (openWatch && now - openScannedAt >= (remote ? pollMs * 2 : pollMs) - slack) scanOpen();
			// A check that failed is tried again once its delay is up (nothing else may change to ask for it).
			for (const f of failedChecks.values()) {
				if (f.retryAt <= now) {
					checkNext();
					break;
				}
			}
			// First tick (and `stackdeck status`): list and check everything before returning, also when
			// the listing start() began came in first (other hosts' sources may take a while to start).
			const own = mine(store.getState().sessions);
			if ((own.updatedAt === null || !polled) && (own.stateDir || server)) {
				polled = true;
				await doRefresh();
				await doChecks();
				// One more try at once for what failed: `status` reads once, and a box slow to answer
				// a first burst of reads often answers the second.
				if (failedChecks.size > 0) await doChecks(true);
			}
		},
		stop() {
			stopped = true;
			unsubscribe?.();
			listWatch?.close();
			for (const w of v1Watches) w.close();
			openWatch?.close();
		},
	};
}
