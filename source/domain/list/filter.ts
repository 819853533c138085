// `/` filters every list by text: case-insensitive substring over the words a row shows.

/** Indices of the rows whose text contains `filter`, or null when there is no filter (all rows). */
export function filterIndices(count: number, textOf: (index: number) => string, filter: string): number[] | null {
	const needle = filter.trim().toLowerCase();
	if (!needle) return null;
	const kept: number[] = [];
	for (let i = 0; i < count; i++) if (textOf(i).toLowerCase().includes(needle)) kept.push(i);
	return kept;
}

/** Where the selection sits among the kept rows: itself, else the next kept row, else the last. */
export function positionOf(kept: readonly number[], cursor: number): number {
	if (kept.length === 0) return -1;
	const exact = kept.indexOf(cursor);
	if (exact >= 0) return exact;
	const after = kept.findIndex(i => i > cursor);
	return after >= 0 ? after : kept.length - 1;
}
