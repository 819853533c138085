// Lists the sessions of a V0 state folder: `sessions/<id>/metadata.json` for title, times and
// model, and the number of event files. Unreadable metadata is reported on the row, not thrown.
// The cockpit lists again every few seconds: its lister (createSessionLister) reads a session again
// only when its metadata file or its events folder changed.

import path from 'node:path';
import {z} from 'zod';
import type {SessionRow} from '../../store/slices/sessions.js';
import {readJsonFile} from './read-json.js';
import {listingError, listNames, LOCAL_FILES, type RemoteStateFiles, type StateFiles} from './state-files.js';
import {stampOf} from '../../fs/stamp.js';
import {settled, type TreeListing} from '../../fs/tree.js';

const metadataSchema = z.looseObject({
	title: z.string().nullish(),
	created_at: z.string().nullish(),
	last_updated_at: z.string().nullish(),
	llm_model: z.string().nullish(),
});

/** Event files in the folder; an unreadable folder is said so (a missing one has 0 events). */
export async function countEventFiles(eventsDir: string, files: StateFiles = LOCAL_FILES): Promise<number | {error: string}> {
	try {
		return (await listNames(files, eventsDir)).filter(n => /^\d+\.json$/.test(n)).length;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? 0 : {error: `${eventsDir}: cannot read (${code ?? (error as Error).message}); events not checked`};
	}
}

export async function readSessionRow(dir: string, files: StateFiles = LOCAL_FILES): Promise<SessionRow> {
	const id = path.basename(dir);
	const row: SessionRow = {id, dir, title: null, createdAt: null, updatedAt: null, eventCount: 0, agentState: null, model: null, findings: null, rules: [], checkedAt: null, error: null};
	const eventsDir = path.join(dir, 'events');
	const count = await countEventFiles(eventsDir, files);
	if (typeof count === 'number') row.eventCount = count;
	else row.error = count.error;
	const metaFile = path.join(dir, 'metadata.json');
	const meta = files === LOCAL_FILES ? await readJsonFile(metaFile, 1024 * 1024) : await files.readJson(metaFile, 1024 * 1024);
	if (meta.ok && meta.value !== undefined) {
		const parsed = metadataSchema.safeParse(meta.value);
		if (parsed.success) {
			row.title = parsed.data.title ?? null;
			row.createdAt = parsed.data.created_at ?? null;
			row.updatedAt = parsed.data.last_updated_at ?? null;
			row.model = parsed.data.llm_model ?? null;
		} else row.error = `${path.join(dir, 'metadata.json')}: unexpected shape`;
	} else if (!meta.ok && meta.kind !== 'unreadable') row.error = meta.error;
	// OpenHands rewrites last_updated_at on every event, so metadata is the truth; the events folder's
	// mtime stands in only without it (a copied state folder has every mtime at the copy's time).
	if (!row.updatedAt || !row.createdAt) {
		const ms = await files.mtimeMs(eventsDir);
		// No events folder yet: no time.
		if (ms !== null) {
			const mtime = new Date(ms).toISOString();
			row.updatedAt ??= mtime;
			row.createdAt ??= mtime;
		}
	}
	return row;
}

/** This machine's sessions; `readRow`: how one session folder is read (the lister's cache; readSessionRow by default). */
export async function listSessions(stateDir: string, readRow: (dir: string) => Promise<SessionRow> = readSessionRow): Promise<SessionRow[]> {
	const sessionsDir = path.join(stateDir, 'sessions');
	let names: string[];
	try {
		// As bytes here: a name that is not UTF-8 must still open its folder.
		names = (await LOCAL_FILES.list(sessionsDir)).filter(d => d.isDirectory).map(d => d.name);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw listingError(LOCAL_FILES, sessionsDir, 'sessions', error, stateDir);
	}
	return Promise.all(names.map(n => readRow(path.join(sessionsDir, n))));
}

/**
 * Lists this machine's state folders as listSessions does, but a session whose metadata.json and
 * events folder kept their stamps (../../fs/stamp.ts) since the last listing keeps its row: two stats
 * instead of listing its events folder and reading and checking its metadata. A state folder of
 * 200 sessions was 400 reads every 5 s, for rows that had not changed.
 */
export function createSessionLister(now: () => number = Date.now): (stateDir: string) => Promise<SessionRow[]> {
	let kept = new Map<string, {stamp: string; row: SessionRow}>();
	return async stateDir => {
		const next = new Map<string, {stamp: string; row: SessionRow}>();
		const at = now();
		const rows = await listSessions(stateDir, async dir => {
			const [meta, events] = await Promise.all([stampOf(path.join(dir, 'metadata.json'), at), stampOf(path.join(dir, 'events'), at, 'folder')]);
			// Either changed just now (or not a file, not a folder): read, and keep nothing.
			const stamp = meta !== null && events !== null ? `${meta} ${events}` : null;
			const old = kept.get(dir);
			if (stamp !== null && old?.stamp === stamp) {
				next.set(dir, old);
				return old.row;
			}
			// Stamped before the read: a change in between moves the stamp the next listing sees.
			const row = await readSessionRow(dir);
			if (stamp !== null) next.set(dir, {stamp, row});
			return row;
		});
		// Only the sessions still there stay kept (and another state folder's are dropped).
		kept = next;
		return rows;
	};
}

/**
 * Another host's sessions, as listSessions reads them, at one command a listing while nothing
 * changed: sessions/ listed two levels down with stamps (each session's metadata.json and events
 * folder), and a session read again (two commands) only when one of those moved, or changed within
 * RECENT_MS of that box's clock. Each listing was two commands a session, every 5 s: a shell started
 * on that box for each, 400 of them with 200 sessions.
 */
export function createRemoteSessionLister(files: RemoteStateFiles): (stateDir: string) => Promise<SessionRow[]> {
	let kept = new Map<string, {stamp: string; row: SessionRow}>();
	return async stateDir => {
		const sessionsDir = path.join(stateDir, 'sessions');
		let tree: TreeListing;
		try {
			tree = await files.tree([sessionsDir], 2);
		} catch (error) {
			throw listingError(files, sessionsDir, 'sessions', error, stateDir);
		}
		const byPath = new Map(tree.entries.map(e => [e.path, e]));
		const next = new Map<string, {stamp: string; row: SessionRow}>();
		const sessions = tree.entries.filter(e => e.isDirectory && !e.path.includes('/'));
		const rows: SessionRow[] = [];
		// A few sessions read at a time, as listSessions does (each read is a command over its SSH connection).
		for (let i = 0; i < sessions.length; i += files.parallel) {
			const batch = sessions.slice(i, i + files.parallel).map(async session => {
				const dir = path.join(sessionsDir, session.path);
				const meta = byPath.get(`${session.path}/metadata.json`);
				const events = byPath.get(`${session.path}/events`);
				const stamp = settled(tree, meta) && settled(tree, events) ? `${meta?.isFile ? meta.stamp : '-'} ${events?.isDirectory ? events.stamp : '-'}` : null;
				const old = kept.get(dir);
				if (stamp !== null && old?.stamp === stamp) {
					next.set(dir, old);
					return old.row;
				}
				const row = await readSessionRow(dir, files);
				if (stamp !== null) next.set(dir, {stamp, row});
				return row;
			});
			rows.push(...(await Promise.all(batch)));
		}
		kept = next;
		return rows;
	};
}
