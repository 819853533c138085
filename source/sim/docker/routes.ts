// The Engine API paths the cockpit and the docker CLI use, answered from the demo daemon: _ping,
// version, info, containers (list with filters, inspect, stats, logs, start/stop/restart/kill) and
// events. Errors are the daemon's: a status code and {"message": ...}.

import type {IncomingMessage, ServerResponse} from 'node:http';
import {compareVersions, daemonHeaders, pingHeaders, splitVersion, versionJson} from './api-version.js';
import {parseTimeParam, nowNs} from './clock.js';
import {DaemonError, type DemoDaemon} from './daemon.js';
import type {DemoContainer} from './container.js';
import {eventJson, eventMatches} from './events.js';
import {anyMatch, checkContainerFilters, FilterError, labelMatch, parseFilters, type Filters} from './filters.js';
import {infoJson} from './info.js';
import {inspectJson, summaryJson} from './inspect.js';
import {frame, MULTIPLEXED, parseTail, selectLogs, wanted, type LogQuery} from './logs.js';
import {statsJson} from './stats.js';

const STATS_INTERVAL_MS = 1000;

export interface RouteContext {
	daemon: DemoDaemon;
	/** Open event streams (info's NEventsListener). */
	listeners: {count: number};
}

function send(res: ServerResponse, status: number, body?: unknown): void {
	const headers: Record<string, string | number> = {...daemonHeaders()};
	if (body === undefined) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, {...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)});
	res.end(text);
}

function fail(res: ServerResponse, status: number, message: string): void {
	send(res, status, {message});
}

/** Go's strconv.ParseBool as the daemon reads query flags ("1", "true", "True"). */
function flag(q: URLSearchParams, name: string, fallback = false): boolean {
	const v = q.get(name);
	if (v === null || v === '') return fallback;
	return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v);
}

function matchesList(c: DemoContainer, filters: Filters): boolean {
	return (
		anyMatch(filters, 'status', s => s === c.status) &&
		anyMatch(filters, 'name', n => new RegExp(n).test(`/${c.name}`)) &&
		anyMatch(filters, 'id', i => c.id.startsWith(i)) &&
		anyMatch(filters, 'ancestor', a => c.spec.image === a || c.spec.image.startsWith(`${a}:`)) &&
		anyMatch(filters, 'exited', code => c.status === 'exited' && String(c.exitCode) === code) &&
		labelMatch(filters, c.spec.labels)
	);
}

function listContainers(ctx: RouteContext, q: URLSearchParams, res: ServerResponse): void {
	let filters: Filters;
	try {
		filters = parseFilters(q.get('filters'));
		checkContainerFilters(filters);
	} catch (error) {
		return fail(res, 400, (error as FilterError).message);
	}
	const all = flag(q, 'all') || (filters['status']?.length ?? 0) > 0;
	const limit = Number(q.get('limit') ?? -1);
	// Newest first, as the daemon lists them.
	let list = ctx.daemon.containers
		.map((c, i) => ({c, i}))
		.filter(({c}) => (all || c.running) && matchesList(c, filters))
		.sort((a, b) => (b.c.created > a.c.created ? 1 : b.c.created < a.c.created ? -1 : b.i - a.i));
	if (limit > 0) list = list.slice(0, limit);
	send(res, 200, list.map(({c, i}) => summaryJson(c, i)));
}

function streamHeaders(res: ServerResponse, contentType: string | null): void {
	res.writeHead(200, {...daemonHeaders(), ...(contentType ? {'Content-Type': contentType} : {})});
	res.flushHeaders();
}

function stats(ctx: RouteContext, c: DemoContainer, q: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
	const stream = flag(q, 'stream', true);
	const host = ctx.daemon.host;
	if (!stream) return send(res, 200, statsJson(c, host, flag(q, 'one-shot')));
	streamHeaders(res, 'application/json');
	const write = () => {
		res.write(`${JSON.stringify(statsJson(c, host, false))}\n`);
	};
	write();
	const timer = setInterval(write, STATS_INTERVAL_MS);
	const end = () => clearInterval(timer);
	req.on('close', end);
	res.on('close', end);
}

function logs(c: DemoContainer, q: URLSearchParams, version: string, req: IncomingMessage, res: ServerResponse): void {
	const query: LogQuery = {
		stdout: flag(q, 'stdout'),
		stderr: flag(q, 'stderr'),
		since: parseTimeParam(q.get('since')),
		until: parseTimeParam(q.get('until')),
		tail: parseTail(q.get('tail')),
		timestamps: flag(q, 'timestamps'),
	};
	if (!query.stdout && !query.stderr) return fail(res, 400, 'Bad parameters: you must choose at least one stream');
	// API 1.42 added the content type; older clients get none, as from the daemon then.
	streamHeaders(res, compareVersions(version, '1.42') >= 0 ? MULTIPLEXED : null);
	for (const record of selectLogs(c.logs, query)) res.write(frame(record, query.timestamps));
	const follow = flag(q, 'follow') && c.running && (query.until === null || query.until > nowNs());
	if (!follow) {
		res.end();
		return;
	}
	const stopWatching = c.onLog(record => {
		if (wanted(record, query)) res.write(frame(record, query.timestamps));
	});
	// Follow ends when the container stops, as the daemon's does.
	const poll = setInterval(() => {
		if (!c.running || (query.until !== null && nowNs() > query.until)) finish();
	}, 200);
	const finish = () => {
		stopWatching();
		clearInterval(poll);
		if (!res.writableEnded) res.end();
	};
	req.on('close', finish);
	res.on('close', finish);
}

function events(ctx: RouteContext, q: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
	let filters: Filters;
	try {
		filters = parseFilters(q.get('filters'));
	} catch (error) {
		return fail(res, 400, (error as FilterError).message);
	}
	const since = parseTimeParam(q.get('since'));
	const until = parseTimeParam(q.get('until'));
	const now = nowNs();
	if (since !== null && until !== null && since > until) return fail(res, 400, `"since" time (${q.get('since')}) cannot be after "until" time (${q.get('until')})`);
	streamHeaders(res, 'application/json');
	if (since !== null || until !== null) for (const e of ctx.daemon.events.between(since, until)) if (eventMatches(e, filters)) res.write(`${eventJson(e)}\n`);
	if (until !== null && until <= now) {
		res.end();
		return;
	}
	ctx.listeners.count += 1;
	const unsubscribe = ctx.daemon.events.subscribe(e => {
		if (eventMatches(e, filters)) res.write(`${eventJson(e)}\n`);
	});
	const timer = until !== null ? setTimeout(() => finish(), Number((until - now) / 1_000_000n)) : undefined;
	let done = false;
	const finish = () => {
		if (done) return;
		done = true;
		ctx.listeners.count -= 1;
		unsubscribe();
		if (timer) clearTimeout(timer);
		if (!res.writableEnded) res.end();
	};
	req.on('close', finish);
	res.on('close', finish);
}

function seconds(q: URLSearchParams): number | null {
	const t = q.get('t');
	if (t === null || t === '') return null;
	const n = Number(t);
	if (!Number.isInteger(n)) throw new DaemonError(400, `invalid value for t: ${t}`);
	return n;
}

async function action(ctx: RouteContext, c: DemoContainer, verb: string, q: URLSearchParams, res: ServerResponse): Promise<void> {
	const d = ctx.daemon;
	if (verb === 'start') await d.start(c);
	else if (verb === 'stop') await d.stop(c, seconds(q));
	else if (verb === 'restart') await d.restart(c, seconds(q));
	else await d.kill(c, q.get('signal') ?? 'KILL');
	send(res, 204);
}

export async function route(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://docker');
	const method = req.method ?? 'GET';
	const {path, version, error} = splitVersion(url.pathname);
	if (error) return fail(res, error === 'page not found' ? 404 : 400, error);
	const q = url.searchParams;
	const get = method === 'GET' || method === 'HEAD';

	if (path === '/_ping' && get) {
		res.writeHead(200, {...daemonHeaders(), ...pingHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 2});
		res.end(method === 'HEAD' ? undefined : 'OK');
		return;
	}
	if (path === '/version' && get) return send(res, 200, versionJson(ctx.daemon.host.kernel));
	if (path === '/info' && get) return send(res, 200, infoJson(ctx.daemon, ctx.daemon.host, ctx.listeners.count));
	if (path === '/containers/json' && get) return listContainers(ctx, q, res);
	if (path === '/events' && get) return events(ctx, q, req, res);

	const m = /^\/containers\/([^/]+)\/(json|stats|logs|start|stop|restart|kill)$/.exec(path);
	if (m) {
		const verb = m[2]!;
		const post = ['start', 'stop', 'restart', 'kill'].includes(verb);
		if (post ? method !== 'POST' : !get) return fail(res, 404, 'page not found');
		const c = ctx.daemon.find(decodeURIComponent(m[1]!));
		if (verb === 'json') return send(res, 200, inspectJson(c, ctx.daemon.indexOf(c)));
		if (verb === 'stats') return stats(ctx, c, q, req, res);
		if (verb === 'logs') return logs(c, q, version, req, res);
		return action(ctx, c, verb, q, res);
	}
	const image = /^\/images\/(.+)\/json$/.exec(path);
	if (image && get) return fail(res, 404, `No such image: ${decodeURIComponent(image[1]!)}`);
	return fail(res, 404, 'page not found');
}

/** Errors from the daemon's verbs become its HTTP answers; 304 has no body. */
export function sendError(res: ServerResponse, error: unknown): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	if (error instanceof DaemonError) {
		if (error.status === 304) return send(res, 304);
		return fail(res, error.status, error.message);
	}
	fail(res, 500, (error as Error).message ?? String(error));
}
