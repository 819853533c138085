// A running OpenHands agent server (or V1 app server) over its REST API: the SDK version from
// /server_info, conversations from .../conversations/search, and each conversation's events from
// .../events/search, walked page by page (next_page_id) and then tailed from the last timestamp.
// The session API key is read from the environment variable the config names, never stored.

import {parseV1Event, type V1EventFacts} from '../../../domain/openhands/v1/event.js';
import type {V1BaseState} from '../../../domain/openhands/v1/base-state.js';
import type {V1Snapshot} from './conversation-reader.js';

export type Fetch = (url: string, init?: {headers?: Record<string, string>; signal?: AbortSignal}) => Promise<{ok: boolean; status: number; json(): Promise<unknown>}>;

export interface ServerOptions {
	url: string;
	apiKey?: string | null;
	fetch?: Fetch;
	timeoutMs?: number;
}

interface Page {
	items: unknown[];
	next_page_id: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The two servers' paths: the agent server's, then the app server's (router prefix /api/v1). */
const FLAVORS = [
	{conversations: '/api/conversations/search', events: (id: string) => `/api/conversations/${id}/events/search`, event: (id: string, e: string) => `/api/conversations/${id}/events/${e}`},
	{conversations: '/api/v1/app-conversations/search', events: (id: string) => `/api/v1/conversation/${id}/events/search`, event: (id: string, e: string) => `/api/v1/conversation/${id}/events?id=${e}`},
];

export class OpenHandsServer {
	private flavor: (typeof FLAVORS)[number] | null = null;
	readonly url: string;

	constructor(private readonly options: ServerOptions) {
		this.url = options.url.replace(/\/+$/, '');
	}

	private async get(pathAndQuery: string): Promise<{status: number; body: unknown}> {
		const fetchImpl = this.options.fetch ?? (globalThis.fetch as unknown as Fetch);
		const headers: Record<string, string> = {accept: 'application/json'};
		if (this.options.apiKey) {
			headers['X-Session-API-Key'] = this.options.apiKey;
			headers['Authorization'] = `Bearer ${this.options.apiKey}`;
		}
		const url = `${this.url}${pathAndQuery}`;
		let response;
		try {
			response = await fetchImpl(url, {headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000)});
		} catch (error) {
			throw new Error(`${url}: cannot reach the OpenHands server (${(error as Error).message}); check [openhands] server_url`);
		}
		if (response.status === 401 || response.status === 403) throw new Error(`${url}: HTTP ${response.status}; set [openhands] server_key_env to the variable holding the session API key`);
		return {status: response.status, body: response.ok ? await response.json() : null};
	}

	/** `sdk_version` from the agent server's /server_info; null when the server does not say. */
	async sdkVersion(): Promise<string | null> {
		const {body} = await this.get('/server_info').catch(() => ({body: null}));
		return isObject(body) ? str(body['sdk_version']) : null;
	}

	private async pages(first: (f: (typeof FLAVORS)[number]) => string, limitPages = 1000): Promise<unknown[]> {
		const flavors = this.flavor ? [this.flavor] : FLAVORS;
		for (const flavor of flavors) {
			const items: unknown[] = [];
			let next: string | null = null;
			let pages = 0;
			let base = first(flavor);
			for (;;) {
				const sep = base.includes('?') ? '&' : '?';
				const {status, body} = await this.get(next ? `${base}${sep}page_id=${encodeURIComponent(next)}` : base);
				if (status === 404 && pages === 0) break;
				if (!isObject(body) || !Array.isArray(body['items'])) throw new Error(`${this.url}${base}: HTTP ${status}, not a page of items`);
				const page = body as unknown as Page;
				items.push(...page.items);
				this.flavor = flavor;
				next = typeof page.next_page_id === 'string' ? page.next_page_id : null;
				if (!next || ++pages >= limitPages) return items;
				base = first(flavor);
			}
		}
		throw new Error(`${this.url}: no OpenHands conversation API here (tried /api/conversations and /api/v1/app-conversations)`);
	}

	async conversations(): Promise<Array<{id: string; title: string | null; model: string | null; status: string | null; updatedAt: string | null}>> {
		const items = await this.pages(f => `${f.conversations}?limit=100`);
		return items.filter(isObject).map(c => {
			const agent = isObject(c['agent']) ? c['agent'] : {};
			const llm = isObject(agent['llm']) ? agent['llm'] : {};
			return {
				id: String(c['id'] ?? ''),
				title: str(c['title']),
				model: str(llm['model']) ?? str(c['llm_model']),
				status: str(c['execution_status']),
				updatedAt: str(c['updated_at']) ?? str(c['created_at']),
			};
		});
	}

	/** Events in timestamp order, from `since` (inclusive) when given. */
	async events(conversationId: string, since: string | null): Promise<unknown[]> {
		const from = since ? `&timestamp__gte=${encodeURIComponent(since)}` : '';
		return this.pages(f => `${f.events(conversationId)}?limit=100&sort_order=TIMESTAMP${from}`);
	}

	async event(conversationId: string, eventId: string): Promise<unknown> {
		const flavor = this.flavor ?? FLAVORS[0]!;
		const {body} = await this.get(flavor.event(conversationId, eventId));
		return Array.isArray(body) ? body[0] : body;
	}
}

/** One conversation read over REST, with the same snapshot a folder reader gives; ids are positions. */
export class RestConversationReader {
	private readonly raw = new Map<string, unknown>();
	private order: string[] = [];
	private last: string | null = null;
	private snapshot: V1Snapshot | null = null;

	constructor(
		private readonly server: OpenHandsServer,
		readonly conversationId: string,
		private readonly baseState: V1BaseState | null = null,
	) {}

	get dir(): string {
		return `${this.server.url}#${this.conversationId}`;
	}

	async scan(): Promise<V1Snapshot> {
		const items = await this.server.events(this.conversationId, this.last);
		let changed = this.snapshot === null;
		for (const item of items) {
			if (!isObject(item) || typeof item['id'] !== 'string' || this.raw.has(item['id'])) continue;
			this.raw.set(item['id'], item);
			this.order.push(item['id']);
			changed = true;
			if (typeof item['timestamp'] === 'string' && (this.last === null || item['timestamp'] > this.last)) this.last = item['timestamp'];
		}
		if (!changed && this.snapshot) return {...this.snapshot, changed: false};
		const events: V1EventFacts[] = [];
		const problems: V1Snapshot['problems'] = [];
		this.order.forEach((id, i) => {
			const parsed = parseV1Event(this.raw.get(id), i);
			if (parsed.ok) events.push(parsed.event);
			else problems.push({id: i, file: `${this.dir}/${id}`, kind: 'invalid', error: `${this.dir} event ${id}: ${parsed.error}`, attempts: 1});
		});
		const files = new Map(events.map(e => [e.id, `${this.dir}/${e.uuid}`]));
		this.snapshot = {events, problems, files, baseState: this.baseState, changed: true, fileCount: this.order.length};
		return this.snapshot;
	}

	/** The event's JSON as the server gives it (already read: no request). */
	rawEvent(uuid: string): unknown {
		return this.raw.get(uuid);
	}
}
