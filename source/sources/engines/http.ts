// Small fetch helpers for engines: time-bounded GETs, and an error that names the URL and a short
// reason (ECONNREFUSED, HTTP 500, timeout) for the row.

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

/** Read the body up to `limit` bytes; past it the stream is cancelled and the error names the endpoint and limit. */
async function readCapped(response: Response, url: string, limit: number, timeoutMs: number): Promise<string> {
	const declared = Number(response.headers.get('content-length'));
	const over = () => new EngineHttpError(url, `body over the ${Math.round(limit / 1024)} KB limit for ${endpointOf(url)}; not read`);
	if (Number.isFinite(declared) && declared > limit) {
		await response.body?.cancel().catch(() => undefined);
		throw over();
	}
	if (!response.body) return '';
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let size = 0;
	let text = '';
	try {
		for (;;) {
			const {done, value} = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel().catch(() => undefined);
				throw over();
			}
			text += decoder.decode(value, {stream: true});
		}
	} catch (error) {
		if (error instanceof EngineHttpError) throw error;
		throw new EngineHttpError(url, `body cut off (${failureReason(error, timeoutMs)})`);
	}
	return text + decoder.decode();
}

/**
 * Redirects are not followed to another host (a 302 from /metrics to a link-local metadata address
 * must not be fetched); a redirect on the same host and port is followed, up to 3 times.
 */
async function fetchSameHost(url: string, signal: AbortSignal, init: RequestInit): Promise<{response: Response; url: string}> {
	let current = url;
	for (let hop = 0; ; hop++) {
		const response = await fetch(current, {...init, redirect: 'manual', signal});
		if (response.status < 300 || response.status >= 400 || response.status === 304) return {response, url: current};
		const location = response.headers.get('location');
		await response.body?.cancel().catch(() => undefined);
		if (!location) return {response, url: current};
		const next = new URL(location, current);
		if (next.host !== new URL(current).host || next.protocol !== new URL(current).protocol) {
			throw new EngineHttpError(url, `HTTP ${response.status} redirect to another host (${next.protocol}//${next.host}); not followed`, response.status);
		}
		if (hop >= 3) throw new EngineHttpError(url, 'too many redirects', response.status);
		current = next.toString();
	}
}

export async function getText(url: string, timeoutMs: number, init: RequestInit = {}, limit = bodyLimitFor(url)): Promise<{status: number; body: string}> {
	// One deadline for the request and its body, whose timer ends with them: AbortSignal.timeout's
	// would stay armed for the full timeout after every poll.
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new DOMException(`timeout after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
	try {
		let response: Response;
		try {
			({response} = await fetchSameHost(url, controller.signal, init));
		} catch (error) {
			if (error instanceof EngineHttpError) throw error;
			// A pooled keep-alive socket the server closed is not an outage by itself: ask once more on
			// a fresh connection, which then reports the real state (e.g. ECONNREFUSED).
			if (failureReason(error, timeoutMs) !== 'connection closed (UND_ERR_SOCKET)') throw new EngineHttpError(url, failureReason(error, timeoutMs));
			try {
				({response} = await fetchSameHost(url, controller.signal, init));
			} catch (again) {
				if (again instanceof EngineHttpError) throw again;
				throw new EngineHttpError(url, failureReason(again, timeoutMs));
			}
		}
		return {status: response.status, body: await readCapped(response, url, limit, timeoutMs)};
	} finally {
		clearTimeout(timer);
	}
}

/** GET that must answer 200; the body is returned as text. */
export async function getOk(url: string, timeoutMs: number, init: RequestInit = {}): Promise<string> {
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
