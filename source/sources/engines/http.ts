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

export async function getText(url: string, timeoutMs: number, init: RequestInit = {}): Promise<{status: number; body: string}> {
	// One deadline for the request and its body, whose timer ends with them: AbortSignal.timeout's
	// would stay armed for the full timeout after every poll.
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(new DOMException(`timeout after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
	try {
		let response: Response;
		try {
			response = await fetch(url, {...init, signal: controller.signal});
		} catch (error) {
			// A pooled keep-alive socket the server closed is not an outage by itself: ask once more on
			// a fresh connection, which then reports the real state (e.g. ECONNREFUSED).
			if (failureReason(error, timeoutMs) !== 'connection closed (UND_ERR_SOCKET)') throw new EngineHttpError(url, failureReason(error, timeoutMs));
			try {
				response = await fetch(url, {...init, signal: controller.signal});
			} catch (again) {
				throw new EngineHttpError(url, failureReason(again, timeoutMs));
			}
		}
		try {
			return {status: response.status, body: await response.text()};
		} catch (error) {
			throw new EngineHttpError(url, `body cut off (${failureReason(error, timeoutMs)})`);
		}
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
