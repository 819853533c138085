// Sessions slice: the OpenHands state folder in use, its sessions (newest first), the session whose
// events are open (rows with roles and finding markers), and the event detail. Pure reducers only.

import type {Finding, RuleId} from '../../domain/openhands/finding.js';
import {LOCAL_HOST_ID, type HostId} from '../../domain/host-id.js';

export interface SessionRow {
	/** The host whose state folder holds it; absent: the first host's (the slice's hostId). */
	hostId?: HostId;
	id: string;
	dir: string;
	title: string | null;
	createdAt: string | null;
	updatedAt: string | null;
	eventCount: number;
	agentState: string | null;
	model: string | null;
	/** null until the session has been checked. */
	findings: number | null;
	/** Rule ids found, for the list's badge tooltip and status. */
	rules: RuleId[];
	/** eventCount when it was last checked: re-check when it changes. */
	checkedAt: number | null;
	error: string | null;
	/** Why the last background check could not read every event: not a result, so findings stay null and it is retried. */
	checkError?: string | null;
	/** OpenHands V1 conversation (software-agent-sdk): where its event files are and in which layout. */
	v1?: {eventsDir: string; layout: 'sdk' | 'app' | 'rest'};
	/** V1: which SDK version's rules rebuilt the messages (said beside the findings). */
	rulesNote?: string | null;
}

export interface EventRow {
	id: number;
	timestamp: string | null;
	source: string;
	kind: string;
	summary: string;
	/** Role label: system, user, assistant, assistant+tc, tool, '-' (not sent), '…' (still reading). */
	role: string;
	/** Partial or malformed file: what is wrong (the file is retried). */
	problem: string | null;
	file: string;
}

/** Role shown while a session is still being read (roles are derived once every event is in). */
export const PENDING_ROLE = '…';

export interface OpenSession {
	/** Whose session it is: that host's sessions source reads it. */
	hostId: HostId;
	id: string;
	dir: string;
	rows: EventRow[];
	findings: Finding[];
	cursor: number;
	loading: boolean;
	/** Files read so far of a first read that takes more than one batch. */
	progress: {read: number; total: number} | null;
	loadMs: number | null;
	error: string | null;
}

export interface EventDetail {
	eventId: number;
	file: string;
	lines: string[];
	offset: number;
	/** Last useful offset, as the view measured it (findings on top, wrapped to its width); null until drawn. */
	maxOffset: number | null;
	error: string | null;
}

export type SessionsView = 'list' | 'events' | 'detail';

/** A further host's state folder ([[hosts]] state_dir, read over SSH): where, and what went wrong reading it. */
export interface HostSessions {
	stateDir: string;
	error: string | null;
	updatedAt: number | null;
	/** That host's OpenHands config.toml (a path there), once looked for. */
	configToml: string | null;
	/** Its `[agent] enable_prompt_extensions`, which its sessions are checked with. */
	promptExtensions: boolean;
	/** Where that came from ("spark2:/path/config.toml", or the OpenHands default and why). */
	promptExtensionsFrom: string;
}

export interface SessionsState {
	/** The host whose state folder this is (the sessions source of that host writes here). */
	hostId: HostId;
	stateDir: string | null;
	/** Where the folder came from: config, container mount, or a default location. */
	stateDirOrigin: string | null;
	/** Every place looked at, in order. */
	tried: string[];
	configToml: string | null;
	promptExtensions: boolean;
	/** Where promptExtensions came from ("config.toml" or "OpenHands default"). */
	promptExtensionsFrom: string;
	sessions: SessionRow[];
	/** V1: the SDK version the user picked in the panel (`v`), over the config's; null: the config's. */
	sdkVersion: string | null;
	cursor: number;
	view: SessionsView;
	open: OpenSession | null;
	detail: EventDetail | null;
	watchMode: 'watch' | 'poll' | null;
	error: string | null;
	/** When the list was first read (null: not yet), and then when a listing last changed it. */
	updatedAt: number | null;
	/** Further hosts with a state folder, by host id (the fields above are the first host's). */
	hosts: Record<HostId, HostSessions>;
}

export function initialSessions(): SessionsState {
	return {
		hostId: LOCAL_HOST_ID,
		stateDir: null,
		stateDirOrigin: null,
		tried: [],
		configToml: null,
		promptExtensions: true,
		promptExtensionsFrom: 'OpenHands default',
		sessions: [],
		sdkVersion: null,
		cursor: 0,
		view: 'list',
		open: null,
		detail: null,
		watchMode: null,
		error: null,
		updatedAt: null,
		hosts: {},
	};
}

/** The host a row belongs to. */
export function rowHost(s: Pick<SessionsState, 'hostId'>, r: SessionRow): HostId {
	return r.hostId ?? s.hostId;
}

const rowKey = (s: Pick<SessionsState, 'hostId'>, r: SessionRow) => `${rowHost(s, r)}\n${r.id}`;

/** The rows a layout lists: every host's, or one host's (a phone's, moved by `h`). */
export function shownSessions(s: SessionsState, only: HostId | null): SessionRow[] {
	return only === null ? s.sessions : s.sessions.filter(r => rowHost(s, r) === only);
}

/** The selected row's place among the shown ones (the first when the cursor's row is another host's). */
export function shownCursor(s: SessionsState, only: HostId | null): number {
	if (only === null) return s.cursor;
	const row = s.sessions[s.cursor];
	return row && rowHost(s, row) === only ? shownSessions(s, only).indexOf(row) : 0;
}

/** Select the shown row at `index`. */
export function selectShown(s: SessionsState, only: HostId | null, index: number): SessionsState {
	const row = shownSessions(s, only)[index];
	const cursor = row ? s.sessions.indexOf(row) : s.cursor;
	return cursor === s.cursor ? s : {...s, cursor};
}

/** A further host's folder, before its first listing. */
export function setHostStateDir(s: SessionsState, hostId: HostId, stateDir: string): SessionsState {
	if (s.hosts[hostId]?.stateDir === stateDir) return s;
	return {...s, hosts: {...s.hosts, [hostId]: {stateDir, error: null, updatedAt: null, configToml: null, promptExtensions: true, promptExtensionsFrom: 'OpenHands default'}}};
}

/** A further host's prompt-extensions setting, from its own config.toml: its rows are checked again when it changes. */
export function setHostPromptExtensions(s: SessionsState, hostId: HostId, configToml: string | null, value: boolean, from: string): SessionsState {
	const prev = s.hosts[hostId];
	if (!prev || (prev.configToml === configToml && prev.promptExtensions === value && prev.promptExtensionsFrom === from)) return s;
	const hosts = {...s.hosts, [hostId]: {...prev, configToml, promptExtensions: value, promptExtensionsFrom: from}};
	if (prev.promptExtensions === value) return {...s, hosts};
	return {...s, hosts, sessions: s.sessions.map(r => (rowHost(s, r) === hostId ? {...r, checkedAt: null} : r))};
}

/** The prompt-extensions setting a host's sessions are checked with: its own, the first host's for the first. */
export function promptExtensionsOf(s: SessionsState, hostId: HostId): boolean {
	return hostId === s.hostId ? s.promptExtensions : (s.hosts[hostId]?.promptExtensions ?? s.promptExtensions);
}

/** A further host's trouble (unreachable, unreadable): its rows stay, the words say why they may be old. */
export function setHostSessionsError(s: SessionsState, hostId: HostId, error: string | null): SessionsState {
	const prev = s.hosts[hostId];
	if (!prev || prev.error === error) return s;
	return {...s, hosts: {...s.hosts, [hostId]: {...prev, error}}};
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, Math.max(0, max - 1)));

export function setStateDir(
	s: SessionsState,
	found: {dir: string | null; origin: string | null; tried: string[]; configToml: string | null; promptExtensions: boolean; promptExtensionsFrom: string},
	hostId: HostId,
): SessionsState {
	if (
		s.hostId === hostId &&
		s.stateDir === found.dir &&
		s.configToml === found.configToml &&
		s.promptExtensions === found.promptExtensions &&
		s.stateDirOrigin === found.origin &&
		s.tried.join() === found.tried.join()
	) {
		return s;
	}
	return {
		...s,
		hostId,
		stateDir: found.dir,
		stateDirOrigin: found.origin,
		tried: found.tried,
		configToml: found.configToml,
		promptExtensions: found.promptExtensions,
		promptExtensionsFrom: found.promptExtensionsFrom,
		error: found.dir ? null : `no OpenHands state folder found (looked in ${found.tried.join(', ')}); set [openhands] state_dir in the stackdeck config`,
	};
}

/** A field's two values the same: equal primitives, or arrays / small records of equal primitives. */
function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
	if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
		const [ka, kb] = [Object.keys(a), Object.keys(b)];
		return ka.length === kb.length && ka.every(k => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
	}
	return false;
}

function sameRow(a: SessionRow, b: SessionRow): boolean {
	const keys = Object.keys(a) as (keyof SessionRow)[];
	return keys.length === Object.keys(b).length && keys.every(k => sameValue(a[k], b[k]));
}

/**
 * New listing of one host's folder (default the first host's): its rows replace that host's, the
 * other hosts' stay; newest first, keep the cursor on the same session and keep check results. A
 * listing that finds the rows as they are (the list is read again every few seconds) leaves the
 * state as it is: nothing on screen changes, so nothing renders.
 */
export function setSessions(s: SessionsState, rows: SessionRow[], at: number, hostId: HostId = s.hostId): SessionsState {
	const selected = s.sessions[s.cursor];
	const selectedKey = selected ? rowKey(s, selected) : undefined;
	const previous = new Map(s.sessions.map(r => [rowKey(s, r), r]));
	const tagged = hostId === s.hostId ? rows : rows.map(r => (r.hostId === hostId ? r : {...r, hostId}));
	const others = s.sessions.filter(r => rowHost(s, r) !== hostId);
	const fresh = tagged.map(r => {
		const old = previous.get(rowKey(s, r));
		const kept =
			old && old.checkedAt !== null
				? {
						...r,
						findings: old.findings,
						rules: old.rules,
						agentState: old.agentState ?? r.agentState,
						checkedAt: old.checkedAt,
						// Only the fields the check set: one the listing adds makes the row differ, and render, each time.
						...('checkError' in old ? {checkError: old.checkError} : {}),
						...('rulesNote' in old ? {rulesNote: old.rulesNote} : {}),
					}
				: old?.checkError
					? {...r, checkError: old.checkError}
					: r;
		// A V1 title comes from the events (the first user message): keep it across listings.
		return kept.title === null && old?.title ? {...kept, title: old.title} : kept;
	});
	const merged = [...others, ...fresh];
	merged.sort((a, b) => (b.updatedAt ?? b.createdAt ?? '').localeCompare(a.updatedAt ?? a.createdAt ?? '') || a.id.localeCompare(b.id) || rowHost(s, a).localeCompare(rowHost(s, b)));
	const index = selectedKey ? merged.findIndex(r => rowKey(s, r) === selectedKey) : -1;
	const cursor = index >= 0 ? index : clamp(s.cursor, merged.length);
	const listedBefore = hostId === s.hostId ? s.updatedAt !== null : s.hosts[hostId] === undefined || s.hosts[hostId].updatedAt !== null;
	if (listedBefore && cursor === s.cursor && merged.length === s.sessions.length && merged.every((r, i) => sameRow(r, s.sessions[i]!))) return s;
	const next = {...s, sessions: merged, cursor};
	if (hostId === s.hostId) return {...next, updatedAt: at};
	const prev = s.hosts[hostId];
	return prev ? {...next, hosts: {...s.hosts, [hostId]: {...prev, updatedAt: at}}} : next;
}

export function setSessionCheck(
	s: SessionsState,
	id: string,
	check: {findings: number; rules: RuleId[]; agentState: string | null; eventCount: number; title?: string | null; rulesNote?: string | null},
	hostId: HostId = s.hostId,
): SessionsState {
	const index = s.sessions.findIndex(r => r.id === id && rowHost(s, r) === hostId);
	if (index < 0) return s;
	const sessions = s.sessions.slice();
	const row = sessions[index]!;
	sessions[index] = {
		...row,
		findings: check.findings,
		rules: check.rules,
		agentState: check.agentState ?? row.agentState,
		checkedAt: check.eventCount,
		checkError: null,
		...(check.title && !row.title ? {title: check.title} : {}),
		...(check.rulesNote !== undefined ? {rulesNote: check.rulesNote} : {}),
	};
	return {...s, sessions};
}

/**
 * A background check that could not read every event (a folder unreadable, a read past its deadline
 * on another host): no findings count, which would read as clean, but the reason; still unchecked.
 */
export function setSessionCheckFailed(s: SessionsState, id: string, message: string, hostId: HostId = s.hostId): SessionsState {
	const index = s.sessions.findIndex(r => r.id === id && rowHost(s, r) === hostId);
	if (index < 0) return s;
	const sessions = s.sessions.slice();
	sessions[index] = {...sessions[index]!, findings: null, rules: [], checkedAt: null, checkError: message};
	return {...s, sessions};
}

export function setSessionsError(s: SessionsState, message: string | null): SessionsState {
	return s.error === message ? s : {...s, error: message};
}

export function setWatchMode(s: SessionsState, mode: 'watch' | 'poll' | null): SessionsState {
	return s.watchMode === mode ? s : {...s, watchMode: mode};
}

export function moveListCursor(s: SessionsState, delta: number, only: HostId | null = null): SessionsState {
	return selectShown(s, only, clamp(shownCursor(s, only) + delta, shownSessions(s, only).length));
}

/** Open the selected session (of the shown rows: `only`, a phone's one host). */
export function openSelected(s: SessionsState, only: HostId | null = null): SessionsState {
	const row = shownSessions(s, only)[shownCursor(s, only)];
	if (!row) return s;
	const cursor = s.sessions.indexOf(row);
	return {...s, cursor, view: 'events', detail: null, open: {hostId: rowHost(s, row), id: row.id, dir: row.dir, rows: [], findings: [], cursor: 0, loading: true, progress: null, loadMs: null, error: null}};
}

/** The open session's list row. */
export function openRow(s: SessionsState): SessionRow | undefined {
	const open = s.open;
	return open ? s.sessions.find(r => r.id === open.id && rowHost(s, r) === open.hostId) : undefined;
}

/** Fresh rows for the open session; the cursor stays on the same event id (live tail keeps position). */
export function applyOpenEvents(s: SessionsState, id: string, rows: EventRow[], findings: Finding[], loadMs: number | null, error: string | null): SessionsState {
	if (!s.open || s.open.id !== id) return s;
	const selected = s.open.rows[s.open.cursor]?.id;
	let cursor = s.open.cursor;
	if (selected !== undefined) {
		const index = rows.findIndex(r => r.id === selected);
		if (index >= 0) cursor = index;
	}
	return {...s, open: {...s.open, rows, findings, loading: false, progress: null, loadMs: loadMs ?? s.open.loadMs, error, cursor: clamp(cursor, rows.length)}};
}

/** Part of a long first read: show the rows read so far (no roles or findings yet) and how far it is. */
export function applyOpenProgress(s: SessionsState, id: string, rows: EventRow[], read: number, total: number): SessionsState {
	if (!s.open || s.open.id !== id || !s.open.loading) return s;
	return {...s, open: {...s.open, rows, progress: {read, total}, cursor: clamp(s.open.cursor, rows.length)}};
}

export function moveEventCursor(s: SessionsState, delta: number): SessionsState {
	if (!s.open) return s;
	return {...s, open: {...s.open, cursor: clamp(s.open.cursor + delta, s.open.rows.length)}};
}

/** Jump to the next (or previous) event that carries a finding. */
export function jumpToFinding(s: SessionsState, direction: 1 | -1, flagged: ReadonlySet<number>): SessionsState {
	if (!s.open || s.open.rows.length === 0) return s;
	const {rows, cursor} = s.open;
	for (let step = 1; step <= rows.length; step++) {
		const index = (cursor + direction * step + rows.length * 2) % rows.length;
		if (flagged.has(rows[index]!.id)) return {...s, open: {...s.open, cursor: index}};
	}
	return s;
}

export function openDetail(s: SessionsState): SessionsState {
	const row = s.open?.rows[s.open.cursor];
	if (!row) return s;
	return {...s, view: 'detail', detail: {eventId: row.id, file: row.file, lines: [], offset: 0, maxOffset: null, error: null}};
}

export function applyDetail(s: SessionsState, eventId: number, lines: string[], error: string | null): SessionsState {
	if (!s.detail || s.detail.eventId !== eventId) return s;
	return {...s, detail: {...s.detail, lines, error}};
}

export function scrollDetail(s: SessionsState, delta: number): SessionsState {
	if (!s.detail) return s;
	const max = s.detail.maxOffset ?? Math.max(0, s.detail.lines.length - 1);
	return {...s, detail: {...s.detail, offset: Math.max(0, Math.min(s.detail.offset + delta, max))}};
}

/** The detail view's measure of how far it scrolls (so End then Up moves at once, with no dead keys). */
export function setDetailMaxOffset(s: SessionsState, eventId: number, maxOffset: number): SessionsState {
	if (!s.detail || s.detail.eventId !== eventId || s.detail.maxOffset === maxOffset) return s;
	return {...s, detail: {...s.detail, maxOffset, offset: Math.min(s.detail.offset, maxOffset)}};
}

export function back(s: SessionsState): SessionsState {
	if (s.view === 'detail') return {...s, view: 'events', detail: null};
	if (s.view === 'events') return {...s, view: 'list', open: null};
	return s;
}

/** Total findings over checked sessions, for the panel badge. */
export function totalFindings(s: SessionsState): number {
	return s.sessions.reduce((sum, r) => sum + (r.findings ?? 0), 0);
}

/** The OpenHands config changed (e.g. the fix was applied): derive again with the new setting. */
/** The SDK rules `v` steps through: the config's (or the newest), then each side of the 1.26.0 merge. */
export const SDK_CHOICES: ReadonlyArray<string | null> = [null, '1.25.0', '1.26.0'];

export function nextSdkVersion(s: SessionsState): SessionsState {
	const at = SDK_CHOICES.indexOf(s.sdkVersion);
	const sdkVersion = SDK_CHOICES[(at + 1) % SDK_CHOICES.length]!;
	// V1 rows are checked again under the new rules.
	return {...s, sdkVersion, sessions: s.sessions.map(r => (r.v1 ? {...r, checkedAt: null} : r))};
}

export function setPromptExtensions(s: SessionsState, value: boolean, from: string): SessionsState {
	if (s.promptExtensions === value && s.promptExtensionsFrom === from) return s;
	return {...s, promptExtensions: value, promptExtensionsFrom: from, sessions: s.sessions.map(r => ({...r, checkedAt: null}))};
}
