// The engine window's latency histograms: while readings only grow, the window's observations are
// the last reading less the first; whatever the readings do (restarts, a bucket going down, new
// bounds, a scrape without the histogram, an older reading put in between from Prometheus), the
// answer is the sum of the deltas of each pair of readings.
import {describe, expect, it} from 'vitest';
import {LATENCY_WINDOW_MS, pushReading, windowHistogram, type LatencyKind, type TimedReading} from '../../source/domain/engines/window.js';
import {sumOfDeltas, type Histogram} from '../../source/domain/histogram.js';
import type {EngineReading} from '../../source/domain/engines/types.js';

function random(seed: number): () => number {
	let state = seed;
	return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const BOUNDS = [
	[0.05, 0.1, 0.25, 0.5, 1, Infinity],
	[0.1, 0.5, 1, 2.5, Infinity],
];

/** What the window held before: the sum of each pair's deltas over the readings inside it. */
function reference(window: readonly TimedReading[], now: number, model: string, kind: LatencyKind): Histogram | null {
	return sumOfDeltas(window.filter(w => w.t <= now && w.t >= now - LATENCY_WINDOW_MS).map(w => w.reading.models[model]?.[kind]));
}

describe('engine window histograms', () => {
	it('equal the sum of the deltas of every pair of readings, over random minutes of readings', () => {
		const next = random(29);
		for (let run = 0; run < 210; run++) {
			// A third of the runs only grow (the short way all along), a third are now and then
			// disturbed, a third often.
			const rate = [0, 0.01, 0.2][run % 3]!;
			let window: TimedReading[] = [];
			let counts = [0, 0, 0, 0, 0, 0];
			let sum = 0;
			let bounds = BOUNDS[0]!;
			for (let i = 0; i < 90; i++) {
				const t = 1_000_000 + i * 1000;
				const disturbed = next() < rate;
				const r = disturbed ? next() : 1;
				if (r < 0.2) {
					// A restart: everything from zero.
					counts = counts.map(() => 0);
					sum = 0;
				} else if (r < 0.4) {
					// Other bounds from now on.
					bounds = BOUNDS[1]!;
					counts = counts.slice(0, bounds.length);
				} else {
					let running = 0;
					counts = counts.slice(0, bounds.length).map(c => (running += c + Math.floor(next() * 3)));
					// A torn scrape: one bucket lower than before.
					if (r < 0.6) counts[1] = Math.max(0, counts[1]! - 2);
					sum += next() * 4;
				}
				const histogram = (): Histogram => ({buckets: bounds.map((le, j) => ({le, count: counts[j]!})), sum, count: counts.at(-1)!});
				const reading: EngineReading = {models: {m: {model: 'm', counters: {}, gauges: {}, ...(r >= 0.6 && r < 0.8 ? {} : {ttft: histogram(), itl: histogram()})}}, truncated: false, parseErrors: 0};
				if (r >= 0.8 && r < 1 && window.length > 2) {
					// From Prometheus' history: an older reading put in between, not pushed.
					const at = window.at(-2)!.t + 500;
					window = [...window, {t: at, reading}].sort((a, b) => a.t - b.t);
					continue;
				}
				window = pushReading(window, t, reading);
				for (const kind of ['ttft', 'itl'] as const) {
					const got = windowHistogram(window, t, LATENCY_WINDOW_MS, 'm', kind);
					const want = reference(window, t, 'm', kind);
					if (want === null) {
						expect(got).toBeNull();
						continue;
					}
					expect(got!.buckets).toEqual(want.buckets);
					expect(got!.count).toBe(want.count);
					// The sum is of seconds: the last less the first, or the deltas added, to rounding.
					expect(got!.sum).toBeCloseTo(want.sum, 9);
				}
			}
		}
	});

	it('takes the short way only while each reading grew from the one before it', () => {
		const h = (count: number, sum: number): Histogram => ({buckets: [{le: 0.5, count: count - 1}, {le: Infinity, count}], sum, count});
		const reading = (x: Histogram): EngineReading => ({models: {m: {model: 'm', counters: {}, gauges: {}, ttft: x}}, truncated: false, parseErrors: 0});
		let window = pushReading([], 1000, reading(h(10, 2)));
		window = pushReading(window, 2000, reading(h(14, 3)));
		expect(window[1]!.grewFrom?.['m']?.ttft).toBe(window[0]!.reading.models['m']!.ttft);
		// A restart: not grown, and the window counts what came after it as new.
		window = pushReading(window, 3000, reading(h(3, 0.5)));
		expect(window[2]!.grewFrom?.['m']?.ttft).toBeUndefined();
		expect(windowHistogram(window, 3000, LATENCY_WINDOW_MS, 'm', 'ttft')).toEqual({buckets: [{le: 0.5, count: 6}, {le: Infinity, count: 7}], sum: 1.5, count: 7});
		// One reading alone holds no interval.
		expect(windowHistogram(window.slice(0, 1), 1000, LATENCY_WINDOW_MS, 'm', 'ttft')).toBeNull();
	});
});
