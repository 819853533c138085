// Fixed-length sample history (sparklines, 60-sample charts). Immutable: push returns a new array,
// so store updates stay plain data.

export function pushSample<T>(history: readonly T[], sample: T, limit: number): T[] {
	const next = history.length >= limit ? history.slice(history.length - limit + 1) : history.slice();
	next.push(sample);
	return next;
}
