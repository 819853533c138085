// Turns a parsed /metrics body into per-model counters, gauges and histograms for one engine kind,
// with the metric names (old and new) that each server uses. Misleading gauges are not read:
// SGLang gen_throughput (stale when idle) and cache_hit_rate (per batch, zeroed by decode logs).

import {select, type ParsedMetrics, type Sample} from '../prometheus.js';
import {addHistograms, histogramFrom, type Histogram} from '../histogram.js';
import type {EngineKind, EngineReading, ModelReading} from './types.js';

/**
 * Current llama-server builds dropped kv_cache_usage_ratio and kv_cache_tokens from /metrics (older
 * builds still send them and are read), and neither /slots nor /props says how many tokens the KV
 * cache holds: the row says so instead of a dash.
 */
export const LLAMACPP_NO_KV = 'KV not exposed by llama.cpp';

interface Names {
	generation: string[];
	prompt: string[];
	cacheHits: string[];
	cacheQueries: string[];
	running: string[];
	queued: string[];
	kvUsage: string[];
	radixTokens: string[];
	maxTotalTokens: string[];
	serverAvgTps: string[];
	ttft: string[];
	itl: string[];
}

const NAMES: Record<Exclude<EngineKind, 'ollama'>, Names> = {
	sglang: {
		generation: ['sglang:generation_tokens_total'],
		prompt: ['sglang:prompt_tokens_total'],
		cacheHits: ['sglang:cached_tokens_total'],
		cacheQueries: ['sglang:prompt_tokens_total'],
		running: ['sglang:num_running_reqs'],
		queued: ['sglang:num_queue_reqs'],
		kvUsage: ['sglang:token_usage'],
		radixTokens: ['sglang:kv_evictable_tokens'],
		maxTotalTokens: ['sglang:max_total_num_tokens'],
		serverAvgTps: [],
		ttft: ['sglang:time_to_first_token_seconds'],
		itl: ['sglang:inter_token_latency_seconds', 'sglang:time_per_output_token_seconds'],
	},
	vllm: {
		generation: ['vllm:generation_tokens_total'],
		prompt: ['vllm:prompt_tokens_total'],
		cacheHits: ['vllm:prefix_cache_hits_total', 'vllm:gpu_prefix_cache_hits_total'],
		cacheQueries: ['vllm:prefix_cache_queries_total', 'vllm:gpu_prefix_cache_queries_total'],
		running: ['vllm:num_requests_running'],
		queued: ['vllm:num_requests_waiting'],
		kvUsage: ['vllm:kv_cache_usage_perc', 'vllm:gpu_cache_usage_perc'],
		radixTokens: [],
		maxTotalTokens: [],
		serverAvgTps: [],
		ttft: ['vllm:time_to_first_token_seconds'],
		itl: ['vllm:inter_token_latency_seconds', 'vllm:time_per_output_token_seconds'],
	},
	llamacpp: {
		generation: ['llamacpp:tokens_predicted_total'],
		prompt: ['llamacpp:prompt_tokens_total'],
		cacheHits: ['llamacpp:prompt_tokens_cached_total'],
		cacheQueries: ['llamacpp:prompt_tokens_total'],
		running: ['llamacpp:requests_processing'],
		queued: ['llamacpp:requests_deferred'],
		kvUsage: ['llamacpp:kv_cache_usage_ratio'],
		radixTokens: [],
		maxTotalTokens: [],
		serverAvgTps: ['llamacpp:predicted_tokens_seconds'],
		ttft: [],
		itl: [],
	},
};

/** Every sample name readEngineMetrics reads for a kind: the rest of a scrape need not be parsed. */
const SERIES: Record<Exclude<EngineKind, 'ollama'>, ReadonlySet<string>> = {
	sglang: seriesOf(NAMES.sglang, ['sglang:realtime_tokens_total']),
	vllm: seriesOf(NAMES.vllm, []),
	llamacpp: seriesOf(NAMES.llamacpp, []),
};

function seriesOf(names: Names, more: readonly string[]): ReadonlySet<string> {
	const {ttft, itl, ...plain} = names;
	const histograms = [...ttft, ...itl].flatMap(base => [`${base}_bucket`, `${base}_sum`, `${base}_count`]);
	return new Set([...Object.values(plain).flat(), ...histograms, ...more]);
}

/** For parsePrometheus: whether readEngineMetrics(kind, ...) reads samples of this name. */
export function readsSeries(kind: EngineKind): (name: string) => boolean {
	if (kind === 'ollama') return () => false;
	const series = SERIES[kind];
	return name => series.has(name);
}

/** Series that count at all: SGLang repeats totals under priority="" next to per-priority series. */
function counted(s: Sample): boolean {
	if ('priority' in s.labels && s.labels['priority'] !== '') return false;
	return Number.isFinite(s.value);
}

/** Labels that only say which tensor-parallel worker wrote a series, not what it counts. */
const TP_LABELS = new Set(['tp_rank', 'moe_ep_rank']);

/**
 * One series per rank group. SGLang's schedulers write their gauges from attention-TP rank 0 of each
 * data-parallel rank (labels `dp_rank`, `tp_rank` = the global rank), or from every TP rank with
 * --enable-metrics-for-all-schedulers, where the ranks of one DP group repeat the same batch. So
 * series that differ only in `tp_rank`/`moe_ep_rank` are one figure (the lowest rank is kept) and
 * series of different `dp_rank`s are separate figures, added up by the caller.
 */
export function oneTpRankEach(samples: readonly Sample[]): Sample[] {
	const out: Sample[] = [];
	const slotOf = new Map<string, number>();
	const rank = (s: Sample) => Number(s.labels['tp_rank']);
	for (const s of samples) {
		if (!('tp_rank' in s.labels)) {
			out.push(s);
			continue;
		}
		const key = Object.entries(s.labels)
			.filter(([k]) => !TP_LABELS.has(k))
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([k, v]) => `${k}=${v}`)
			.join('\u0001');
		const slot = slotOf.get(key);
		if (slot === undefined) {
			slotOf.set(key, out.length);
			out.push(s);
		} else if (rank(s) < rank(out[slot]!)) out[slot] = s;
	}
	return out;
}

/** SGLang cached_tokens_total: sum the per-source series; use `total` only when it is all there is. */
function cacheSourceFilter(samples: Sample[]): Sample[] {
	const bySource = samples.filter(s => s.labels['cache_source'] !== undefined && s.labels['cache_source'] !== 'total');
	return bySource.length > 0 ? bySource : samples;
}

export function modelOf(s: Sample, fallback: string): string {
	return s.labels['model_name'] ?? fallback;
}

export function readEngineMetrics(kind: EngineKind, parsed: ParsedMetrics, fallbackModel: string): EngineReading {
	const models: Record<string, ModelReading> = {};
	const reading: EngineReading = {models, truncated: parsed.truncated, parseErrors: parsed.errorCount};
	if (kind === 'ollama') return reading;
	const names = NAMES[kind];
	const model = (name: string): ModelReading => (models[name] ??= {model: name, counters: {}, gauges: {}});

	const firstPresent = (list: string[]): Sample[] => {
		for (const name of list) {
			const found = oneTpRankEach(select(parsed, name).filter(counted));
			if (found.length > 0) return name === 'sglang:cached_tokens_total' ? cacheSourceFilter(found) : found;
		}
		return [];
	};
	const sumInto = (list: string[], put: (m: ModelReading, v: number) => void, combine: 'sum' | 'max' = 'sum') => {
		const acc = new Map<string, number>();
		for (const s of firstPresent(list)) {
			const key = modelOf(s, fallbackModel);
			const prev = acc.get(key);
			acc.set(key, prev === undefined ? s.value : combine === 'sum' ? prev + s.value : Math.max(prev, s.value));
		}
		for (const [key, v] of acc) put(model(key), v);
	};

	sumInto(names.generation, (m, v) => (m.counters.generation = v));
	sumInto(names.prompt, (m, v) => (m.counters.prompt = v));
	if (kind === 'sglang') {
		// realtime_tokens_total moves every log interval; generation/prompt_tokens_total only when a
		// request finishes. Prefer it for live decode and prefill rates (hit rate keeps prompt_tokens).
		const realtime = oneTpRankEach(select(parsed, 'sglang:realtime_tokens_total').filter(counted));
		const byMode = (mode: string[]) => {
			const acc = new Map<string, number>();
			for (const s of realtime) if (mode.includes(s.labels['mode'] ?? '')) acc.set(modelOf(s, fallbackModel), (acc.get(modelOf(s, fallbackModel)) ?? 0) + s.value);
			return acc;
		};
		for (const [key, v] of byMode(['decode'])) model(key).counters.generation = v;
		for (const [key, v] of byMode(['prefill_compute', 'prefill_cache'])) model(key).counters.prefill = v;
	}
	sumInto(names.cacheHits, (m, v) => (m.counters.cacheHits = v));
	sumInto(names.cacheQueries, (m, v) => (m.counters.cacheQueries = v));
	sumInto(names.running, (m, v) => (m.gauges.running = v));
	sumInto(names.queued, (m, v) => (m.gauges.queued = v));
	// Each DP rank has its own KV pool: capacities and radix tokens add up; the usage shown is the
	// fullest rank's (a ratio is not summed).
	sumInto(names.kvUsage, (m, v) => (m.gauges.kvUsage = v), 'max');
	sumInto(names.radixTokens, (m, v) => (m.gauges.radixTokens = v));
	sumInto(names.maxTotalTokens, (m, v) => (m.gauges.maxTotalTokens = v));
	sumInto(names.serverAvgTps, (m, v) => (m.gauges.serverAvgTps = v), 'max');
	for (const [key, h] of readHistograms(parsed, names.ttft, fallbackModel)) model(key).ttft = h;
	for (const [key, h] of readHistograms(parsed, names.itl, fallbackModel)) model(key).itl = h;
	return reading;
}

/** The first family in `list` that has buckets, per model (several series of one model are added). */
export function readHistograms(parsed: ParsedMetrics, list: string[], fallbackModel: string): Map<string, Histogram> {
	const out = new Map<string, Histogram>();
	for (const base of list) {
		const buckets = oneTpRankEach(select(parsed, `${base}_bucket`).filter(counted));
		if (buckets.length === 0) continue;
		// One histogram per series (labels minus `le`), then added per model.
		const series = new Map<string, {model: string; pairs: Array<{le: number; count: number}>; sum: number; count?: number}>();
		const keyOf = (s: Sample) =>
			Object.entries(s.labels)
				.filter(([k]) => k !== 'le')
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([k, v]) => `${k}=${v}`)
				.join(',');
		for (const s of buckets) {
			const key = keyOf(s);
			const entry = series.get(key) ?? {model: modelOf(s, fallbackModel), pairs: [], sum: 0};
			const le = s.labels['le'] === undefined ? NaN : Number(s.labels['le'].replace(/^\+?inf$/i, 'Infinity').replace('+Inf', 'Infinity'));
			entry.pairs.push({le, count: s.value});
			series.set(key, entry);
		}
		for (const s of select(parsed, `${base}_sum`).filter(counted)) {
			const e = series.get(keyOf(s));
			if (e) e.sum = s.value;
		}
		for (const s of select(parsed, `${base}_count`).filter(counted)) {
			const e = series.get(keyOf(s));
			if (e) e.count = s.value;
		}
		for (const e of series.values()) {
			const h = histogramFrom(e.pairs, e.sum, e.count);
			const prev = out.get(e.model);
			out.set(e.model, prev ? addHistograms(prev, h) : h);
		}
		return out;
	}
	return out;
}
