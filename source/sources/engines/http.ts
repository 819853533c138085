// Small HTTP helpers for engines: time-bounded GETs, and an error that names the URL and a short
// reason (ECONNREFUSED, HTTP 500, timeout) for the row.

import {nodeHttp, nodeHttps} from '../../hosts/client-modules.js';

export class EngineHttpError extends Error {
	constructor(
		readonly url: string,
		/** Short reason for a row: "ECONNREFUSED", "HTTP 503", "timeout after 2000 ms". */
		readonly reason: string,
		readonly status?: number,
	) {
		super(`${url}: ${reason}`);
	}
}

/** The short reason for a failed fetch: the socket error code when there is one. */
export function failureReason(error: unknown, timeoutMs: number): string {
	const e = error as {name?: string; message?: string; code?: string; cause?: {code?: string; message?: string; name?: string}};
	if (e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
	if (e?.name === 'AbortError') return 'aborted';
	if (e instanceof EngineHttpError) return e.reason;
	const code = e?.cause?.code ?? e?.code;
	if (code === 'UND_ERR_SOCKET') return 'connection closed (UND_ERR_SOCKET)';
	return code ?? e?.cause?.message ?? e?.message ?? String(error);
}

/**
 * The most the cockpit reads from each engine endpoint: a 50 MB or endless body must not take the
 * process from ~135 MB to ~800 MB. /metrics of a big vLLM is ~200 KB; JSON endpoints are small.
 */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
	'/metrics': 8 * 1024 * 1024,
	'/': 256 * 1024,
};
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

function endpointOf(url: string): string {
	try {
		return new URL(url).pathname || '/';
	} catch {
		return url;
	}
}

export function bodyLimitFor(url: string): number {
	return BODY_LIMITS[endpointOf(url)] ?? DEFAULT_BODY_LIMIT;
}

/** What a GET may set: request headers (e.g. accept). */
export interface GetInit {
	headers?: Record<string, string>;
}

interface Answer {
	status: number;
	location: string | undefined;
	body: string;
}

/**
 * One GET through Node's http client (keep-alive through the global agent): a cockpit polls a few
 * engines every second, and fetch's request, response, headers and web-stream objects were a good
 * part of its allocations. The body is read up to `limit` bytes; past it the request is destroyed.
 */
function getOnce(url: URL, signal: AbortSignal, init: GetInit, limit: number, timeoutMs: number, original: string): Promise<Answer> {
	const client = url.protocol === 'https:' ? nodeHttps() : nodeHttp();
	return new Promise<Answer>((resolve, reject) => {
		const request = client.get(url, {headers: init.headers, signal}, response => {
			const status = response.statusCode ?? 0;
			const location = response.headers.location;
			if (status >= 300 && status < 400 && status !== 304) {
				// Not read: a redirect's body says nothing the cockpit shows.
				response.resume();
				resolve({status, location, body: ''});
				return;
			}
			const over = () => new EngineHttpError(original, `body over the ${Math.round(limit / 1024)} KB limit for ${endpointOf(original)}; not read`);
			const declared = Number(response.headers['content-length']);
			if (Number.isFinite(declared) && declared > limit) {
				response.destroy();
				reject(over());
				return;
			}
			response.setEncoding('utf8');
			let size = 0;
			let body = '';
			response.on('data', (chunk: string) => {
				size += Buffer.byteLength(chunk);
				if (size > limit) {
					response.destroy();
					reject(over());
					return;
				}
				body += chunk;
			});
			response.on('end', () => resolve({status, location, body}));
			response.on('error', error => reject(new EngineHttpError(original, `body cut off (${failureReason(error, timeoutMs)})`)));
			// A server that closes mid-body: 'aborted' and then 'close' without 'end'.
			response.on('close', () => {
				if (!response.complete) reject(new EngineHttpError(original, `body cut off (${signal.aborted ? failureReason(signal.reason, timeoutMs) : 'connection closed'})`));
			});
		});
		request.on('error', error => reject(signal.aborted ? signal.reason : error));
	});
}

/**
 * Redirects are not followed to another host (a 302 from /metrics to a link-local metadata address
 * must not be fetched); a redirect on the same host and port is followed, up to 3 times.
 */
async function getSameHost(url: string, signal: AbortSignal, init: GetInit, limit: number, timeoutMs: number): Promise<Answer> {
	let current = new URL(url);
	for (let hop = 0; ; hop++) {
		const answer = await getOnce(current, signal, init, limit, timeoutMs, url);
		if (answer.status < 300 || answer.status >= 400 || answer.status === 304 || !answer.location) return answer;
		const next = new URL(answer.location, current);
		if (next.host !== current.host || next.protocol !== current.protocol) {
			throw new EngineHttpError(url, `HTTP ${answer.status} redirect to another host (${next.protocol}//${next.host}); not followed`, answer.status);
		}
		if (hop >= 3) throw new EngineHttpError(url, 'too many redirects', answer.status);
		current = next;
	}
}

export async function getText(url: string, timeoutMs: number, init: GetInit = {}, limit = bodyLimitFor(url)): Promise<{status: number; body: string}> {
	// One deadline for the request and its body, whose timer ends with them: AbortSignal.timeout's
	// would stay armed for the full timeout after every poll.
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new DOMException(`timeout after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
	try {
		let answer: Answer;
		try {
			answer = await getSameHost(url, controller.signal, init, limit, timeoutMs);
		} catch (error) {
			if (error instanceof EngineHttpError) throw error;
			// A pooled keep-alive socket the server closed is not an outage by itself: ask once more on
			// a fresh connection, which then reports the real state (e.g. ECONNREFUSED).
			if (!staleSocket(error)) throw new EngineHttpError(url, failureReason(error, timeoutMs));
			try {
				answer = await getSameHost(url, controller.signal, init, limit, timeoutMs);
			} catch (again) {
				if (again instanceof EngineHttpError) throw again;
				throw new EngineHttpError(url, failureReason(again, timeoutMs));
			}
		}
		return {status: answer.status, body: answer.body};
	} finally {
		clearTimeout(timer);
	}
}

/** The error a reused keep-alive socket gives when the server had closed it. */
function staleSocket(error: unknown): boolean {
	const code = (error as {code?: string})?.code;
	return code === 'ECONNRESET' || code === 'EPIPE';
}

/** GET that must answer 200; the body is returned as text. */
export async function getOk(url: string, timeoutMs: number, init: GetInit = {}): Promise<string> {
	const {status, body} = await getText(url, timeoutMs, init);
	if (status !== 200) throw new EngineHttpError(url, `HTTP ${status}`, status);
	return body;
}

/** GET that must answer 200 with JSON. */
export async function getJson(url: string, timeoutMs: number): Promise<unknown> {
	const body = await getOk(url, timeoutMs);
	try {
		return JSON.parse(body) as unknown;
	} catch {
		throw new EngineHttpError(url, `malformed JSON (${body.slice(0, 40).replace(/\s+/g, ' ')}…)`);
	}
}

/** Like getJson, but undefined on any failure: for probing which endpoints exist. */
export async function tryJson(url: string, timeoutMs: number): Promise<unknown> {
	try {
		return await getJson(url, timeoutMs);
	} catch {
		return undefined;
	}
}

export function joinUrl(base: string, path: string): string {
	return base.replace(/\/+$/, '') + path;
}
