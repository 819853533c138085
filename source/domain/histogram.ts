// Prometheus histogram maths: read cumulative buckets, subtract two readings (with counter resets),
// and estimate quantiles by linear interpolation inside a bucket, as histogram_quantile does.

export interface Bucket {
	/** Upper bound (`le`), +Infinity for the last one. */
	le: number;
	/** Cumulative count of observations <= le. */
	count: number;
}

export interface Histogram {
	buckets: Bucket[];
	sum: number;
	count: number;
}

/** Builds a histogram from `le`/count pairs (any order, duplicates summed: several series of one model). */
export function histogramFrom(pairs: ReadonlyArray<{le: number; count: number}>, sum: number, count: number | undefined): Histogram {
	const byLe = new Map<number, number>();
	for (const {le, count: c} of pairs) if (!Number.isNaN(le) && Number.isFinite(c)) byLe.set(le, (byLe.get(le) ?? 0) + c);
	const buckets = [...byLe.entries()].sort((a, b) => a[0] - b[0]).map(([le, c]) => ({le, count: c}));
	const inf = buckets.find(b => b.le === Infinity)?.count;
	return {buckets, sum: Number.isFinite(sum) ? sum : 0, count: count ?? inf ?? buckets.at(-1)?.count ?? 0};
}

/**
 * Same bounds at the same places, in strictly rising order: then bucket i of one is bucket i of the
 * other. Engines report the same buckets scrape after scrape; the window adds and subtracts dozens
 * of readings every second, so this case skips the search for each bound.
 */
function sameBounds(a: readonly Bucket[], b: readonly Bucket[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		if (a[i]!.le !== b[i]!.le) return false;
		if (i > 0 && !(a[i]!.le > a[i - 1]!.le)) return false;
	}
	return true;
}

/** `cur` only grew from `prev`: the same bounds, and no count, sum or bucket lower (no restart between). */
export function onlyGrew(prev: Histogram, cur: Histogram): boolean {
	if (cur.count < prev.count || cur.sum < prev.sum || !sameBounds(prev.buckets, cur.buckets)) return false;
	for (let i = 0; i < cur.buckets.length; i++) if (cur.buckets[i]!.count < prev.buckets[i]!.count) return false;
	return true;
}

/** Adds two histograms with the same buckets (missing buckets count as zero). */
export function addHistograms(a: Histogram, b: Histogram): Histogram {
	if (sameBounds(a.buckets, b.buckets)) {
		return {buckets: a.buckets.map((x, i) => ({le: x.le, count: x.count + b.buckets[i]!.count})), sum: a.sum + b.sum, count: a.count + b.count};
	}
	const les = [...new Set([...a.buckets.map(x => x.le), ...b.buckets.map(x => x.le)])].sort((x, y) => x - y);
	const at = (h: Histogram, le: number) => h.buckets.find(x => x.le === le)?.count ?? 0;
	return {buckets: les.map(le => ({le, count: at(a, le) + at(b, le)})), sum: a.sum + b.sum, count: a.count + b.count};
}

/**
 * Observations between two readings. A drop in the total count means the server restarted: then
 * everything in `cur` is new (as Prometheus' rate() treats a counter reset).
 */
export function histogramDelta(prev: Histogram | undefined, cur: Histogram): Histogram {
	if (!prev || cur.count < prev.count) return cur;
	if (sameBounds(prev.buckets, cur.buckets)) {
		return {
			buckets: cur.buckets.map((b, i) => ({le: b.le, count: Math.max(0, b.count - prev.buckets[i]!.count)})),
			sum: Math.max(0, cur.sum - prev.sum),
			count: cur.count - prev.count,
		};
	}
	const at = (le: number) => prev.buckets.find(x => x.le === le)?.count ?? 0;
	return {
		buckets: cur.buckets.map(b => ({le: b.le, count: Math.max(0, b.count - at(b.le))})),
		sum: Math.max(0, cur.sum - prev.sum),
		count: cur.count - prev.count,
	};
}

/**
 * The observations between consecutive readings, added up: addHistograms over histogramDelta of each
 * pair, with the same results. The window does this for two histograms of every model every second;
 * while the bounds stay the same and nothing resets, the sum is kept in one array of its own instead
 * of two new histograms a pair.
 */
export function sumOfDeltas(readings: ReadonlyArray<Histogram | undefined>): Histogram | null {
	let acc: Histogram | null = null;
	/** acc's buckets are this function's own (not a reading's, not shared): they may be added to. */
	let owned = false;
	let prev: Histogram | undefined;
	for (const h of readings) {
		if (!h) continue;
		if (prev) {
			if (acc && h.count >= prev.count && sameBounds(prev.buckets, h.buckets) && sameBounds(acc.buckets, h.buckets)) {
				if (!owned) {
					acc = {buckets: acc.buckets.map(b => ({le: b.le, count: b.count})), sum: acc.sum, count: acc.count};
					owned = true;
				}
				for (let i = 0; i < h.buckets.length; i++) acc.buckets[i]!.count += Math.max(0, h.buckets[i]!.count - prev.buckets[i]!.count);
				acc.sum += Math.max(0, h.sum - prev.sum);
				acc.count += h.count - prev.count;
			} else {
				const d = histogramDelta(prev, h);
				acc = acc ? addHistograms(acc, d) : d;
				owned = false;
			}
		}
		prev = h;
	}
	return acc;
}

/**
 * q-quantile (0..1) of a histogram's observations; null when it holds none. Linear interpolation
 * inside the bucket, lower bound 0 for the first bucket; a quantile in the +Inf bucket returns the
 * highest finite bound (as Prometheus does).
 */
export function histogramQuantile(h: Histogram, q: number): number | null {
	const buckets = h.buckets;
	if (buckets.length === 0) return null;
	const total = buckets.at(-1)!.le === Infinity ? buckets.at(-1)!.count : Math.max(h.count, buckets.at(-1)!.count);
	if (!(total > 0)) return null;
	const rank = Math.max(0, Math.min(1, q)) * total;
	let prevLe = 0;
	let prevCount = 0;
	for (const b of buckets) {
		// Counts are cumulative; guard against non-monotonic input from a torn scrape.
		const count = Math.max(prevCount, b.count);
		if (count >= rank && count > prevCount) {
			if (b.le === Infinity) return prevLe;
			const lower = prevLe > b.le ? 0 : prevLe;
			return lower + ((b.le - lower) * (rank - prevCount)) / (count - prevCount);
		}
		prevCount = count;
		if (b.le !== Infinity) prevLe = b.le;
	}
	return prevLe;
}

/** Mean observation (sum/count), null when empty. */
export function histogramMean(h: Histogram): number | null {
	return h.count > 0 ? h.sum / h.count : null;
}
