// Builds a real engines slice for the panel tests: simulated SGLang and vLLM servers (real wire
// formats) plus a closed port, scraped by the production engines source, and cache folders
// measured by the production disk source. The clock (Date only) is pinned for the two scrapes so
// the rates come out exact: tokens served between them divided by 10 s.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {vi} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {createDiskSource} from '../../source/sources/engines/disk-source.js';
import {createAppStore, initialState, type AppStore} from '../../source/store/index.js';
import {configSchema} from '../../source/config/schema.js';
import type {EnginesState} from '../../source/store/slices/engines.js';
import {localHost} from '../support/host.js';
import {freePort as closedPort} from '../support/free-port.js';

export {closedPort};

/** 12:03:07 local time, whatever the machine's zone: the "unreachable since" clock. */
export const T0 = new Date(2026, 2, 2, 12, 3, 7).getTime();
export const SGLANG_MODEL = 'qwen3-coder-next';
export const VLLM_MODEL = 'mistral-small-4';

export interface ChatUsage {
	prompt_tokens: number;
	completion_tokens: number;
}

/** One non-streamed chat completion that generates exactly `maxTokens` tokens. */
export async function chat(url: string, model: string, prompt: string, maxTokens: number): Promise<ChatUsage> {
	const res = await fetch(`${url}/v1/chat/completions`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({model, messages: [{role: 'user', content: prompt}], max_tokens: maxTokens, ignore_eos: true}),
	});
	if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
	const body = (await res.json()) as {usage: ChatUsage};
	return body.usage;
}

/** A counter's value in a Prometheus text body (first sample of the family). */
export function counter(body: string, name: string): number {
	const m = body.match(new RegExp(`^${name.replace(/[:]/g, '\\$&')}(?:\\{[^}]*\\})? (\\S+)$`, 'm'));
	if (!m) throw new Error(`${name} not in /metrics`);
	return Number(m[1]);
}

export interface BuiltState {
	engines: EnginesState;
	sglang: SimEngine;
	vllm: SimEngine;
	deadUrl: string;
	/** Tokens generated between the two scrapes. */
	generated: {sglang: number; vllm: number};
	/** cached / prompt tokens as each server's /metrics reports them. */
	hitRatio: {sglang: number; vllm: number};
	stop(): Promise<void>;
}

export interface DiskSetup {
	/** Folders to measure (some may not exist). */
	dirs: string[];
	warnGb: number;
}

/** Files of the given sizes under `dir` (created). */
export function writeFiles(dir: string, sizes: number[]): void {
	mkdirSync(dir, {recursive: true});
	sizes.forEach((size, i) => writeFileSync(path.join(dir, `f${i}.bin`), Buffer.alloc(size)));
}

export async function buildEnginesState(disk: DiskSetup): Promise<BuiltState> {
	const sglang = await startSimEngine({kind: 'sglang', port: 0, model: SGLANG_MODEL, decodeTps: 3000, ttftMs: 5, cacheMissTtftMs: 5});
	const vllm = await startSimEngine({kind: 'vllm', port: 0, model: VLLM_MODEL, decodeTps: 3000, ttftMs: 5, cacheMissTtftMs: 5});
	const deadUrl = `http://127.0.0.1:${await closedPort()}`;
	const config = configSchema.parse({
		engines: {
			list: [
				{name: 'coder', url: sglang.url, expected_tps: 20},
				{name: 'mistral', url: vllm.url, expected_tps: 30},
				{name: 'spare', url: deadUrl},
			],
			probe: false,
		},
		cache: {dirs: disk.dirs, warn_gb: disk.warnGb},
	});
	const store: AppStore = createAppStore(initialState(false));
	const ctx = {store, config, refreshMs: 1000, env: {}, host: localHost()};
	const source = createEnginesSource(ctx);
	const diskSource = createDiskSource(ctx);
	vi.useFakeTimers({toFake: ['Date']});
	try {
		vi.setSystemTime(T0);
		await source.start?.();
		await source.poll?.();
		// Real requests, served in real time; the pinned Date makes the scrape interval exactly 10 s.
		const prompt = 'Refactor the cache walker so that it reports unreadable folders by name. '.repeat(6);
		const s1 = await chat(sglang.url, SGLANG_MODEL, prompt, 150);
		const s2 = await chat(sglang.url, SGLANG_MODEL, prompt, 150);
		const v1 = await chat(vllm.url, VLLM_MODEL, prompt, 200);
		const v2 = await chat(vllm.url, VLLM_MODEL, prompt, 200);
		vi.setSystemTime(T0 + 10_000);
		await source.poll?.();
		await diskSource.poll?.();
		const sgBody = await (await fetch(`${sglang.url}/metrics`)).text();
		const vlBody = await (await fetch(`${vllm.url}/metrics`)).text();
		return {
			engines: store.getState().engines,
			sglang,
			vllm,
			deadUrl,
			generated: {sglang: s1.completion_tokens + s2.completion_tokens, vllm: v1.completion_tokens + v2.completion_tokens},
			hitRatio: {
				sglang: counter(sgBody, 'sglang:cached_tokens_total') / counter(sgBody, 'sglang:prompt_tokens_total'),
				vllm: counter(vlBody, 'vllm:prefix_cache_hits_total') / counter(vlBody, 'vllm:prefix_cache_queries_total'),
			},
			async stop() {
				await sglang.stop();
				await vllm.stop();
			},
		};
	} finally {
		vi.useRealTimers();
	}
}
