// Prometheus histogram maths: per-bucket counts, cumulative `le` buckets, sum and count.

export interface HistogramData {
	/** Upper bounds, ascending, without +Inf. */
	bounds: readonly number[];
	/** Non-cumulative counts; one more than bounds (the last is the +Inf overflow). */
	counts: number[];
	sum: number;
	count: number;
}

export function newHistogram(bounds: readonly number[]): HistogramData {
	return {bounds, counts: new Array<number>(bounds.length + 1).fill(0), sum: 0, count: 0};
}

/** Record `value`, `times` times (Prometheus counts value == bound into that bucket). */
export function observe(h: HistogramData, value: number, times = 1): void {
	let index = h.bounds.findIndex(bound => value <= bound);
	if (index === -1) index = h.bounds.length;
	h.counts[index]! += times;
	h.sum += value * times;
	h.count += times;
}

/** [le, cumulative count] pairs, ending with +Inf whose count equals h.count. */
export function cumulativeBuckets(h: HistogramData): Array<[number, number]> {
	let running = 0;
	const rows: Array<[number, number]> = [];
	for (let i = 0; i <= h.bounds.length; i++) {
		running += h.counts[i]!;
		rows.push([i < h.bounds.length ? h.bounds[i]! : Number.POSITIVE_INFINITY, running]);
	}
	return rows;
}

/** vLLM's build_1_2_5_buckets(max): 1, 2, 5, 10, 20, 50, ... up to max. */
export function buckets125(max: number): number[] {
	const out: number[] = [];
	for (let exponent = 0; ; exponent++) {
		for (const m of [1, 2, 5]) {
			const value = m * 10 ** exponent;
			if (value > max) return out;
			out.push(value);
		}
	}
}
