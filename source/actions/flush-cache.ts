// Flush SGLang's radix (prefix) cache: POST /flush_cache (research/engines.md 1.4). SGLang answers
// 200 with "Cache flushed.\n…" when it did it, and 400 when it did not (requests running or
// waiting); some versions send the same "Cache flushed." text with that 400, so the status decides,
// never the text. flushSglangCache never throws; flushJob makes it the job the Cache panel runs.

import type {Job} from '../jobs/job.js';

export interface FlushResult {
	ok: boolean;
	/** What happened, for a notice after the engine's name. */
	message: string;
	/** HTTP status, or null when no answer came (refused, timeout). */
	status: number | null;
}

const SUCCESS_TEXT = /^cache flushed\b/i;

/** The server's own words on a failure: the JSON error's message, or the first line of the text. */
export function failureText(body: string): string {
	const trimmed = body.trim();
	if (trimmed.startsWith('{')) {
		try {
			const parsed = JSON.parse(trimmed) as {message?: unknown; detail?: unknown; error?: {message?: unknown} | string};
			const message = typeof parsed.error === 'object' ? parsed.error?.message : (parsed.error ?? parsed.message ?? parsed.detail);
			if (typeof message === 'string') return message.split('\n')[0]!.slice(0, 160);
		} catch {
			// not JSON after all: the first line below
		}
	}
	const line = trimmed.split('\n')[0] ?? '';
	return SUCCESS_TEXT.test(line) ? '' : line.slice(0, 160);
}

/** Pure: the result for an answer from /flush_cache. */
export function flushOutcome(endpoint: string, status: number, body: string): FlushResult {
	if (status === 200) return {ok: true, message: body.trim().split('\n')[0] || 'Cache flushed.', status};
	const said = failureText(body);
	if (status === 400) return {ok: false, message: `not flushed: requests are running or waiting; try again when idle${said ? ` (${said})` : ''}`, status};
	if (status === 404) return {ok: false, message: `${endpoint}: HTTP 404: this server has no /flush_cache (is it SGLang?)`, status};
	return {ok: false, message: `${endpoint}: HTTP ${status}${said ? ` ${said}` : ''}`, status};
}

export async function flushSglangCache(url: string, timeoutMs = 10_000, cancel?: AbortSignal): Promise<FlushResult> {
	const endpoint = `${url.replace(/\/+$/, '')}/flush_cache`;
	const signal = cancel ? AbortSignal.any([AbortSignal.timeout(timeoutMs), cancel]) : AbortSignal.timeout(timeoutMs);
	try {
		const response = await fetch(endpoint, {method: 'POST', signal});
		return flushOutcome(endpoint, response.status, await response.text());
	} catch (error) {
		if (cancel?.aborted) throw error;
		const e = error as {cause?: {code?: string; message?: string}; name?: string; message?: string};
		const why = e.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(error));
		return {ok: false, message: `${endpoint}: ${why}; is the engine up?`, status: null};
	}
}

/** The flush as a job: one request; SGLang's refusal or no answer fails it with the reason. */
export function flushJob(engine: {name: string; url: string}): Job {
	return {
		kind: 'cache.flush',
		title: `flush ${engine.name}`,
		hostId: 'local',
		target: engine.name,
		mutating: true,
		plan: [`POST ${engine.url}/flush_cache`, 'Cached prefixes are dropped: the next requests pay full prefill.', 'SGLang refuses while requests are running.'],
		steps: [
			{
				title: 'POST /flush_cache',
				async run({signal}) {
					const result = await flushSglangCache(engine.url, 10_000, signal);
					if (!result.ok) throw new Error(result.message);
					return result.message;
				},
			},
		],
		summary: record => `flush ${engine.name}: ${record.steps[0]?.detail ?? 'Cache flushed.'}`,
	};
}
