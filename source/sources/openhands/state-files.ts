// How the sessions source reads a state folder: this machine's straight from the disk (synchronous
// reads of small event files, the fast path a 10,000-event session needs), another host's through
// its Host (over SSH, each call with a deadline, a scan with a time budget so one slow box holds up
// only its own rows).

import {readdir, stat} from 'node:fs/promises';
import {statSync} from 'node:fs';
import {fsPath, readdirRaw} from '../../fs/raw-names.js';
import {readRegularText} from '../../fs/read-regular.js';
import type {Host} from '../../hosts/host.js';
import type {TreeListing} from '../../fs/tree.js';
import {decodeJson, formatMb, readJsonFileSync, type JsonRead} from './read-json.js';

export interface StateEntry {
	name: string;
	isDirectory: boolean;
	isFile: boolean;
}

export interface StateFiles {
	/** Where the files are, for messages ("spark2"); null on this machine. */
	readonly remote: string | null;
	/** A scan stops reading after this long and goes on at the next one (Infinity here). */
	readonly scanBudgetMs: number;
	/** Files read in one call (1 here: the reads are synchronous; over SSH each call is a command, so many). */
	readonly batch: number;
	/** Sessions read at once (a listing is a few calls each). */
	readonly parallel: number;
	/** A folder's entries; throws with code ENOENT when it is missing. */
	list(dir: string): Promise<StateEntry[]>;
	/** A JSON file (synchronous here: thousands of small reads). */
	readJson(file: string, maxBytes: number): JsonRead | Promise<JsonRead>;
	/** Several JSON files in one call, in order. */
	readJsonBatch(files: readonly string[], maxBytes: number): Promise<JsonRead[]>;
	mtimeMs(path: string): Promise<number | null>;
	readText(file: string, maxBytes: number): Promise<{ok: true; text: string} | {ok: false; error: string}>;
}

export const LOCAL_FILES: StateFiles = {
	remote: null,
	scanBudgetMs: Number.POSITIVE_INFINITY,
	batch: 1,
	parallel: 1,
	list: dir => readdirRaw(dir),
	readJson: readJsonFileSync,
	readJsonBatch: async (files, maxBytes) => files.map(f => readJsonFileSync(f, maxBytes)),
	mtimeMs: p => stat(fsPath(p)).then(
		st => st.mtimeMs,
		() => null,
	),
	readText: readRegularText,
};

/** Names only, the cheapest listing here (event folders of 10,000 files). */
export function listNames(files: StateFiles, dir: string): Promise<string[]> {
	return files === LOCAL_FILES ? readdir(fsPath(dir), {encoding: 'utf8'}) : files.list(dir).then(l => l.map(e => e.name));
}

/** Whether a path is a folder, now (the CLI's synchronous layout checks). */
export function isDirSync(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}

/** One call's deadline on another host, and how long one scan reads before it yields to the next tick. */
export const REMOTE_CALL_MS = 5000;
export const REMOTE_SCAN_BUDGET_MS = 3000;
/** Event files per command over SSH (a command costs a login shell there; 25 files are one event_cache page's worth). */
export const REMOTE_BATCH = 50;

/** Another host's state folder: also listed a few levels down in one command, with stamps. */
export interface RemoteStateFiles extends StateFiles {
	readonly remote: string;
	tree(roots: readonly string[], depth: number): Promise<TreeListing>;
}

/** A host's state folder read through the Host (its own SSH connection). */
export function hostFiles(host: Host, callMs = REMOTE_CALL_MS): RemoteStateFiles {
	const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
	const failed = (file: string, error: unknown, maxBytes: number): JsonRead => {
		if (code(error) === 'EFBIG') return {ok: false, kind: 'too-large', error: `${file} on ${host.label}: over the ${formatMb(maxBytes)} limit; not read`, bytes: maxBytes + 1};
		if (code(error) === 'EINVAL') return {ok: false, kind: 'unreadable', error: `${file} on ${host.label}: not a regular file; not read`, bytes: 0};
		return {ok: false, kind: 'unreadable', error: `${file} on ${host.label}: cannot read (${code(error)})`, bytes: 0};
	};
	return {
		remote: host.label,
		scanBudgetMs: REMOTE_SCAN_BUDGET_MS,
		batch: REMOTE_BATCH,
		parallel: 4,
		list: dir => host.files.list(dir, {timeoutMs: callMs}),
		tree: (roots, depth) => host.files.tree(roots, depth, {timeoutMs: callMs}),
		async readJson(file, maxBytes) {
			try {
				return decodeJson(await host.files.readFile(file, {maxBytes, timeoutMs: callMs}), file, false);
			} catch (error) {
				return failed(file, error, maxBytes);
			}
		},
		async readJsonBatch(paths, maxBytes) {
			try {
				const texts = await host.files.readFiles(paths, {maxBytes, timeoutMs: callMs});
				return texts.map((t, i) => (typeof t === 'string' ? decodeJson(t, paths[i]!, false) : failed(paths[i]!, t, maxBytes)));
			} catch (error) {
				return paths.map(p => failed(p, error, maxBytes));
			}
		},
		mtimeMs: p => host.files.stat(p, {timeoutMs: callMs}).then(
			st => st.mtimeMs,
			() => null,
		),
		async readText(file, maxBytes) {
			try {
				return {ok: true, text: await host.files.readFile(file, {maxBytes, timeoutMs: callMs})};
			} catch (error) {
				return {ok: false, error: `${file} on ${host.label}: cannot read (${code(error)})`};
			}
		},
	};
}

/**
 * Why `dir` could not be listed, in words. On another host anything but a refusal is the box's
 * trouble (no connection, no answer in time), said with the state folder (`under`) it holds up.
 */
export function listingError(files: StateFiles, dir: string, what: 'sessions' | 'conversations' | 'a conversation', error: unknown, under = dir): Error {
	const code = (error as NodeJS.ErrnoException).code;
	if (files.remote && code !== 'EACCES' && code !== 'EPERM' && code !== 'EIO') {
		return new Error(`${files.remote} unreachable over ssh (${(error as Error).message}); its ${what === 'sessions' ? 'sessions' : 'conversations'} in ${under} are not read until it answers`);
	}
	const where = files.remote ? ` on ${files.remote}` : '';
	return new Error(`${dir}${where}: cannot list ${what} (${code ?? (error as Error).message}); check permissions (OpenHands writes it as UID 1000)`);
}
