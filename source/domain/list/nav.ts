// The moves every list answers (the same keys everywhere): one row, one page, first, last. A cursor
// list moves its selection; a scroll list (help, the notice log) moves its top row.

export type ListMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** Next position of the selection among `total` rows, `page` rows on screen. */
export function moveCursor(position: number, total: number, move: ListMove, page: number): number {
	if (total <= 0) return 0;
	const step = Math.max(1, page - 1);
	const next =
		move === 'up' ? position - 1
		: move === 'down' ? position + 1
		: move === 'pageUp' ? position - step
		: move === 'pageDown' ? position + step
		: move === 'home' ? 0
		: total - 1;
	return Math.max(0, Math.min(total - 1, next));
}

/** Next top row of a scrolled text of `total` rows with `page` on screen (End shows the last page). */
export function moveScroll(top: number, total: number, move: ListMove, page: number): number {
	const last = Math.max(0, total - page);
	const step = Math.max(1, page - 1);
	const next =
		move === 'up' ? top - 1
		: move === 'down' ? top + 1
		: move === 'pageUp' ? top - step
		: move === 'pageDown' ? top + step
		: move === 'home' ? 0
		: last;
	return Math.max(0, Math.min(last, next));
}
