// Keeps the demo engines busy: a mix of streaming chat requests, most sharing one of a few
// repository-context prefixes (prefix-cache hits), some with a fresh context (misses).

import {getEventListeners} from 'node:events';
import {DEMO_REPOS, QUESTIONS, repoContext} from './repo-context.js';
import type {SimEngine} from './types.js';

export interface LoadGenerator {
	stop(): Promise<void>;
	/** Requests completed (for tests and the headless summary). */
	completed(): number;
	/** Listeners on the generator's abort signal now (diagnostics: flat while it runs). */
	abortListeners(): number;
}

export interface LoadOptions {
	/** Share of requests that reuse a known repository context (default 0.75). */
	reuseShare?: number;
	/** Idle pause between one worker's requests, upper bound in ms (default 600). */
	maxPauseMs?: number;
}

export function startLoadGenerator(engines: readonly SimEngine[], options: LoadOptions = {}): LoadGenerator {
	const abort = new AbortController();
	let done = 0;
	let fresh = 0;
	const reuse = options.reuseShare ?? 0.75;
	const maxPause = options.maxPauseMs ?? 600;
	const contexts = DEMO_REPOS.map((name, i) => repoContext(name, 1000 + i));
	const workers: Promise<void>[] = [];

	// One abort listener per pause, removed when the pause ends either way: a listener left behind
	// per pause grew by thousands an hour (MaxListenersExceededWarning on the terminal).
	const sleep = (ms: number) =>
		new Promise<void>(resolve => {
			if (abort.signal.aborted) return resolve();
			const wake = () => {
				clearTimeout(timer);
				abort.signal.removeEventListener('abort', wake);
				resolve();
			};
			const timer = setTimeout(wake, ms);
			abort.signal.addEventListener('abort', wake, {once: true});
		});

	const worker = async (engine: SimEngine, slow: boolean) => {
		while (!abort.signal.aborted) {
			const system = Math.random() < reuse ? contexts[Math.floor(Math.random() * contexts.length)]! : repoContext(`scratch/${++fresh}`, 5000 + fresh, 60);
			const question = QUESTIONS[Math.floor(Math.random() * QUESTIONS.length)]!;
			const maxTokens = slow ? 12 + Math.floor(Math.random() * 24) : 48 + Math.floor(Math.random() * 112);
			// Each request gets its own signal, tied to the generator's only while it runs: fetch
			// keeps its listener on the signal it is given until the request is garbage-collected.
			const request = new AbortController();
			const cancel = () => request.abort();
			abort.signal.addEventListener('abort', cancel, {once: true});
			let pause = Math.random() * maxPause;
			try {
				const res = await fetch(`${engine.url}/v1/chat/completions`, {
					method: 'POST',
					headers: {'content-type': 'application/json'},
					body: JSON.stringify({
						model: engine.model,
						messages: [
							{role: 'system', content: system},
							{role: 'user', content: question},
						],
						max_tokens: maxTokens,
						stream: true,
						stream_options: {include_usage: true},
					}),
					signal: request.signal,
				});
				if (res.body) for await (const _chunk of res.body) void _chunk;
				if (res.ok) done += 1;
			} catch {
				// Engine down or faulted: try again in a second.
				pause = 1000;
			} finally {
				abort.signal.removeEventListener('abort', cancel);
			}
			await sleep(pause);
		}
	};

	for (const engine of engines) {
		const slow = engine.decodeTps < 30;
		const count = slow ? 1 : 2;
		for (let i = 0; i < count; i++) workers.push(worker(engine, slow));
	}

	return {
		async stop() {
			abort.abort();
			await Promise.allSettled(workers);
		},
		completed: () => done,
		abortListeners: () => getEventListeners(abort.signal, 'abort').length,
	};
}
