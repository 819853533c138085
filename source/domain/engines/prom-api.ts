// Engine figures through a Prometheus server that already scrapes the engines: its HTTP API's
// instant-query answers turned into the same parsed metrics a /metrics scrape gives, stamped with
// the scrape's own time, so the same window maths (domain/engines/window.ts) make the same figures.

import type {ParsedMetrics, Sample} from '../prometheus.js';

/** One series of an instant query's vector result, as /api/v1/query returns it. */
export interface PromVectorItem {
	metric: Record<string, string>;
	value: [number, string];
}

/** Prometheus' `instance` label for an engine URL: host:port, as a static scrape config writes it. */
export function instanceOf(url: string): string {
	const u = new URL(url);
	return `${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}

function quote(value: string): string {
	return JSON.stringify(value);
}

/** Every series an engine exposes under its kind's prefix, for one scrape target. */
export function engineSelector(instance: string): string {
	return `{instance=${quote(instance)},__name__=~"sglang:.+|vllm:.+|llamacpp:.+"}`;
}

/** The engine kind the series names show. */
export function kindOfSeries(items: readonly PromVectorItem[]): 'sglang' | 'vllm' | 'llamacpp' | null {
	for (const item of items) {
		const name = item.metric['__name__'] ?? '';
		if (name.startsWith('sglang:')) return 'sglang';
		if (name.startsWith('vllm:')) return 'vllm';
		if (name.startsWith('llamacpp:')) return 'llamacpp';
	}
	return null;
}

function numberOf(text: string): number {
	if (text === '+Inf') return Infinity;
	if (text === '-Inf') return -Infinity;
	return Number(text);
}

/**
 * One reading from two answers at the same evaluation time: the series' values, and
 * `timestamp(up{instance=...})` (when the target was last scraped). `t` is that scrape's time in
 * ms, null when there is no series.
 */
export function readingFromVectors(values: readonly PromVectorItem[], stamps: readonly PromVectorItem[]): {parsed: ParsedMetrics; t: number | null} {
	const byName = new Map<string, Sample[]>();
	const samples: Sample[] = [];
	const errors: string[] = [];
	for (const item of values) {
		const {__name__: name, ...labels} = item.metric;
		if (!name) continue;
		const value = numberOf(item.value[1]);
		if (Number.isNaN(value) && item.value[1] !== 'NaN') {
			if (errors.length < 20) errors.push(`${name}: value "${item.value[1]}"`);
			continue;
		}
		delete labels['instance'];
		delete labels['job'];
		const sample: Sample = {name, labels, value, family: name.replace(/_(bucket|sum|count|total|created)$/, '')};
		samples.push(sample);
		const list = byName.get(name);
		if (list) list.push(sample);
		else byName.set(name, [sample]);
	}
	let t: number | null = null;
	for (const s of stamps) {
		const v = numberOf(s.value[1]);
		if (Number.isFinite(v)) t = Math.max(t ?? 0, v * 1000);
	}
	return {parsed: {families: new Map(), samples, byName, errors, errorCount: errors.length, openMetrics: false, truncated: false}, t: samples.length > 0 ? t : null};
}
