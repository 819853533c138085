// Sliding window of engine readings and the figures derived from it: decode and prefill tok/s,
// TTFT p50/p95 and inter-token latency over the window, prefix-cache hit ratio. Pure data in, out.

import {histogramDelta, histogramMean, histogramQuantile, onlyGrew, sumOfDeltas, type Histogram} from '../histogram.js';
import {windowRate, lastIntervalRate, trimPoints, type CounterPoint} from '../rates.js';
import type {EngineReading, ModelGauges} from './types.js';

export interface TimedReading {
	t: number;
	reading: EngineReading;
	/**
	 * Per model, each latency histogram of this reading that only grew (same bounds, no count, sum or
	 * bucket lower) from the one named here: the latest before it in the window, when pushed.
	 */
	grewFrom?: Readonly<Record<string, Partial<Record<LatencyKind, Histogram>>>>;
}

export type LatencyKind = 'ttft' | 'itl';
const LATENCY_KINDS: readonly LatencyKind[] = ['ttft', 'itl'];

/** Seconds of readings kept (the sparkline is 60 s). */
export const KEEP_MS = 65_000;
/** Window for "now" figures: long enough to smooth SGLang's per-request counter steps. */
export const RATE_WINDOW_MS = 10_000;
/** Window for latency quantiles. */
export const LATENCY_WINDOW_MS = 60_000;

export function pushReading(window: readonly TimedReading[], t: number, reading: EngineReading): TimedReading[] {
	const grewFrom: Record<string, Partial<Record<LatencyKind, Histogram>>> = {};
	for (const [model, m] of Object.entries(reading.models)) {
		for (const kind of LATENCY_KINDS) {
			const cur = m[kind];
			const prev = cur && lastHistogram(window, model, kind);
			if (cur && prev && onlyGrew(prev, cur)) (grewFrom[model] ??= {})[kind] = prev;
		}
	}
	return trimPoints([...window, {t, reading, grewFrom}], t, KEEP_MS);
}

function lastHistogram(window: readonly TimedReading[], model: string, kind: LatencyKind): Histogram | undefined {
	for (let i = window.length - 1; i >= 0; i--) {
		const h = window[i]!.reading.models[model]?.[kind];
		if (h) return h;
	}
	return undefined;
}

export interface ModelFigures {
	model: string;
	decodeTps: number | null;
	prefillTps: number | null;
	/** Rate over the last scrape interval, for the sparkline. */
	decodeTpsLast: number | null;
	running: number | null;
	queued: number | null;
	ttftP50Ms: number | null;
	ttftP95Ms: number | null;
	itlMs: number | null;
	/** Share of prompt tokens served from the prefix cache over the latency window. */
	cacheHitRatio: number | null;
	/** Same, since the server started (or last reset). */
	cacheHitRatioLifetime: number | null;
	gauges: ModelGauges;
	/** A counter went backwards inside the window (server restart). */
	reset: boolean;
}

function points(window: readonly TimedReading[], pick: (r: EngineReading) => number | undefined): CounterPoint[] {
	const out: CounterPoint[] = [];
	for (const {t, reading} of window) {
		const v = pick(reading);
		if (v !== undefined) out.push({t, value: v});
	}
	return out;
}

/**
 * Observations in a histogram over the window, summing interval deltas so a reset loses nothing.
 * While each reading only grew from the one before (no restart, the same bounds: nearly always),
 * that sum is the last reading less the first, found without going through the minute of readings
 * between them (every second, for two histograms of every model).
 */
export function windowHistogram(window: readonly TimedReading[], now: number, windowMs: number, model: string, kind: LatencyKind): Histogram | null {
	const inside = window.filter(w => w.t <= now && w.t >= now - windowMs);
	let first: Histogram | undefined;
	let last: Histogram | undefined;
	for (const w of inside) {
		const h = w.reading.models[model]?.[kind];
		if (!h) continue;
		if (last && w.grewFrom?.[model]?.[kind] !== last) return sumOfDeltas(inside.map(r => r.reading.models[model]?.[kind]));
		first ??= h;
		last = h;
	}
	return first && last && first !== last ? histogramDelta(first, last) : null;
}

function ratioOverWindow(hits: CounterPoint[], queries: CounterPoint[], now: number, windowMs: number): number | null {
	const h = windowRate(hits, now, windowMs, windowMs);
	const q = windowRate(queries, now, windowMs, windowMs);
	if (!h || !q || q.increase <= 0) return null;
	return Math.min(1, h.increase / q.increase);
}

export function modelFigures(window: readonly TimedReading[], model: string, now: number): ModelFigures {
	const m = (r: EngineReading) => r.models[model];
	const gen = points(window, r => m(r)?.counters.generation);
	const prompt = points(window, r => m(r)?.counters.prefill ?? m(r)?.counters.prompt);
	const hits = points(window, r => m(r)?.counters.cacheHits);
	const queries = points(window, r => m(r)?.counters.cacheQueries);
	// Stale after three missed 1 s scrapes: an unreachable engine shows no rate rather than an old one.
	const decode = windowRate(gen, now, RATE_WINDOW_MS, 3_500);
	const prefill = windowRate(prompt, now, RATE_WINDOW_MS, 3_500);
	const last = window.at(-1);
	const gauges = (last && m(last.reading)?.gauges) ?? {};
	const ttft = windowHistogram(window, now, LATENCY_WINDOW_MS, model, 'ttft');
	const itl = windowHistogram(window, now, LATENCY_WINDOW_MS, model, 'itl');
	const toMs = (v: number | null) => (v === null ? null : v * 1000);
	const lastHits = hits.at(-1)?.value;
	const lastQueries = queries.at(-1)?.value;
	return {
		model,
		decodeTps: decode?.perSecond ?? null,
		prefillTps: prefill?.perSecond ?? null,
		decodeTpsLast: last && last.t === gen.at(-1)?.t ? lastIntervalRate(gen) : null,
		running: gauges.running ?? null,
		queued: gauges.queued ?? null,
		ttftP50Ms: ttft ? toMs(histogramQuantile(ttft, 0.5)) : null,
		ttftP95Ms: ttft ? toMs(histogramQuantile(ttft, 0.95)) : null,
		itlMs: itl ? toMs(histogramMean(itl)) : null,
		cacheHitRatio: ratioOverWindow(hits, queries, now, LATENCY_WINDOW_MS),
		cacheHitRatioLifetime: lastHits !== undefined && lastQueries !== undefined && lastQueries > 0 ? Math.min(1, lastHits / lastQueries) : null,
		gauges,
		reset: Boolean(decode?.reset || prefill?.reset),
	};
}

/** Every model seen in the window, busiest (most generated tokens) first. */
export function modelsIn(window: readonly TimedReading[]): string[] {
	const totals = new Map<string, number>();
	for (const {reading} of window) for (const [name, m] of Object.entries(reading.models)) totals.set(name, Math.max(totals.get(name) ?? 0, m.counters.generation ?? 0));
	return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** Engine totals: rates and requests summed over models; latency from the busiest model. */
export function engineFigures(window: readonly TimedReading[], now: number): {total: ModelFigures | null; models: ModelFigures[]} {
	const models = modelsIn(window).map(name => modelFigures(window, name, now));
	if (models.length === 0) return {total: null, models};
	const sum = (pick: (f: ModelFigures) => number | null) => {
		const vals = models.map(pick).filter((v): v is number => v !== null);
		return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
	};
	const first = models[0]!;
	return {
		total: {
			...first,
			model: models.map(f => f.model).join(', '),
			decodeTps: sum(f => f.decodeTps),
			prefillTps: sum(f => f.prefillTps),
			decodeTpsLast: sum(f => f.decodeTpsLast),
			running: sum(f => f.running),
			queued: sum(f => f.queued),
			reset: models.some(f => f.reset),
		},
		models,
	};
}
