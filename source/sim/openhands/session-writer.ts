// Writes one OpenHands V0 conversation: sessions/<id>/metadata.json and events/<n>.json, one
// compact JSON file per event, ids consecutive from 0, metadata totals kept up to date, and an
// event_cache/<start>-<end>.json page after every 25th event, as EventStream (>= 0.32) writes it.

import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {EventClock, EventDict, LlmTurn, MetricsTotals} from './events.js';
import {naiveLocalIso, pyDumps, PyFloat, utcIsoZ} from './py-json.js';

/** EventStream.cache_size. */
const PAGE_SIZE = 25;

export class SessionWriter implements EventClock {
	readonly dir: string;
	private nextId = 0;
	private time: number;
	private readonly createdAt: Date;
	readonly totals: MetricsTotals = {cost: 0, promptTokens: 0, completionTokens: 0, cacheRead: 0};
	private turnCounter = 0;
	/** EventStream's write page: the dicts since the last full page of 25. */
	private page: EventDict[] = [];

	constructor(
		stateDir: string,
		readonly id: string,
		readonly title: string,
		readonly llmModel: string,
		startAt: Date,
	) {
		this.dir = path.join(stateDir, 'sessions', id);
		mkdirSync(path.join(this.dir, 'events'), {recursive: true});
		this.time = startAt.getTime();
		this.createdAt = startAt;
	}

	/** Advance the session's clock; fixed sessions are written in the past, the live one in real time. */
	advance(ms: number): void {
		this.time += ms;
	}

	syncToNow(): void {
		this.time = Math.max(this.time, Date.now());
	}

	stamp(): string {
		this.time += 1 + Math.floor(Math.random() * 4);
		return naiveLocalIso(new Date(this.time), Math.floor(Math.random() * 1000));
	}

	get count(): number {
		return this.nextId;
	}

	/** Append an event built for the next id. */
	add(build: (id: number) => EventDict): number {
		const id = this.nextId++;
		const data = build(id);
		writeFileSync(path.join(this.dir, 'events', `${id}.json`), pyDumps(data));
		// The page is written last, after the event's own file (a reader that misses it reads the files).
		this.page.push(data);
		if (this.page.length === PAGE_SIZE) {
			mkdirSync(path.join(this.dir, 'event_cache'), {recursive: true});
			writeFileSync(path.join(this.dir, 'event_cache', `${id + 1 - PAGE_SIZE}-${id + 1}.json`), pyDumps(this.page));
			this.page = [];
		}
		return id;
	}

	/** One LLM response: its usage is added to the totals the metrics and metadata report. */
	turn(model: string, content: string | null, promptTokens: number, completionTokens: number, cachedTokens: number): LlmTurn {
		this.turnCounter += 1;
		this.totals.promptTokens += promptTokens;
		this.totals.completionTokens += completionTokens;
		this.totals.cacheRead += cachedTokens;
		return {
			responseId: `chatcmpl-${this.id.slice(0, 8)}${String(this.turnCounter).padStart(4, '0')}`,
			created: Math.floor(this.time / 1000),
			model,
			content,
			promptTokens,
			completionTokens,
			cachedTokens,
		};
	}

	writeMetadata(): void {
		const meta = {
			conversation_id: this.id,
			selected_repository: null,
			user_id: null,
			selected_branch: null,
			git_provider: null,
			title: this.title,
			last_updated_at: utcIsoZ(new Date(this.time)),
			trigger: 'gui',
			pr_number: [],
			created_at: utcIsoZ(this.createdAt),
			llm_model: this.llmModel,
			accumulated_cost: new PyFloat(this.totals.cost),
			prompt_tokens: this.totals.promptTokens,
			completion_tokens: this.totals.completionTokens,
			total_tokens: this.totals.promptTokens + this.totals.completionTokens,
		};
		writeFileSync(path.join(this.dir, 'metadata.json'), pyDumps(meta, true));
	}
}
