// Incremental reader of one `events/` folder: new `<n>.json` files are read once (OpenHands never
// rewrites an event); files that were partial or malformed are kept as problems and retried on the
// next scan. Never throws for a bad file.

import {readdir} from 'node:fs/promises';
import path from 'node:path';
import {parseEvent, type EventFacts} from '../../domain/openhands/event.js';
import {MAX_EVENT_BYTES, readJsonFileSync} from './read-json.js';

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
}

const EVENT_FILE = /^(\d+)\.json$/;
/** Files read per batch before yielding to the event loop (keeps keys and renders responsive). */
const BATCH = 250;

export class EventDirReader {
	private readonly good = new Map<number, EventFacts>();
	private readonly bad = new Map<number, EventProblem>();
	private sorted: EventFacts[] = [];

	constructor(readonly dir: string) {}

	fileFor(id: number): string {
		return path.join(this.dir, `${id}.json`);
	}

	async scan(): Promise<EventDirSnapshot> {
		let names: string[];
		try {
			names = await readdir(this.dir);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOENT') return {events: [], problems: [], ids: [], changed: false};
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
		let changed = false;
		for (let i = 0; i < todo.length; i += BATCH) {
			if (i > 0) await new Promise(resolve => setImmediate(resolve));
			for (const id of todo.slice(i, i + BATCH)) changed = this.readOne(id) || changed;
		}
		const present = new Set(ids);
		for (const id of [...this.good.keys()]) if (!present.has(id)) (this.good.delete(id), (changed = true));
		for (const id of [...this.bad.keys()]) if (!present.has(id)) (this.bad.delete(id), (changed = true));
		if (changed) this.sorted = [...this.good.values()].sort((a, b) => a.id - b.id);
		return {events: this.sorted, problems: [...this.bad.values()].sort((a, b) => a.id - b.id), ids, changed};
	}

	/** True when what we know about this file changed. */
	private readOne(id: number): boolean {
		const file = this.fileFor(id);
		const read = readJsonFileSync(file, MAX_EVENT_BYTES);
		const previous = this.bad.get(id);
		if (read.ok) {
			const parsed = parseEvent(read.value, id);
			if (parsed.ok) {
				this.bad.delete(id);
				this.good.set(id, parsed.event.id === id ? parsed.event : {...parsed.event, id});
				return true;
			}
			this.bad.set(id, {id, file, kind: 'invalid', error: `${file}: ${parsed.error}`, attempts: (previous?.attempts ?? 0) + 1});
			return !previous || previous.error !== parsed.error;
		}
		this.bad.set(id, {id, file, kind: read.kind, error: read.error, attempts: (previous?.attempts ?? 0) + 1});
		return !previous || previous.error !== read.error;
	}
}
