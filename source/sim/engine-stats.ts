// What an engine has served so far: the counters, gauges and histograms its /metrics reports.
// Every number here is updated at the moment the served bytes are written, so /metrics agrees
// with what clients received.

import {buckets125, newHistogram, observe, type HistogramData} from './histogram.js';

// Bucket bounds from the engines' code (research/engines.md 1.3 and 2.3).
const SGLANG_TTFT = [0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100, 200, 400];
const SGLANG_ITL = [0.002, 0.004, 0.006, 0.008, 0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.06, 0.08, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8];
const SGLANG_E2E = [0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100, 200, 400, 800, 1200, 1800, 2400];
const SGLANG_QUEUE = [0, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 50, 100, 500, 1000, 3000];
const VLLM_TTFT = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640, 2560];
const VLLM_ITL = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80];
const VLLM_LATENCY = [0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60, 120, 240, 480, 960, 1920, 7680];

export type FinishReason = 'stop' | 'length' | 'abort' | 'error';

export interface EngineStats {
	startedAt: number;
	running: number;
	waiting: number;
	promptTokens: number;
	/** Prompt tokens counted when a request finishes (SGLang's tokenizer-manager counters). */
	finishedPromptTokens: number;
	finishedGenerationTokens: number;
	finishedCachedTokens: number;
	generationTokens: number;
	cachedTokens: number;
	prefillComputeTokens: number;
	requests: number;
	finished: Record<FinishReason, number>;
	lastGenThroughput: number;
	lastBatchHitRate: number;
	ttft: HistogramData;
	itl: HistogramData;
	e2e: HistogramData;
	queue: HistogramData;
	prefillTime: HistogramData;
	decodeTime: HistogramData;
	promptHist: HistogramData;
	generationHist: HistogramData;
}

export function newStats(kind: 'sglang' | 'vllm' | 'ollama', maxModelLen: number, now = Date.now()): EngineStats {
	const sg = kind === 'sglang';
	return {
		startedAt: now,
		running: 0,
		waiting: 0,
		promptTokens: 0,
		finishedPromptTokens: 0,
		finishedGenerationTokens: 0,
		finishedCachedTokens: 0,
		generationTokens: 0,
		cachedTokens: 0,
		prefillComputeTokens: 0,
		requests: 0,
		finished: {stop: 0, length: 0, abort: 0, error: 0},
		lastGenThroughput: 0,
		lastBatchHitRate: 0,
		ttft: newHistogram(sg ? SGLANG_TTFT : VLLM_TTFT),
		itl: newHistogram(sg ? SGLANG_ITL : VLLM_ITL),
		e2e: newHistogram(sg ? SGLANG_E2E : VLLM_LATENCY),
		queue: newHistogram(sg ? SGLANG_QUEUE : VLLM_LATENCY),
		prefillTime: newHistogram(VLLM_LATENCY),
		decodeTime: newHistogram(VLLM_LATENCY),
		promptHist: newHistogram(buckets125(maxModelLen)),
		generationHist: newHistogram(buckets125(maxModelLen)),
	};
}

/** Prefill done: the prompt has been processed (vLLM counts prompt tokens per iteration). */
export function recordPrefill(stats: EngineStats, promptTokens: number, cachedTokens: number, queueSeconds: number, prefillSeconds: number): void {
	stats.promptTokens += promptTokens;
	stats.cachedTokens += cachedTokens;
	stats.prefillComputeTokens += promptTokens - cachedTokens;
	stats.lastBatchHitRate = promptTokens > 0 ? cachedTokens / promptTokens : 0;
	observe(stats.queue, queueSeconds);
	observe(stats.prefillTime, prefillSeconds);
	observe(stats.ttft, queueSeconds + prefillSeconds);
}

export function recordToken(stats: EngineStats, intervalSeconds: number | null): void {
	stats.generationTokens += 1;
	if (intervalSeconds !== null) observe(stats.itl, intervalSeconds);
}

export function recordFinish(
	stats: EngineStats,
	request: {promptTokens: number; cachedTokens: number; completionTokens: number; e2eSeconds: number; decodeSeconds: number; prefilled: boolean},
	reason: FinishReason,
): void {
	stats.finished[reason] += 1;
	stats.requests += 1;
	if (!request.prefilled) return;
	stats.finishedPromptTokens += request.promptTokens;
	stats.finishedGenerationTokens += request.completionTokens;
	stats.finishedCachedTokens += request.cachedTokens;
	observe(stats.e2e, request.e2eSeconds);
	observe(stats.decodeTime, request.decodeSeconds);
	observe(stats.promptHist, request.promptTokens);
	observe(stats.generationHist, request.completionTokens);
	if (request.decodeSeconds > 0 && request.completionTokens > 1) stats.lastGenThroughput = (request.completionTokens - 1) / request.decodeSeconds;
}
