// Counter → rate over a sliding window, tolerant of counter resets (server restarts) and of missed
// scrapes (gaps just make one interval longer). Pure: the caller keeps the samples.

export interface CounterPoint {
	/** Milliseconds. */
	t: number;
	value: number;
}

/** Increase from `prev` to `cur`; a drop means a reset, after which the counter counted up from 0. */
export function counterIncrease(prev: number, cur: number): number {
	if (!Number.isFinite(prev) || !Number.isFinite(cur)) return 0;
	return cur >= prev ? cur - prev : cur;
}

export interface WindowRate {
	/** Units per second over the window. */
	perSecond: number;
	/** Total increase over the window. */
	increase: number;
	/** Seconds the window's samples actually span. */
	spanSeconds: number;
	/** A counter reset was seen inside the window. */
	reset: boolean;
}

/**
 * Rate over the samples within `windowMs` before `now` (the newest sample at or before `now` ends
 * it). Needs two samples in the window; returns null otherwise, or when the newest is older than
 * `staleMs` (the engine stopped answering: no figure is better than a frozen one).
 */
export function windowRate(points: readonly CounterPoint[], now: number, windowMs: number, staleMs = windowMs): WindowRate | null {
	const inWindow = points.filter(p => p.t <= now && p.t >= now - windowMs);
	if (inWindow.length < 2) return null;
	const last = inWindow.at(-1)!;
	if (now - last.t > staleMs) return null;
	let increase = 0;
	let reset = false;
	for (let i = 1; i < inWindow.length; i++) {
		const prev = inWindow[i - 1]!.value;
		const cur = inWindow[i]!.value;
		if (cur < prev) reset = true;
		increase += counterIncrease(prev, cur);
	}
	const spanSeconds = (last.t - inWindow[0]!.t) / 1000;
	if (spanSeconds <= 0) return null;
	return {perSecond: increase / spanSeconds, increase, spanSeconds, reset};
}

/** Rate between the last two samples (a sparkline point); null with fewer than two. */
export function lastIntervalRate(points: readonly CounterPoint[]): number | null {
	if (points.length < 2) return null;
	const a = points.at(-2)!;
	const b = points.at(-1)!;
	const seconds = (b.t - a.t) / 1000;
	return seconds > 0 ? counterIncrease(a.value, b.value) / seconds : null;
}

/** Drops points older than `keepMs` before `now`, keeping one older point as a baseline. */
export function trimPoints<T extends {t: number}>(points: readonly T[], now: number, keepMs: number): T[] {
	const cutoff = now - keepMs;
	let first = points.findIndex(p => p.t >= cutoff);
	if (first < 0) first = points.length;
	return points.slice(Math.max(0, first - 1));
}
