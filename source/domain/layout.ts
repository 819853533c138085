// Layout maths: which panels are on screen and at what size, from the terminal size and the rows
// each panel has to show.
// The frame is always one row shorter than the terminal: Ink 6 clears the whole screen on every
// update when the frame is as tall as the terminal or taller.

import type {PanelId} from './panel-ids.js';

export const MIN_COLS = 40;
export const MIN_ROWS = 12;

export type LayoutMode = 'wide' | 'medium' | 'phone' | 'too-small';

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PanelSlot extends Rect {
	panel: PanelId;
}

export interface LayoutPlan {
	mode: LayoutMode;
	/** Rows the frame may use: terminal rows minus one spare. */
	frameHeight: number;
	frameWidth: number;
	/** Header (1 row) and tab/hint strip (1 row) around the body. */
	bodyHeight: number;
	slots: PanelSlot[];
	/** Panels not on screen in this layout (paged out); the scheduler does not poll them. */
	hidden: PanelId[];
}

/** Smallest panel height (borders included) worth drawing beside others; a panel wanting less gets less. */
const MIN_PANEL_ROWS = 7;
/** Top and bottom border. */
const BORDER_ROWS = 2;

/**
 * Rows of content (borders excluded) each panel would like to show now: its list's length, its
 * lines. A panel not named wants as much as it can get (a log, a terminal).
 */
export type PanelWants = Partial<Record<PanelId, number>>;

interface Need {
	panel: PanelId;
	min: number;
	want: number;
}

/** The focused panel's minimum is what it wants: the others make room for it, or page out. */
function needsOf(panels: readonly PanelId[], wants: PanelWants | undefined, height: number, focused: PanelId): Need[] {
	return panels.map(panel => {
		const content = wants?.[panel];
		const want = Math.min(height, content === undefined ? height : Math.max(1, content) + BORDER_ROWS);
		return {panel, want, min: panel === focused && content !== undefined ? want : Math.min(want, MIN_PANEL_ROWS)};
	});
}

/**
 * Share `height` rows among panels stacked in one column: each gets its minimum, the focused one
 * then gets what it wants, the rest goes one row at a time to the panel furthest from what it
 * wants; rows nobody wants go to the focused panel, else to the one that wants most.
 */
export function shareRows(height: number, needs: readonly Need[], focused?: PanelId): number[] {
	const got = needs.map(n => n.min);
	let spare = height - got.reduce((a, b) => a + b, 0);
	const f = needs.findIndex(n => n.panel === focused);
	if (f >= 0 && spare > 0) {
		const extra = Math.min(spare, needs[f]!.want - got[f]!);
		got[f]! += extra;
		spare -= extra;
	}
	while (spare > 0) {
		let best = -1;
		for (let i = 0; i < needs.length; i++) {
			const short = needs[i]!.want - got[i]!;
			if (short > 0 && (best < 0 || short > needs[best]!.want - got[best]!)) best = i;
		}
		if (best < 0) break;
		got[best]!++;
		spare--;
	}
	if (spare > 0 && needs.length > 0) {
		const most = f >= 0 ? f : needs.reduce((b, n, i) => (n.want >= needs[b]!.want ? i : b), 0);
		got[most]! += spare;
	}
	return got;
}

/** Rows a column's panels still want after sharing (how much is cut), without regard to focus. */
function shortfall(height: number, needs: readonly Need[]): number {
	const got = shareRows(height, needs);
	return needs.reduce((sum, n, i) => sum + Math.max(0, n.want - got[i]!), 0);
}

/**
 * Place `items` in `k` non-empty columns whose minimums fit `height`, cutting the least. A panel may
 * leave its tab-order run when that shows more (a short panel moves beside a column with rows to
 * spare, so a longer one elsewhere is whole); among equal cuts the layout closest to tab order wins
 * (fewest panels read before one with a lower digit), then the one with the smallest blank gap. Each column keeps
 * its panels in tab order, and columns go left to right by their first panel's digit, so the first
 * panel of a page is always top left. The choice does not depend on focus unless a focused panel's
 * rows do not fit beside the others.
 */
function bestColumns(height: number, items: readonly Need[], k: number): Need[][] {
	let best = null as {cols: Need[][]; cut: number; moved: number; spare: number} | null;
	const at = new Array<number>(items.length).fill(0);
	// Every way to split the items into k columns, each way once: item i goes to a column already
	// opened by an earlier item, or opens the next one (columns are numbered by their first item).
	const walk = (i: number, opened: number) => {
		if (items.length - i < k - opened) return;
		if (i === items.length) {
			const cols: Need[][] = Array.from({length: k}, () => []);
			items.forEach((n, j) => cols[at[j]!]!.push(n));
			if (cols.some(c => c.reduce((s, n) => s + n.min, 0) > height)) return;
			const cut = cols.reduce((s, c) => s + shortfall(height, c), 0);
			const moved = inversions(at);
			// Rows no panel of a column wants are blank: spread them rather than leave one tall gap.
			const spare = Math.max(...cols.map(c => height - c.reduce((s, n) => s + n.want, 0)));
			const better = !best || cut < best.cut || (cut === best.cut && (moved < best.moved || (moved === best.moved && spare < best.spare)));
			if (better) best = {cols, cut, moved, spare};
			return;
		}
		for (let c = 0; c < Math.min(opened + 1, k); c++) {
			at[i] = c;
			walk(i + 1, Math.max(opened, c + 1));
		}
	};
	walk(0, 0);
	return best?.cols ?? [items.slice()];
}

/** Pairs read out of tab order (columns left to right, each top to bottom): 0 when every column is a run. */
function inversions(column: readonly number[]): number {
	let n = 0;
	for (let i = 0; i < column.length; i++) for (let j = i + 1; j < column.length; j++) if (column[j]! < column[i]!) n++;
	return n;
}

/** Pages of panels: columns filled in order while their minimums fit, `columns` columns a page. */
function pages(height: number, needs: readonly Need[], columns: number): Need[][] {
	const out: Need[][] = [];
	let page: Need[] = [];
	let col = 0;
	let used = 0;
	for (const n of needs) {
		if (page.length > 0 && used + n.min > height) {
			col++;
			used = 0;
			if (col === columns) {
				out.push(page);
				page = [];
				col = 0;
			}
		}
		page.push(n);
		used += n.min;
	}
	if (page.length > 0) out.push(page);
	return out;
}

export function layoutMode(cols: number, rows: number): LayoutMode {
	if (cols < MIN_COLS || rows < MIN_ROWS) return 'too-small';
	if (cols < 80 || rows < 24) return 'phone';
	if (cols < 120) return 'medium';
	return 'wide';
}

/**
 * Plan the body. `zoomed` shows one panel full size in any mode (Enter on a grid panel).
 * Space goes by content: `wants` says how many rows each panel has to show; every panel on screen
 * gets at least its minimum, the focused one what it wants, the others share the rest by need.
 * In grid modes the panels go to the columns that cut the least content, in tab order where that
 * cuts no more (see bestColumns); when not every panel fits, the grid pages so the focused panel is always on screen. A phone-width
 * terminal tall enough for two panels (a tmux split) stacks the focused panel and those after it.
 */
export function planLayout(
	cols: number,
	rows: number,
	panels: readonly PanelId[],
	focused: PanelId,
	zoomed = false,
	forced?: Exclude<LayoutMode, 'too-small'>,
	wants?: PanelWants,
): LayoutPlan {
	const natural = layoutMode(cols, rows);
	const mode: LayoutMode = natural === 'too-small' ? natural : (forced ?? natural);
	const frameHeight = Math.max(1, rows - 1);
	const frameWidth = Math.max(1, cols);
	const bodyHeight = Math.max(0, frameHeight - 2);
	const plan = (slots: PanelSlot[]): LayoutPlan => ({mode, frameHeight, frameWidth, bodyHeight, slots, hidden: panels.filter(p => !slots.some(s => s.panel === p))});
	if (mode === 'too-small') return {mode, frameHeight, frameWidth, bodyHeight, slots: [], hidden: [...panels]};
	const alone = [{panel: focused, x: 0, y: 0, width: frameWidth, height: bodyHeight}];
	if (zoomed) return plan(alone);
	const needs = needsOf(panels, wants, bodyHeight, focused);
	// A phone screen keeps one panel; a tall narrow pane (a tmux split) stacks several.
	if (mode === 'phone') return plan(bodyHeight >= 3 * MIN_PANEL_ROWS ? stacked(needs, focused, frameWidth, bodyHeight) : alone);
	const columns = mode === 'wide' ? 3 : 2;
	const all = pages(bodyHeight, needs, columns);
	const page = all.find(p => p.some(n => n.panel === focused)) ?? all[0] ?? [];
	const split = bestColumns(bodyHeight, page, Math.min(columns, page.length));
	const slots: PanelSlot[] = [];
	split.forEach((column, c) => {
		const x0 = Math.floor((c * frameWidth) / split.length);
		const x1 = Math.floor(((c + 1) * frameWidth) / split.length);
		const heights = shareRows(bodyHeight, column, focused);
		let y = 0;
		column.forEach((n, i) => {
			slots.push({panel: n.panel, x: x0, y, width: x1 - x0, height: heights[i]!});
			y += heights[i]!;
		});
	});
	return plan(slots);
}

/**
 * Phone width, tall terminal: the focused panel on top with what it wants, then the panels after it
 * in tab order, each whole while it fits; the last may be cut to its minimum. Rows left over go to
 * the focused panel.
 */
function stacked(needs: readonly Need[], focused: PanelId, width: number, height: number): PanelSlot[] {
	const at = Math.max(0, needs.findIndex(n => n.panel === focused));
	const chosen = [needs[at]!];
	const heights = [needs[at]!.want];
	let used = heights[0]!;
	for (let i = 1; i < needs.length && used < height; i++) {
		const n = needs[(at + i) % needs.length]!;
		if (used + n.min > height) break;
		const h = Math.min(n.want, height - used);
		chosen.push(n);
		heights.push(h);
		used += h;
	}
	heights[0]! += height - used;
	let y = 0;
	return chosen.map((n, i) => {
		const slot = {panel: n.panel, x: 0, y, width, height: heights[i]!};
		y += heights[i]!;
		return slot;
	});
}

/** Panels the scheduler should poll for: the ones with a slot on screen. */
export function visiblePanels(plan: LayoutPlan): PanelId[] {
	return plan.slots.map(s => s.panel);
}
