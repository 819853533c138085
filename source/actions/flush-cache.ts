// Flush SGLang's radix (prefix) cache: POST /flush_cache. SGLang refuses (HTTP 400) while requests
// are running or waiting; that answer is passed on as it is.

export interface FlushResult {
	ok: boolean;
	message: string;
}

export async function flushSglangCache(url: string, timeoutMs = 10_000): Promise<FlushResult> {
	const endpoint = `${url.replace(/\/+$/, '')}/flush_cache`;
	let response: Response;
	try {
		response = await fetch(endpoint, {method: 'POST', signal: AbortSignal.timeout(timeoutMs)});
	} catch (error) {
		const e = error as {cause?: {code?: string}; name?: string; message?: string};
		throw new Error(`${endpoint}: ${e.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (e.cause?.code ?? e.message)}; is the engine up?`);
	}
	const text = (await response.text().catch(() => '')).trim().split('\n')[0] ?? '';
	if (response.status === 200) return {ok: true, message: text || 'Cache flushed.'};
	if (response.status === 400) return {ok: false, message: `not flushed: requests are running or waiting; try again when idle (${text})`};
	return {ok: false, message: `${endpoint}: HTTP ${response.status} ${text}`};
}
