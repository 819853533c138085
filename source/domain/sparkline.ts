// Sparkline and bar strings: pure text, so they are cheap to diff and test.

/** Last `width` values as sparkline glyphs scaled to `max` (default: the largest value shown). */
export function sparkline(values: readonly number[], width: number, glyphs: readonly string[], max?: number): string {
	if (width <= 0) return '';
	const shown = values.slice(-width);
	const top = max ?? Math.max(0, ...shown.filter(Number.isFinite));
	const chars = shown.map(v => {
		if (!Number.isFinite(v) || top <= 0) return glyphs[0]!;
		const level = Math.round((Math.max(0, Math.min(v, top)) / top) * (glyphs.length - 1));
		return glyphs[level]!;
	});
	return chars.join('').padStart(width, ' ');
}

/** A horizontal bar `width` wide filled to `ratio` (0..1). */
export function bar(ratio: number, width: number, full: string, empty: string): string {
	if (width <= 0) return '';
	const r = Number.isFinite(ratio) ? Math.max(0, Math.min(1, ratio)) : 0;
	const filled = Math.round(r * width);
	return full.repeat(filled) + empty.repeat(width - filled);
}
