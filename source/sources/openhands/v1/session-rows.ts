// V1 conversations as rows of the same session list V0 sessions use (title, model and state from
// base_state.json / meta.json, event count, times), and a checked V1 snapshot as event rows with
// the role each event is sent as, findings, the status and the SDK rules applied.

import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Finding, TemplateFamily} from '../../../domain/openhands/finding.js';
import {oneLine} from '../../../domain/openhands/event.js';
import {readBaseState} from '../../../domain/openhands/v1/base-state.js';
import {checkV1Events, lastExecutionStatus} from '../../../domain/openhands/v1/check.js';
import {describeRules, sdkRules} from '../../../domain/openhands/v1/version.js';
import type {EventRow, SessionRow} from '../../../store/slices/sessions.js';
import {MAX_EVENT_BYTES, readJsonFileSync} from '../read-json.js';
import type {V1Snapshot} from './conversation-reader.js';
import {APP_EVENT_FILE, SDK_EVENT_FILE, classify, conversationsUnder, listVia, rootsOf, v1Roots, type V1ConversationDir} from './layout.js';
import {listingError, type RemoteStateFiles, type StateFiles} from '../state-files.js';
import {stampOfSync} from '../../../fs/stamp.js';
import {settled, type TreeEntry, type TreeListing} from '../../../fs/tree.js';

function mtime(p: string): string | null {
	try {
		return statSync(p).mtime.toISOString();
	} catch {
		return null;
	}
}

function readObject(file: string): unknown {
	const read = readJsonFileSync(file, MAX_EVENT_BYTES);
	return read.ok ? read.value : null;
}

export function v1Row(c: V1ConversationDir): SessionRow {
	let count = 0;
	try {
		const pattern = c.layout === 'sdk' ? SDK_EVENT_FILE : APP_EVENT_FILE;
		count = readdirSync(c.eventsDir).filter(n => pattern.test(n)).length;
	} catch {
		// No events yet.
	}
	const base = c.layout === 'sdk' ? readObject(path.join(c.dir, 'base_state.json')) : null;
	const meta = c.layout === 'sdk' ? readObject(path.join(c.dir, 'meta.json')) : null;
	return rowOf(c, count, base, meta, mtime(c.eventsDir) ?? mtime(c.dir));
}

/** The same row, read through another host's files. */
export async function v1RowVia(files: StateFiles, c: V1ConversationDir): Promise<SessionRow> {
	const pattern = c.layout === 'sdk' ? SDK_EVENT_FILE : APP_EVENT_FILE;
	const object = async (file: string) => {
		const read = await files.readJson(file, MAX_EVENT_BYTES);
		return read.ok ? read.value : null;
	};
	const [names, base, meta, eventsMtime] = await Promise.all([
		// No events folder yet: no events. Any other failure is said on the row, as for a V0 session.
		files.list(c.eventsDir).then(
			l => l.map(e => e.name),
			(error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : {error: `${c.eventsDir}: cannot read (${error.code ?? error.message}); events not counted`}),
		),
		c.layout === 'sdk' ? object(path.join(c.dir, 'base_state.json')) : null,
		c.layout === 'sdk' ? object(path.join(c.dir, 'meta.json')) : null,
		files.mtimeMs(c.eventsDir),
	]);
	const ms = eventsMtime ?? (await files.mtimeMs(c.dir));
	const row = rowOf(c, Array.isArray(names) ? names.filter(n => pattern.test(n)).length : 0, base, meta, ms === null ? null : new Date(ms).toISOString());
	return Array.isArray(names) ? row : {...row, error: names.error};
}

function rowOf(c: V1ConversationDir, count: number, baseJson: unknown, meta: unknown, updated: string | null): SessionRow {
	const base = baseJson === null ? null : readBaseState(baseJson);
	const metaTitle = meta && typeof meta === 'object' && typeof (meta as {title?: unknown}).title === 'string' ? (meta as {title: string}).title : null;
	return {
		id: c.id,
		dir: c.dir,
		title: metaTitle,
		createdAt: updated,
		updatedAt: updated,
		eventCount: count,
		agentState: base?.executionStatus ?? null,
		model: base?.model ?? null,
		findings: null,
		rules: [],
		checkedAt: null,
		error: null,
		v1: {eventsDir: c.eventsDir, layout: c.layout},
	};
}

/** What a V1 row is read from, stamped (../../../fs/stamp.ts); null when one of them cannot be trusted. */
function v1Stamp(c: V1ConversationDir, nowMs: number): string | null {
	const parts = [stampOfSync(c.dir, nowMs, 'folder'), stampOfSync(c.eventsDir, nowMs, 'folder')];
	if (c.layout === 'sdk') parts.push(stampOfSync(path.join(c.dir, 'base_state.json'), nowMs), stampOfSync(path.join(c.dir, 'meta.json'), nowMs));
	return parts.includes(null) ? null : parts.join(' ');
}

/**
 * Every V1 conversation under a state folder's V1 roots (CLI/agent server conversations/, app server
 * v1/events/), as rows. A conversation whose folders, base_state.json and meta.json kept
 * their stamps since the last listing keeps its row: the listing runs every few seconds, and each
 * row was its events folder listed and its state files read and parsed again.
 */
export function createV1Lister(now: () => number = Date.now): (stateDir: string) => SessionRow[] {
	let kept = new Map<string, {stamp: string; row: SessionRow}>();
	return stateDir => {
		const at = now();
		const next = new Map<string, {stamp: string; row: SessionRow}>();
		const rows = v1Roots(stateDir)
			.flatMap(conversationsUnder)
			.map(c => {
				const stamp = v1Stamp(c, at);
				const old = kept.get(c.dir);
				if (stamp !== null && old?.stamp === stamp) {
					next.set(c.dir, old);
					return old.row;
				}
				const row = v1Row(c);
				if (stamp !== null) next.set(c.dir, {stamp, row});
				return row;
			});
		kept = next;
		return rows;
	};
}

/**
 * Another host's V1 conversations, as v1Row reads this machine's, at one command a listing while
 * nothing changed: the V1 roots listed two levels down with stamps, and a conversation read again
 * (four commands) only when its folder, events folder, base_state.json or meta.json moved, or
 * changed within RECENT_MS of that box's clock. Each listing was five commands a conversation.
 */
export function createRemoteV1Lister(files: RemoteStateFiles): (stateDir: string) => Promise<SessionRow[]> {
	let kept = new Map<string, {stamp: string; row: SessionRow | null}>();
	return async stateDir => {
		const roots = rootsOf(stateDir);
		let tree: TreeListing;
		try {
			tree = await files.tree(roots, 2);
		} catch (error) {
			throw listingError(files, stateDir, 'conversations', error);
		}
		// Each folder directly under a root, and what is in it.
		const inside = new Map<string, TreeEntry[]>();
		const folders: TreeEntry[] = [];
		for (const e of tree.entries) {
			const slash = e.path.indexOf('/');
			if (slash < 0) {
				if (e.isDirectory) folders.push(e);
				continue;
			}
			const key = path.join(e.root, e.path.slice(0, slash));
			const list = inside.get(key) ?? [];
			list.push(e);
			inside.set(key, list);
		}
		// Root by root, folders by name, as this machine's are listed.
		folders.sort((a, b) => roots.indexOf(a.root) - roots.indexOf(b.root) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		const next = new Map<string, {stamp: string; row: SessionRow | null}>();
		const read = async (folder: TreeEntry): Promise<SessionRow | null> => {
			const dir = path.join(folder.root, folder.path);
			const here = inside.get(dir) ?? [];
			const named = (name: string) => here.find(e => e.path === `${folder.path}/${name}`);
			const parts = [folder, named('events'), named('base_state.json'), named('meta.json')];
			const stamp = parts.every(e => settled(tree, e)) ? parts.map(p => p?.stamp ?? '-').join(' ') : null;
			const old = kept.get(dir);
			if (stamp !== null && old?.stamp === stamp) {
				next.set(dir, old);
				return old.row;
			}
			const names = here.map(e => e.path.slice(folder.path.length + 1));
			const events = named('events')?.isDirectory && !names.includes('base_state.json') ? (await listVia(files, path.join(dir, 'events'))).map(e => e.name) : null;
			const c = classify(dir, names, events);
			const row = c ? await v1RowVia(files, c) : null;
			if (stamp !== null) next.set(dir, {stamp, row});
			return row;
		};
		const rows: SessionRow[] = [];
		for (let i = 0; i < folders.length; i += files.parallel) {
			for (const row of await Promise.all(folders.slice(i, i + files.parallel).map(read))) if (row) rows.push(row);
		}
		kept = next;
		return rows;
	};
}

export function conversationOf(row: SessionRow): V1ConversationDir | null {
	return row.v1 && row.v1.layout !== 'rest' ? {dir: row.dir, eventsDir: row.v1.eventsDir, layout: row.v1.layout, id: row.id} : null;
}

/** A conversation a running server lists, as a row ("<url>#<id>" stands for its events). */
export function restRow(url: string, c: {id: string; title: string | null; model: string | null; status: string | null; updatedAt: string | null}): SessionRow {
	const where = `${url}#${c.id}`;
	return {
		id: c.id,
		dir: where,
		title: c.title,
		createdAt: c.updatedAt,
		updatedAt: c.updatedAt,
		eventCount: 0,
		agentState: c.status,
		model: c.model,
		findings: null,
		rules: [],
		checkedAt: null,
		error: null,
		v1: {eventsDir: where, layout: 'rest'},
	};
}

export interface V1Settings {
	sdkVersion: string | null;
	template: TemplateFamily | null;
	/** Where sdkVersion came from, when not the config. */
	sdkFrom?: string;
}

export interface CheckedV1 {
	rows: EventRow[];
	findings: Finding[];
	agentState: string | null;
	title: string | null;
	rulesNote: string;
}

export function checkV1Snapshot(snapshot: V1Snapshot, settings: V1Settings): CheckedV1 {
	const sdk = sdkRules(settings.sdkVersion, settings.sdkVersion ? (settings.sdkFrom ?? '[openhands] sdk_version') : null, snapshot.baseState?.nativeToolCalling ?? true);
	const {roles, findings} = checkV1Events(snapshot.events, {sdk, leafEventId: snapshot.baseState?.leafEventId ?? null, template: settings.template});
	const roleById = new Map(roles.map(r => [r.eventId, r.label]));
	const rows: EventRow[] = snapshot.events.map(e => ({
		id: e.id,
		timestamp: e.timestamp,
		source: e.source,
		kind: e.kind.replace(/Event$/, '').replace(/Observation$/, 'Obs'),
		summary: e.summary,
		role: roleById.get(e.id) ?? '-',
		problem: null,
		file: snapshot.files.get(e.id) ?? '',
	}));
	for (const p of snapshot.problems) rows.push({id: p.id, timestamp: null, source: '?', kind: p.kind, summary: p.error, role: '?', problem: `${p.error} (retrying)`, file: p.file});
	rows.sort((a, b) => a.id - b.id);
	const firstUser = snapshot.events.find(e => e.kind === 'MessageEvent' && e.messageRole === 'user' && e.source === 'user');
	return {
		rows,
		findings,
		agentState: snapshot.baseState?.executionStatus ?? lastExecutionStatus(snapshot.events),
		title: firstUser ? oneLine(firstUser.text, 80) : null,
		rulesNote: `${describeRules(sdk)}${settings.template ? `; ${settings.template} chat template` : ''}`,
	};
}
