// Counter rates across resets and missed scrapes; histogram deltas and quantiles.
import {describe, expect, it} from 'vitest';
import {counterIncrease, windowRate, trimPoints} from '../../source/domain/rates.js';
import {addHistograms, histogramDelta, histogramFrom, histogramQuantile, histogramMean, sumOfDeltas, type Histogram} from '../../source/domain/histogram.js';

describe('windowRate', () => {
	it('is the increase over the time the samples span', () => {
		const pts = [0, 1, 2, 3, 4].map(s => ({t: s * 1000, value: s * 50}));
		expect(windowRate(pts, 4000, 10_000)!.perSecond).toBeCloseTo(50);
	});

	it('counts a counter reset as a restart from zero, not a negative rate', () => {
		// 100 → 200 (+100), restart, 30 (+30), 80 (+50): 180 tokens over 3 s.
		const pts = [
			{t: 0, value: 100},
			{t: 1000, value: 200},
			{t: 2000, value: 30},
			{t: 3000, value: 80},
		];
		const r = windowRate(pts, 3000, 10_000)!;
		expect(r.increase).toBe(180);
		expect(r.perSecond).toBeCloseTo(60);
		expect(r.reset).toBe(true);
		expect(counterIncrease(200, 30)).toBe(30);
	});

	it('treats missed scrapes as a longer interval, not as zero', () => {
		// 40 tok/s with scrapes at 0, 1, 5 (3 missed), 6 s.
		const pts = [0, 1, 5, 6].map(s => ({t: s * 1000, value: s * 40}));
		expect(windowRate(pts, 6000, 10_000)!.perSecond).toBeCloseTo(40);
	});

	it('gives no rate from one sample, or when the newest sample is stale', () => {
		expect(windowRate([{t: 0, value: 1}], 0, 10_000)).toBeNull();
		const pts = [{t: 0, value: 0}, {t: 1000, value: 10}];
		expect(windowRate(pts, 9000, 10_000, 3000)).toBeNull();
	});

	it('only uses samples inside the window', () => {
		const pts = [{t: 0, value: 0}, {t: 1000, value: 1000}, {t: 20_000, value: 1000}, {t: 21_000, value: 1010}];
		expect(windowRate(pts, 21_000, 10_000)!.perSecond).toBeCloseTo(10);
	});

	it('trimPoints keeps one baseline before the cutoff', () => {
		const pts = [0, 10, 20, 30].map(t => ({t, value: t}));
		expect(trimPoints(pts, 30, 15).map(p => p.t)).toEqual([10, 20, 30]);
	});
});

describe('histograms', () => {
	const h = (counts: number[], sum: number) =>
		histogramFrom(
			[0.1, 0.2, 0.4, Infinity].map((le, i) => ({le, count: counts[i]!})),
			sum,
			counts.at(-1),
		);

	it('interpolates quantiles inside the bucket like histogram_quantile', () => {
		const x = h([10, 20, 40, 40], 5);
		// p50 = rank 20 → top of the 0.1..0.2 bucket.
		expect(histogramQuantile(x, 0.5)).toBeCloseTo(0.2);
		// p25 = rank 10 → 0.1; p75 = rank 30 → halfway through 0.2..0.4.
		expect(histogramQuantile(x, 0.25)).toBeCloseTo(0.1);
		expect(histogramQuantile(x, 0.75)).toBeCloseTo(0.3);
		expect(histogramMean(x)).toBeCloseTo(0.125);
	});

	it('returns the highest finite bound for a quantile in the +Inf bucket, null when empty', () => {
		expect(histogramQuantile(h([0, 0, 0, 5], 10), 0.5)).toBe(0.4);
		expect(histogramQuantile(h([0, 0, 0, 0], 0), 0.5)).toBeNull();
	});

	it('subtracts two readings, and takes a reset reading as all new', () => {
		const a = h([10, 20, 40, 40], 5);
		const b = h([10, 30, 50, 50], 7);
		const d = histogramDelta(a, b);
		expect(d.count).toBe(10);
		expect(d.sum).toBeCloseTo(2);
		expect(histogramQuantile(d, 0.5)).toBeCloseTo(0.15);
		const restarted = h([1, 2, 2, 2], 0.3);
		expect(histogramDelta(b, restarted)).toEqual(restarted);
	});

	it('adds and subtracts bucket by bound, whether both readings have the same bounds or not', () => {
		// The definition: a bound missing on one side counts 0; subtraction per bound of `cur`, floored at 0.
		const count = (x: Histogram, le: number) => x.buckets.find(b => b.le === le)?.count ?? 0;
		const les = (...xs: Histogram[]) => [...new Set(xs.flatMap(x => x.buckets.map(b => b.le)))].sort((p, q) => p - q);
		const same = (x: Histogram, y: Histogram) => ({
			sum: les(x, y).map(le => ({le, count: count(x, le) + count(y, le)})),
			delta: y.buckets.map(b => ({le: b.le, count: Math.max(0, b.count - count(x, b.le))})),
		});
		const bounds = [
			[0.1, 0.2, 0.4, Infinity],
			[0.1, 0.2, 0.4, Infinity],
			[0.05, 0.1, 0.4, Infinity],
			[0.1, 0.2, Infinity],
		];
		let seed = 7;
		const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		for (let i = 0; i < 200; i++) {
			const make = (b: number[]) => ({buckets: b.map(le => ({le, count: Math.floor(next() * 50)})), sum: next() * 10, count: 60 + Math.floor(next() * 50)});
			const [x, y] = [make(bounds[i % 2]!), make(bounds[Math.floor(next() * bounds.length)]!)];
			const want = same(x, y);
			expect(addHistograms(x, y)).toEqual({buckets: want.sum, sum: x.sum + y.sum, count: x.count + y.count});
			const d = histogramDelta(x, y);
			if (y.count < x.count) expect(d).toBe(y);
			else expect(d.buckets).toEqual(want.delta);
		}
	});

	it('sumOfDeltas adds what each pair of readings saw, as a fold of histogramDelta and addHistograms does, and leaves the readings as they were', () => {
		const fold = (list: ReadonlyArray<Histogram | undefined>) => {
			let acc: Histogram | null = null;
			let prev: Histogram | undefined;
			for (const h of list) {
				if (!h) continue;
				if (prev) {
					const d = histogramDelta(prev, h);
					acc = acc ? addHistograms(acc, d) : d;
				}
				prev = h;
			}
			return acc;
		};
		const bounds = [
			[0.1, 0.2, 0.4, Infinity],
			[0.05, 0.1, 0.4, Infinity],
		];
		let seed = 11;
		const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		for (let run = 0; run < 300; run++) {
			// A minute of readings: counts rising, now and then a restart (counts drop), a bucket that
			// goes down, a scrape without the histogram, or other bounds.
			let counts = [0, 0, 0, 0];
			let sum = 0;
			const list: Array<Histogram | undefined> = [];
			for (let i = 0; i < 60; i++) {
				const r = next();
				if (r < 0.03) counts = counts.map(() => 0);
				else counts = counts.map((c, j) => c + Math.floor(next() * 5) * (j + 1) - (r < 0.06 ? 3 : 0));
				sum = r < 0.03 ? 0 : sum + next();
				const le = bounds[r > 0.97 ? 1 : 0]!;
				list.push(r > 0.5 && r < 0.53 ? undefined : {buckets: le.map((l, j) => ({le: l, count: Math.max(0, counts[j]!)})), sum, count: Math.max(0, counts[3]!)});
			}
			const before = JSON.stringify(list);
			expect(sumOfDeltas(list)).toEqual(fold(list));
			expect(JSON.stringify(list)).toBe(before);
		}
		expect(sumOfDeltas([])).toBeNull();
	});

	it('reads le strings in any order and sums duplicate series', () => {
		const x = histogramFrom(
			[
				{le: Infinity, count: 4},
				{le: 0.5, count: 1},
				{le: Infinity, count: 2},
				{le: 0.5, count: 2},
			],
			1,
			undefined,
		);
		expect(x.buckets).toEqual([
			{le: 0.5, count: 3},
			{le: Infinity, count: 6},
		]);
		expect(x.count).toBe(6);
	});
});
