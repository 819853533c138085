// Lists the sessions of a V0 state folder: `sessions/<id>/metadata.json` for title, times and
// model, and the number of event files. Unreadable metadata is reported on the row, not thrown.

import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {z} from 'zod';
import {fsPath, readdirRaw} from '../../fs/raw-names.js';
import type {SessionRow} from '../../store/slices/sessions.js';
import {readJsonFile} from './read-json.js';

const metadataSchema = z.looseObject({
	title: z.string().nullish(),
	created_at: z.string().nullish(),
	last_updated_at: z.string().nullish(),
	llm_model: z.string().nullish(),
});

/** Event files in the folder; an unreadable folder is said so (a missing one has 0 events). */
export async function countEventFiles(eventsDir: string): Promise<number | {error: string}> {
	try {
		return (await readdir(fsPath(eventsDir), {encoding: 'utf8'})).filter(n => /^\d+\.json$/.test(n)).length;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? 0 : {error: `${eventsDir}: cannot read (${code ?? (error as Error).message}); events not checked`};
	}
}

export async function readSessionRow(dir: string): Promise<SessionRow> {
	const id = path.basename(dir);
	const row: SessionRow = {id, dir, title: null, createdAt: null, updatedAt: null, eventCount: 0, agentState: null, model: null, findings: null, rules: [], checkedAt: null, error: null};
	const eventsDir = path.join(dir, 'events');
	const count = await countEventFiles(eventsDir);
	if (typeof count === 'number') row.eventCount = count;
	else row.error = count.error;
	const meta = await readJsonFile(path.join(dir, 'metadata.json'), 1024 * 1024);
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
		try {
			const mtime = (await stat(fsPath(eventsDir))).mtime.toISOString();
			row.updatedAt ??= mtime;
			row.createdAt ??= mtime;
		} catch {
			// No events folder yet.
		}
	}
	return row;
}

export async function listSessions(stateDir: string): Promise<SessionRow[]> {
	const sessionsDir = path.join(stateDir, 'sessions');
	let names: string[];
	try {
		// As bytes: a name that is not UTF-8 must still open its folder.
		names = (await readdirRaw(sessionsDir)).filter(d => d.isDirectory).map(d => d.name);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return [];
		throw new Error(`${sessionsDir}: cannot list sessions (${code ?? (error as Error).message}); check permissions (OpenHands writes it as UID 1000)`);
	}
	return Promise.all(names.map(n => readSessionRow(path.join(sessionsDir, n))));
}
