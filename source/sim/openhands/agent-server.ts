// A stand-in for software-agent-sdk's agent server REST API over SDK conversation folders (the real
// server cannot run here): GET /server_info, /api/conversations/search and
// /api/conversations/{id}/events/search with limit, page_id (the next item's event id),
// sort_order and timestamp__gte, pages of {"items", "next_page_id"}, and the X-Session-API-Key check.

import {readdirSync, readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';

export interface SimAgentServer {
	url: string;
	/** Requests served, by path (paging shows as several events/search requests). */
	requests: string[];
	stop(): Promise<void>;
}

const EVENT = /^event-(\d{5,})-[0-9a-fA-F-]{8,}\.json$/;

function readEvents(dir: string): Array<Record<string, unknown>> {
	const names = readdirSync(path.join(dir, 'events')).filter(n => EVENT.test(n));
	names.sort((a, b) => Number(EVENT.exec(a)![1]) - Number(EVENT.exec(b)![1]));
	return names.map(n => JSON.parse(readFileSync(path.join(dir, 'events', n), 'utf8')) as Record<string, unknown>);
}

function page<T extends {id?: unknown}>(items: T[], query: URLSearchParams): {items: T[]; next_page_id: string | null} {
	const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 100)));
	const from = query.get('page_id');
	const start = from ? Math.max(0, items.findIndex(i => i.id === from)) : 0;
	const slice = items.slice(start, start + limit);
	const next = items[start + limit];
	return {items: slice, next_page_id: next ? String(next.id) : null};
}

export async function startSimAgentServer(conversationsDir: string, options: {sdkVersion: string; apiKey?: string}): Promise<SimAgentServer> {
	const requests: string[] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		requests.push(url.pathname);
		const send = (status: number, body: unknown) => {
			res.writeHead(status, {'content-type': 'application/json'});
			res.end(JSON.stringify(body));
		};
		if (options.apiKey && req.headers['x-session-api-key'] !== options.apiKey) return send(401, {detail: 'Unauthorized'});
		if (url.pathname === '/server_info') return send(200, {version: options.sdkVersion, sdk_version: options.sdkVersion, tools_version: options.sdkVersion});
		const ids = readdirSync(conversationsDir).sort();
		if (url.pathname === '/api/conversations/search') {
			const items = ids.map(hex => {
				const base = JSON.parse(readFileSync(path.join(conversationsDir, hex, 'base_state.json'), 'utf8')) as Record<string, unknown>;
				return {...base, id: base['id'] ?? hex, title: null};
			});
			return send(200, page(items, url.searchParams));
		}
		const match = /^\/api\/conversations\/([^/]+)\/events\/search$/.exec(url.pathname);
		if (match) {
			const hex = match[1]!.replace(/-/g, '');
			if (!ids.includes(hex)) return send(404, {detail: 'Not Found'});
			let events = readEvents(path.join(conversationsDir, hex));
			const gte = url.searchParams.get('timestamp__gte');
			if (gte) events = events.filter(e => String(e['timestamp']) >= gte);
			if (url.searchParams.get('sort_order') === 'TIMESTAMP_DESC') events.reverse();
			return send(200, page(events, url.searchParams));
		}
		return send(404, {detail: 'Not Found'});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		stop: () => new Promise(resolve => server.close(() => resolve())),
	};
}
