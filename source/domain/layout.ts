// Layout maths: which panels are on screen and at what size, from the terminal size alone.
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

/** Smallest panel height (borders included) worth drawing in a grid. */
const MIN_GRID_PANEL_ROWS = 9;

export function layoutMode(cols: number, rows: number): LayoutMode {
	if (cols < MIN_COLS || rows < MIN_ROWS) return 'too-small';
	if (cols < 80 || rows < 24) return 'phone';
	if (cols < 120) return 'medium';
	return 'wide';
}

/**
 * Plan the body. `zoomed` shows one panel full size in any mode (Enter on a grid panel).
 * In grid modes, when not every panel fits at a readable height, the grid pages so the
 * focused panel is always on screen.
 */
export function planLayout(
	cols: number,
	rows: number,
	panels: readonly PanelId[],
	focused: PanelId,
	zoomed = false,
	forced?: Exclude<LayoutMode, 'too-small'>,
): LayoutPlan {
	const natural = layoutMode(cols, rows);
	const mode: LayoutMode = natural === 'too-small' ? natural : (forced ?? natural);
	const frameHeight = Math.max(1, rows - 1);
	const frameWidth = Math.max(1, cols);
	const bodyHeight = Math.max(0, frameHeight - 2);
	if (mode === 'too-small') {
		return {mode, frameHeight, frameWidth, bodyHeight, slots: [], hidden: [...panels]};
	}
	if (mode === 'phone' || zoomed) {
		return {
			mode,
			frameHeight,
			frameWidth,
			bodyHeight,
			slots: [{panel: focused, x: 0, y: 0, width: frameWidth, height: bodyHeight}],
			hidden: panels.filter(p => p !== focused),
		};
	}
	const columns = mode === 'wide' ? 3 : 2;
	const totalRows = Math.ceil(panels.length / columns);
	const fitRows = Math.max(1, Math.min(totalRows, Math.floor(bodyHeight / MIN_GRID_PANEL_ROWS)));
	const perPage = fitRows * columns;
	const focusIndex = Math.max(0, panels.indexOf(focused));
	const pageStart = Math.floor(focusIndex / perPage) * perPage;
	const onPage = panels.slice(pageStart, pageStart + perPage);
	const gridRows = Math.ceil(onPage.length / columns);
	const slots: PanelSlot[] = [];
	for (let i = 0; i < onPage.length; i++) {
		const row = Math.floor(i / columns);
		const col = i % columns;
		const inRow = Math.min(columns, onPage.length - row * columns);
		// The last row stretches its panels across the full width.
		const x0 = Math.floor((col * frameWidth) / inRow);
		const x1 = Math.floor(((col + 1) * frameWidth) / inRow);
		const y0 = Math.floor((row * bodyHeight) / gridRows);
		const y1 = Math.floor(((row + 1) * bodyHeight) / gridRows);
		slots.push({panel: onPage[i]!, x: x0, y: y0, width: x1 - x0, height: y1 - y0});
	}
	return {
		mode,
		frameHeight,
		frameWidth,
		bodyHeight,
		slots,
		hidden: panels.filter(p => !onPage.includes(p)),
	};
}

/** Panels the scheduler should poll for: the ones with a slot on screen. */
export function visiblePanels(plan: LayoutPlan): PanelId[] {
	return plan.slots.map(s => s.panel);
}
