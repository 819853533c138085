// Incremental reader of one `events/` folder: new `<n>.json` files are read once (OpenHands never
// rewrites an event), 25 at a time from OpenHands' event_cache pages where they exist; files that
// were partial or malformed are kept as problems and retried on the next scan. Never throws for a
// bad file. Scans run one at a time (the background check and the open session share a reader), in
// ascending id order so the first batch is the top of the list.

import path from 'node:path';
import {parseEvent, type EventFacts} from '../../domain/openhands/event.js';
import {listCachePages, pageEntryId, readCachePage, type CachePage} from './event-pages.js';
import {MAX_EVENT_BYTES, type JsonRead} from './read-json.js';
import {listNames, LOCAL_FILES, type StateFiles} from './state-files.js';

export interface EventProblem {
	id: number;
	file: string;
	kind: 'too-large' | 'empty' | 'partial' | 'malformed' | 'unreadable' | 'invalid';
	error: string;
	attempts: number;
}

export interface EventDirSnapshot {
	events: EventFacts[];
	problems: EventProblem[];
	/** Every event file id, good or not, ascending. */
	ids: number[];
	changed: boolean;
	/** Files left for the next scan (another host's scan stops at its time budget). */
	pending: number;
}

/** Reported after every batch of a scan that reads files; `events()` sorts, so call it sparingly. */
export interface ScanProgress {
	read: number;
	total: number;
	events: () => EventFacts[];
}

const EVENT_FILE = /^(\d+)\.json$/;
/** Events read per batch before yielding to the event loop (keeps keys and renders responsive). */
const BATCH = 250;
/** Fewer new files than a page holds are read one by one, without listing event_cache/. */
const PAGE_MIN = 25;

export class EventDirReader {
	private readonly good = new Map<number, EventFacts>();
	private readonly bad = new Map<number, EventProblem>();
	private sorted: EventFacts[] = [];
	private queue: Promise<unknown> = Promise.resolve();
	private readonly listeners = new Set<(progress: ScanProgress) => void>();
	/** Rough heap held by the parsed events (strings at 2 bytes a char, plus the object): for the cache's budget. */
	approxBytes = 0;
	/** Files read so far, event files and cache pages (each good event is read once; bad ones again on every scan). */
	filesRead = 0;

	/** `dir` with a trailing separator: file names are built 10,000 times on a first read. */
	private readonly prefix: string;

	constructor(
		readonly dir: string,
		private readonly files: StateFiles = LOCAL_FILES,
	) {
		this.prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
	}

	get eventCount(): number {
		return this.good.size;
	}

	fileFor(id: number): string {
		return `${this.prefix}${id}.json`;
	}

	/**
	 * Read what is new. `onProgress` hears every batch from now on, including those of a scan already
	 * running (the list's background check), so a session opened mid-check shows rows at once too.
	 */
	scan(onProgress?: (progress: ScanProgress) => void): Promise<EventDirSnapshot> {
		if (onProgress) this.listeners.add(onProgress);
		const run = this.queue.then(() => this.scanNow());
		this.queue = run.catch(() => undefined);
		return onProgress ? run.finally(() => this.listeners.delete(onProgress)) : run;
	}

	private async scanNow(): Promise<EventDirSnapshot> {
		let names: string[];
		try {
			names = await listNames(this.files, this.dir);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') return {events: [], problems: [], ids: [], changed: false, pending: 0};
			throw new Error(`${this.dir}: cannot list events (${code ?? (error as Error).message})`);
		}
		const ids: number[] = [];
		const todo: number[] = [];
		for (const name of names) {
			const match = EVENT_FILE.exec(name);
			if (!match) continue;
			const id = Number(match[1]);
			ids.push(id);
			if (!this.good.has(id)) todo.push(id);
		}
		ids.sort((a, b) => a - b);
		todo.sort((a, b) => a - b);
		let changed = false;
		const events = () => [...this.good.values()].sort((a, b) => a.id - b.id);
		// A live tail reads a file or two: only a long read looks for cache pages.
		const pages = todo.length >= PAGE_MIN ? await listCachePages(this.dir, this.files) : [];
		const pending = new Set(todo);
		let page = 0;
		let done = 0;
		let reported = 0;
		const until = performance.now() + this.files.scanBudgetMs;
		// Another host's files are read many to a call (each call is a command there): the next ids no page holds.
		const ahead = new Map<number, Promise<JsonRead>>();
		const paged = (id: number) => pages.some(p => p.start <= id && id < p.end);
		// Ascending ids, a batch of about BATCH events at a time, so the first batch is the top of the list.
		for (const [index, id] of todo.entries()) {
			// At least one file per scan, however slow the listing was: every scan moves on.
			if (done > 0 && performance.now() > until) break;
			if (pending.has(id)) {
				while (page < pages.length && pages[page]!.end <= id) page++;
				if (page < pages.length && pages[page]!.start <= id) {
					const taken = await this.readPage(pages[page++]!, pending);
					done += taken;
					changed = taken > 0 || changed;
				}
			}
			if (pending.delete(id)) {
				if (this.files.batch > 1 && !ahead.has(id)) {
					// This id and the next ones no page holds, in one call.
					const ids = [id];
					for (let j = index + 1; j < todo.length && ids.length < this.files.batch; j++) if (pending.has(todo[j]!) && !paged(todo[j]!)) ids.push(todo[j]!);
					const batch = this.files.readJsonBatch(ids.map(n => this.fileFor(n)), MAX_EVENT_BYTES);
					ids.forEach((n, k) => ahead.set(n, batch.then(r => r[k]!)));
				}
				const early = ahead.get(id);
				ahead.delete(id);
				const read = early ? await early : this.files.readJson(this.fileFor(id), MAX_EVENT_BYTES);
				changed = this.readOne(id, read instanceof Promise ? await read : read) || changed;
				done++;
			}
			if (done - reported >= BATCH || (done === todo.length && done > reported)) {
				reported = done;
				const progress = {read: done, total: todo.length, events};
				for (const listener of this.listeners) listener(progress);
				if (done < todo.length) await new Promise(resolve => setImmediate(resolve));
			}
		}
		const present = new Set(ids);
		for (const id of [...this.good.keys()]) if (!present.has(id)) (this.forget(id), (changed = true));
		for (const id of [...this.bad.keys()]) if (!present.has(id)) (this.bad.delete(id), (changed = true));
		// Read ahead past the budget: kept for nothing (read again next time), but not left unhandled.
		await Promise.allSettled(ahead.values());
		if (changed) this.sorted = [...this.good.values()].sort((a, b) => a.id - b.id);
		return {events: this.sorted, problems: [...this.bad.values()].sort((a, b) => a.id - b.id), ids, changed, pending: todo.length - done};
	}

	private forget(id: number): void {
		const event = this.good.get(id);
		if (event) this.approxBytes -= sizeOf(event);
		this.good.delete(id);
	}

	/**
	 * Take the page's events for ids still pending (their files exist and are not read yet); returns
	 * how many it took. An entry that is not a good event is left pending, so its own file is read.
	 */
	private async readPage(page: CachePage, pending: Set<number>): Promise<number> {
		const entries = await readCachePage(page, this.files);
		this.filesRead++;
		if (!entries) return 0;
		let taken = 0;
		for (const entry of entries) {
			const id = pageEntryId(entry, page);
			if (id === null || !pending.has(id)) continue;
			const parsed = parseEvent(entry, id);
			if (!parsed.ok) continue;
			this.bad.delete(id);
			this.forget(id);
			this.good.set(id, parsed.event);
			this.approxBytes += sizeOf(parsed.event);
			pending.delete(id);
			taken++;
		}
		return taken;
	}

	/** True when what we know about this file changed. */
	private readOne(id: number, read: JsonRead): boolean {
		const file = this.fileFor(id);
		this.filesRead++;
		const previous = this.bad.get(id);
		if (read.ok) {
			const parsed = parseEvent(read.value, id);
			if (parsed.ok) {
				this.bad.delete(id);
				const event = parsed.event.id === id ? parsed.event : {...parsed.event, id};
				this.forget(id);
				this.good.set(id, event);
				this.approxBytes += sizeOf(event);
				return true;
			}
			this.bad.set(id, {id, file, kind: 'invalid', error: `${file}: ${parsed.error}`, attempts: (previous?.attempts ?? 0) + 1});
			return !previous || previous.error !== parsed.error;
		}
		this.bad.set(id, {id, file, kind: read.kind, error: read.error, attempts: (previous?.attempts ?? 0) + 1});
		return !previous || previous.error !== read.error;
	}
}

function sizeOf(event: EventFacts): number {
	return 400 + 2 * (event.text.length + event.summary.length + (event.toolCall?.responseText.length ?? 0));
}
