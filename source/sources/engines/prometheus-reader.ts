// Reads one engine's series from a Prometheus server: two instant queries (the values, and when
// the target was last scraped) give one reading at the scrape's own time. The first read also fetches the
// readings at the start of the rate and latency windows, so figures appear at once, from
// Prometheus's history, instead of after the cockpit has watched for a while.

import {engineSelector, kindOfSeries, readingFromVectors, type PromVectorItem} from '../../domain/engines/prom-api.js';
import {readEngineMetrics} from '../../domain/engines/metrics.js';
import {LATENCY_WINDOW_MS, RATE_WINDOW_MS, pushReading, type TimedReading} from '../../domain/engines/window.js';
import type {EngineKind} from '../../domain/engines/types.js';
import {EngineHttpError, failureReason, getText, joinUrl} from './http.js';

export interface PromRead {
	window: TimedReading[];
	/** The newest scrape's time (ms): figures are computed as of then. */
	at: number;
	kind: EngineKind | null;
	/** Series names Prometheus could not give as numbers. */
	errors: string[];
}

/** One instant query's vector; EngineHttpError (naming Prometheus) when it cannot be had. */
export async function query(base: string, expr: string, at: number, timeoutMs: number): Promise<PromVectorItem[]> {
	const url = `${joinUrl(base, '/api/v1/query')}?query=${encodeURIComponent(expr)}&time=${(at / 1000).toFixed(3)}`;
	const {status, body} = await getText(url, timeoutMs).catch((error: unknown) => {
		throw new EngineHttpError(base, `Prometheus: ${failureReason(error, timeoutMs)}`);
	});
	let parsed: {status?: string; error?: string; data?: {resultType?: string; result?: unknown}};
	try {
		parsed = JSON.parse(body) as typeof parsed;
	} catch {
		throw new EngineHttpError(base, `Prometheus: HTTP ${status}, not JSON`, status);
	}
	if (parsed.status !== 'success') throw new EngineHttpError(base, `Prometheus: ${parsed.error ?? `HTTP ${status}`}`, status);
	if (parsed.data?.resultType !== 'vector' || !Array.isArray(parsed.data.result)) return [];
	return parsed.data.result as PromVectorItem[];
}

export async function readViaPrometheus(
	base: string,
	instance: string,
	kind: EngineKind | null,
	fallbackModel: string,
	window: readonly TimedReading[],
	now: number,
	timeoutMs: number,
): Promise<PromRead> {
	const selector = engineSelector(instance);
	const readAt = async (at: number) => {
		// `up` is written at every scrape with the scrape's timestamp: when the values were taken.
		const [values, stamps] = await Promise.all([query(base, selector, at, timeoutMs), query(base, `timestamp(up{instance=${JSON.stringify(instance)}})`, at, timeoutMs)]);
		return {values, ...readingFromVectors(values, stamps)};
	};
	const latest = await readAt(now);
	const latestT = latest.t;
	if (latestT === null) {
		// Scraped but failing (up = 0): the engine is down or not serving /metrics, not missing from the config.
		const up = await query(base, `up{instance=${JSON.stringify(instance)}}`, now, timeoutMs);
		if (up.some(u => u.value[1] === '0')) throw new EngineHttpError(base, `Prometheus: up = 0 for ${instance}, its scrape fails: engine down?`);
		throw new EngineHttpError(base, `Prometheus has no series for instance="${instance}": is the engine in its scrape config? (set [prometheus] instances if the label differs)`);
	}
	const seenKind = kind ?? kindOfSeries(latest.values);
	if (!seenKind) throw new EngineHttpError(base, `Prometheus: instance="${instance}" has no sglang:, vllm: or llamacpp: series`);
	const reading = (parsed: typeof latest.parsed) => readEngineMetrics(seenKind, parsed, fallbackModel);
	let next = [...window];
	// A window without a reading inside it (the first read, or after a pause) gets one from
	// Prometheus's history, from half a window back: it lands inside the window for scrape intervals
	// up to half of it, so figures appear at once instead of after the cockpit has watched a while.
	for (const span of [LATENCY_WINDOW_MS, RATE_WINDOW_MS]) {
		const inside = next.some(r => r.t < latestT && r.t >= latestT - span);
		if (inside) continue;
		const old = await readAt(latestT - span / 2);
		if (old.t !== null && old.t < latestT && !next.some(r => r.t === old.t)) next = [...next, {t: old.t, reading: reading(old.parsed)}].sort((a, b) => a.t - b.t);
	}
	if ((next.at(-1)?.t ?? -Infinity) < latestT) next = pushReading(next, latestT, reading(latest.parsed));
	return {window: next, at: latestT, kind: seenKind, errors: latest.parsed.errors};
}
