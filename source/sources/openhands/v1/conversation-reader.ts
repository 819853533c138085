// Incremental reader of one V1 conversation folder. Event files are read once (the SDK never
// rewrites one); a file cut short by a write in progress or not JSON is kept as a problem and read
// again on the next scan. base_state.json is re-read when it changes (status, leaf, model).
// SDK folders order by the file's idx; app-server copies by the event's timestamp (their names
// sort by second, then class name), with the position as the id the panel shows.

import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {readBaseState, type V1BaseState} from '../../../domain/openhands/v1/base-state.js';
import {parseV1Event, type V1EventFacts} from '../../../domain/openhands/v1/event.js';
import {MAX_EVENT_BYTES, readJsonFileSync, type JsonRead} from '../read-json.js';
import {LOCAL_FILES, type StateEntry, type StateFiles} from '../state-files.js';
import {APP_EVENT_FILE, SDK_EVENT_FILE, type V1ConversationDir} from './layout.js';

export interface V1Problem {
	id: number;
	file: string;
	kind: string;
	error: string;
	attempts: number;
}

export interface V1Snapshot {
	events: V1EventFacts[];
	problems: V1Problem[];
	/** The file each event id was read from. */
	files: Map<number, string>;
	baseState: V1BaseState | null;
	changed: boolean;
	/** Event files present, good or not. */
	fileCount: number;
	/** Files left for the next scan (another host's scan stops at its time budget). */
	pending?: number;
}

interface Good {
	name: string;
	event: V1EventFacts;
}

export class V1ConversationReader {
	private readonly good = new Map<string, Good>();
	private readonly bad = new Map<string, V1Problem>();
	private baseMtime = -1;
	private baseState: V1BaseState | null = null;
	private last: V1Snapshot | null = null;

	constructor(
		readonly conversation: V1ConversationDir,
		/** Where it is: this machine (read synchronously), or another host's files. */
		private readonly files: StateFiles = LOCAL_FILES,
	) {}

	get dir(): string {
		return this.conversation.eventsDir;
	}

	scan(): Promise<V1Snapshot> {
		return this.files === LOCAL_FILES ? Promise.resolve().then(() => this.scanNow()) : this.scanVia(this.files);
	}

	scanNow(): V1Snapshot {
		const {eventsDir} = this.conversation;
		const changed = this.readBase();
		let names: string[];
		const notFiles = new Set<string>();
		try {
			// Only regular files are opened: a FIFO or device named like an event would block the read.
			names = readdirSync(eventsDir, {withFileTypes: true}).map(d => {
				if (!d.isFile() && !d.isSymbolicLink()) notFiles.add(d.name);
				return d.name;
			});
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT') throw new Error(`${eventsDir}: cannot list events (${code ?? (error as Error).message})`);
			names = [];
		}
		return this.take(names, notFiles, changed, name => readJsonFileSync(path.join(eventsDir, name), MAX_EVENT_BYTES));
	}

	/** The same scan through another host's files: one listing, the new files read several at once. */
	private async scanVia(files: StateFiles): Promise<V1Snapshot> {
		const {eventsDir} = this.conversation;
		const changed = await this.readBaseVia(files);
		let list: StateEntry[];
		try {
			list = await files.list(eventsDir);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT') throw new Error(`${eventsDir} on ${files.remote}: cannot list events (${code ?? (error as Error).message})`);
			list = [];
		}
		const notFiles = new Set(list.filter(e => !e.isFile).map(e => e.name));
		const names = list.map(e => e.name);
		const pattern = this.conversation.layout === 'sdk' ? SDK_EVENT_FILE : APP_EVENT_FILE;
		const todo = names.filter(n => pattern.test(n) && !this.good.has(n) && !notFiles.has(n));
		const reads = new Map<string, JsonRead>();
		const until = performance.now() + files.scanBudgetMs;
		for (let i = 0; i < todo.length && (i === 0 || performance.now() < until); i += files.batch) {
			const batch = todo.slice(i, i + files.batch);
			const read = await files.readJsonBatch(batch.map(n => path.join(eventsDir, n)), MAX_EVENT_BYTES);
			batch.forEach((n, j) => reads.set(n, read[j]!));
		}
		// Files past the budget are left out of this snapshot and read on the next scan.
		const unread = new Set(todo.filter(n => !reads.has(n)));
		const shown = names.filter(n => !unread.has(n));
		return this.take(shown, notFiles, changed, name => reads.get(name)!, unread.size);
	}

	private take(names: string[], notFiles: ReadonlySet<string>, baseChanged: boolean, read: (name: string) => JsonRead, pending = 0): V1Snapshot {
		const {eventsDir, layout} = this.conversation;
		let changed = baseChanged;
		const pattern = layout === 'sdk' ? SDK_EVENT_FILE : APP_EVENT_FILE;
		const present = names.filter(n => pattern.test(n));
		const order = (n: string) => (layout === 'sdk' ? Number(SDK_EVENT_FILE.exec(n)![1]) : 0);
		present.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
		for (const name of present) {
			if (this.good.has(name)) continue;
			if (notFiles.has(name)) {
				const file = path.join(eventsDir, name);
				const had = this.bad.has(name);
				this.bad.set(name, {id: order(name), file, kind: 'unreadable', error: `${file}: not a regular file; not read`, attempts: 1});
				changed = !had || changed;
				continue;
			}
			changed = this.readOne(name, order(name), read(name)) || changed;
		}
		const keep = new Set(present);
		for (const name of [...this.good.keys()]) if (!keep.has(name)) (this.good.delete(name), (changed = true));
		for (const name of [...this.bad.keys()]) if (!keep.has(name)) (this.bad.delete(name), (changed = true));
		if (!changed && this.last) return {...this.last, changed: false, pending};
		const entries = [...this.good.values()];
		if (layout === 'app') {
			// Microsecond timestamps give the emit order; the name is the tie-break.
			entries.sort((a, b) => (a.event.timestamp ?? '').localeCompare(b.event.timestamp ?? '') || a.name.localeCompare(b.name));
			entries.forEach((g, i) => (g.event = {...g.event, id: i}));
		} else entries.sort((a, b) => a.event.id - b.event.id);
		const files = new Map(entries.map(g => [g.event.id, path.join(eventsDir, g.name)]));
		const problems = [...this.bad.values()].sort((a, b) => a.id - b.id);
		if (layout === 'app') problems.forEach((p, i) => (p.id = entries.length + i));
		this.last = {events: entries.map(g => g.event), problems, files, baseState: this.baseState, changed: true, fileCount: present.length + pending, pending};
		return this.last;
	}

	private readBase(): boolean {
		if (this.conversation.layout !== 'sdk') return false;
		const file = path.join(this.conversation.dir, 'base_state.json');
		let mtime: number;
		try {
			mtime = statSync(file).mtimeMs;
		} catch {
			return false;
		}
		if (mtime === this.baseMtime) return false;
		const read = readJsonFileSync(file, MAX_EVENT_BYTES);
		// A base_state.json being rewritten is read again on the next scan.
		if (!read.ok) return false;
		this.baseMtime = mtime;
		this.baseState = readBaseState(read.value);
		return true;
	}

	private async readBaseVia(files: StateFiles): Promise<boolean> {
		if (this.conversation.layout !== 'sdk') return false;
		const file = path.join(this.conversation.dir, 'base_state.json');
		const mtime = await files.mtimeMs(file);
		if (mtime === null || mtime === this.baseMtime) return false;
		const read = await files.readJson(file, MAX_EVENT_BYTES);
		if (!read.ok) return false;
		this.baseMtime = mtime;
		this.baseState = readBaseState(read.value);
		return true;
	}

	private readOne(name: string, idx: number, read: JsonRead): boolean {
		const file = path.join(this.conversation.eventsDir, name);
		const previous = this.bad.get(name);
		const fail = (kind: string, error: string) => {
			this.bad.set(name, {id: idx, file, kind, error, attempts: (previous?.attempts ?? 0) + 1});
			return !previous || previous.error !== error;
		};
		if (!read.ok) return fail(read.kind, read.error);
		const parsed = parseV1Event(read.value, idx);
		if (!parsed.ok) return fail('invalid', `${file}: ${parsed.error}`);
		this.bad.delete(name);
		this.good.set(name, {name, event: parsed.event});
		return true;
	}
}
