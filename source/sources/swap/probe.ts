// Reads an engine over HTTP for a swap: does it serve its model, how many requests it has, is it
// ready (the served name listed and one token answered). Every call has a short timeout.

import {readEngineMetrics, readsSeries} from '../../domain/engines/metrics.js';
import {parsePrometheus} from '../../domain/prometheus.js';
import type {SwapProfile} from '../../domain/swap/profile.js';
import type {SwapEnv} from './env.js';

const PROBE_TIMEOUT_MS = 3000;

function timeoutSignal(ms: number, outer?: AbortSignal): AbortSignal {
	const signals = [AbortSignal.timeout(ms)];
	if (outer) signals.push(outer);
	return AbortSignal.any(signals);
}

async function getJson(env: SwapEnv, url: string, signal?: AbortSignal): Promise<unknown> {
	const res = await env.fetch(url, {signal: timeoutSignal(PROBE_TIMEOUT_MS, signal)});
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res.json();
}

/** Model ids in an OpenAI /v1/models answer. */
export function modelIds(body: unknown): string[] {
	const data = (body as {data?: unknown})?.data;
	if (!Array.isArray(data)) return [];
	return data.map(m => (m as {id?: unknown})?.id).filter((id): id is string => typeof id === 'string');
}

/** Names loaded in an Ollama /api/ps answer. */
export function ollamaLoaded(body: unknown): string[] {
	const models = (body as {models?: unknown})?.models;
	if (!Array.isArray(models)) return [];
	return models.flatMap(m => [(m as {name?: unknown})?.name, (m as {model?: unknown})?.model]).filter((n): n is string => typeof n === 'string');
}

function sameOllamaName(a: string, b: string): boolean {
	const norm = (s: string) => (s.includes(':') ? s : `${s}:latest`);
	return norm(a) === norm(b);
}

/** Serves its model now? (Ollama: loaded in /api/ps; others: listed in /v1/models.) */
export async function isServing(p: SwapProfile, env: SwapEnv, signal?: AbortSignal): Promise<boolean> {
	if (!p.url) return false;
	try {
		if (p.runtime.type === 'ollama' || p.kind === 'ollama') {
			return ollamaLoaded(await getJson(env, `${p.url}/api/ps`, signal)).some(n => sameOllamaName(n, p.servedModel));
		}
		return modelIds(await getJson(env, `${p.url}/v1/models`, signal)).includes(p.servedModel);
	} catch {
		return false;
	}
}

/** Answers at all (any HTTP status)? */
export async function answers(p: SwapProfile, env: SwapEnv): Promise<boolean> {
	if (!p.url) return false;
	try {
		await env.fetch(`${p.url}/v1/models`, {signal: timeoutSignal(PROBE_TIMEOUT_MS)});
		return true;
	} catch {
		return false;
	}
}

/** Running and queued requests, from /metrics (null when the engine does not say). */
export async function requestCount(p: SwapProfile, env: SwapEnv): Promise<{running: number; queued: number} | null> {
	if (!p.url || (p.kind !== 'sglang' && p.kind !== 'vllm')) return null;
	try {
		const res = await env.fetch(`${p.url}/metrics`, {signal: timeoutSignal(PROBE_TIMEOUT_MS)});
		if (!res.ok) return null;
		const reading = readEngineMetrics(p.kind, parsePrometheus(await res.text(), readsSeries(p.kind)), p.servedModel);
		let running = 0;
		let queued = 0;
		for (const m of Object.values(reading.models)) {
			running += m.gauges.running ?? 0;
			queued += m.gauges.queued ?? 0;
		}
		return {running, queued};
	} catch {
		return null;
	}
}

/** One readiness check: null when ready, else what is still missing. */
export async function readiness(p: SwapProfile, env: SwapEnv, signal: AbortSignal): Promise<string | null> {
	if (!p.url) return 'no URL';
	let ids: string[];
	try {
		ids = modelIds(await getJson(env, `${p.url}/v1/models`, signal));
	} catch (error) {
		return `${p.url}/v1/models: ${(error as Error).message.replace(`${p.url}/v1/models: `, '')}`;
	}
	if (!ids.includes(p.servedModel)) return `${p.url}/v1/models lists ${ids.join(', ') || 'nothing'}, not ${p.servedModel} yet`;
	try {
		if (p.kind === 'sglang') {
			// SGLang runs a one-token generation for this endpoint.
			const res = await env.fetch(`${p.url}/health_generate`, {signal: timeoutSignal(60_000, signal)});
			return res.ok ? null : `${p.url}/health_generate: HTTP ${res.status}`;
		}
		if (p.runtime.type === 'ollama') {
			// The native API with keep_alive -1: a request without it would reset the preload's
			// "keep forever" to Ollama's default 5 minutes (and /v1 ignores keep_alive).
			const res = await env.fetch(`${p.url}/api/generate`, {
				method: 'POST',
				headers: {'content-type': 'application/json'},
				body: JSON.stringify({model: p.servedModel, prompt: 'ping', stream: false, keep_alive: -1, options: {num_predict: 1}}),
				signal: timeoutSignal(60_000, signal),
			});
			await res.text();
			return res.ok ? null : `one-token request: HTTP ${res.status}`;
		}
		const res = await env.fetch(`${p.url}/v1/chat/completions`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({model: p.servedModel, messages: [{role: 'user', content: 'ping'}], max_tokens: 1, stream: false}),
			signal: timeoutSignal(60_000, signal),
		});
		await res.text();
		return res.ok ? null : `one-token request: HTTP ${res.status}`;
	} catch (error) {
		if (signal.aborted) throw error;
		return `one-token request: ${(error as Error).message}`;
	}
}
