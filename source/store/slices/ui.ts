// UI slice: focus, zoom, overlays, confirmations, and notices: the latest in the header, the last
// NOTICE_LOG in a log the `!` overlay shows. Pure reducers only.

import type {PanelId} from '../../domain/panel-ids.js';
import {PANEL_IDS} from '../../domain/panel-ids.js';
import type {LayoutMode} from '../../domain/layout.js';

export type NoticeLevel = 'info' | 'ok' | 'warn' | 'error';

export interface Notice {
	text: string;
	level: NoticeLevel;
	at: number;
}

/** Notices kept for the log overlay. */
export const NOTICE_LOG = 50;
/** How long a notice other than an error stays in the header; errors stay until a key is pressed. */
export const NOTICE_MS = 6000;

/** A question the user must answer (y/Enter or n/Esc) before an action touches the outside world. */
export interface ConfirmRequest {
	title: string;
	/** Lines shown in the dialog, e.g. a diff or the container's name. */
	body: string[];
	/** What will change, one line each (a job's plan), shown under the body. */
	plan?: string[];
	/** The steps that will run, in order (a job's step titles). */
	steps?: string[];
	/** Runs after "yes". Errors are shown as a notice by the dispatcher. */
	run: () => void | Promise<void>;
}

export interface UiState {
	focused: PanelId;
	/** Grid layouts: the focused panel fills the body. */
	zoomed: boolean;
	/** help: the keys; log: running jobs' steps and the notice log; swap: the model swap window. */
	overlay: 'help' | 'log' | 'swap' | null;
	helpOffset: number;
	logOffset: number;
	confirm: ConfirmRequest | null;
	/** The notice in the header, until it expires (errors: until a key is pressed). */
	notice: Notice | null;
	/** The last NOTICE_LOG notices, oldest first. */
	notices: Notice[];
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
	return {focused, zoomed: false, overlay: null, helpOffset: 0, logOffset: 0, confirm: null, notice: null, notices: [], capture: false, readOnly, visible: [], layout: 'phone', repaints: 0};
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

/** A notice from anywhere (a job's result, a command, a captured warning): header and log. */
export function showNotice(ui: UiState, text: string, level: NoticeLevel = 'info', at = Date.now()): UiState {
	const notice = {text, level, at};
	return {...ui, notice, notices: [...ui.notices, notice].slice(-NOTICE_LOG)};
}

/** Takes `notice` out of the header (it stays in the log); a newer notice is left alone. */
export function dismissNotice(ui: UiState, notice: Notice): UiState {
	return ui.notice === notice ? {...ui, notice: null} : ui;
}

/** A key was pressed: an error notice has been seen and leaves the header. */
export function noticeSeen(ui: UiState): UiState {
	return ui.notice?.level === 'error' ? {...ui, notice: null} : ui;
}

export function setVisible(ui: UiState, layout: LayoutMode, visible: PanelId[]): UiState {
	if (ui.layout === layout && ui.visible.length === visible.length && ui.visible.every((p, i) => p === visible[i])) return ui;
	return {...ui, layout, visible};
}
