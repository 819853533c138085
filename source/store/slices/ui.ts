// UI slice: focus, zoom, overlays, confirmations and one-line notices. Pure reducers only.

import type {PanelId} from '../../domain/panel-ids.js';
import {PANEL_IDS} from '../../domain/panel-ids.js';
import type {LayoutMode} from '../../domain/layout.js';

export type NoticeLevel = 'info' | 'ok' | 'warn' | 'error';

export interface Notice {
	text: string;
	level: NoticeLevel;
	at: number;
}

/** A question the user must answer (y/Enter or n/Esc) before an action touches the outside world. */
export interface ConfirmRequest {
	title: string;
	/** Lines shown in the dialog, e.g. a diff or the container's name. */
	body: string[];
	/** Runs after "yes". Errors are shown as a notice by the dispatcher. */
	run: () => void | Promise<void>;
}

export interface UiState {
	focused: PanelId;
	/** Grid layouts: the focused panel fills the body. */
	zoomed: boolean;
	overlay: 'help' | null;
	helpOffset: number;
	confirm: ConfirmRequest | null;
	notice: Notice | null;
	/** A terminal pane owns the keyboard; only its release chord reaches the cockpit. */
	capture: boolean;
	readOnly: boolean;
	/** Panels with a slot on screen; the scheduler polls only their sources. */
	visible: PanelId[];
	layout: LayoutMode;
	/** Bumped by Ctrl-L; the runtime repaints the whole terminal when it changes. */
	repaints: number;
}

export function initialUi(readOnly = false, focused: PanelId = 'containers'): UiState {
	return {focused, zoomed: false, overlay: null, helpOffset: 0, confirm: null, notice: null, capture: false, readOnly, visible: [], layout: 'phone', repaints: 0};
}

export function focusPanel(ui: UiState, panel: PanelId): UiState {
	return {...ui, focused: panel, overlay: null};
}

export function cycleFocus(ui: UiState, order: readonly PanelId[], step: 1 | -1): UiState {
	const list = order.length > 0 ? order : PANEL_IDS;
	const index = list.indexOf(ui.focused);
	const next = list[(index + step + list.length) % list.length]!;
	return {...ui, focused: next};
}

export function showNotice(ui: UiState, text: string, level: NoticeLevel = 'info', at = Date.now()): UiState {
	return {...ui, notice: {text, level, at}};
}

export function setVisible(ui: UiState, layout: LayoutMode, visible: PanelId[]): UiState {
	if (ui.layout === layout && ui.visible.length === visible.length && ui.visible.every((p, i) => p === visible[i])) return ui;
	return {...ui, layout, visible};
}
