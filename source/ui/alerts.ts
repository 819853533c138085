// Which panels need the user, and what is new since the last look: read by the tab strip (a mark
// on every width) and by the cockpit, which raises a notice when an alert first appears.

import type {AppState} from '../store/index.js';
import type {PanelAlert, PanelView} from './panel-view.js';

export type AlertMap = ReadonlyMap<string, PanelAlert>;

export function panelAlerts(state: AppState, panels: readonly Pick<PanelView, 'id' | 'title' | 'alert'>[]): AlertMap {
	const out = new Map<string, PanelAlert>();
	for (const p of panels) {
		const alert = p.alert?.(state);
		if (alert && alert.count > 0) out.set(p.id, alert);
	}
	return out;
}

/** The same panels with the same alerts (count, level, text). */
export function sameAlerts(a: AlertMap, b: AlertMap): boolean {
	if (a.size !== b.size) return false;
	for (const [id, x] of a) {
		const y = b.get(id);
		if (!y || y.count !== x.count || y.level !== x.level || y.text !== x.text) return false;
	}
	return true;
}

/** The notice for an alert that is new or grew since `before`, or null when nothing got worse. */
export function newAlertNotice(before: AlertMap, after: AlertMap, panels: readonly Pick<PanelView, 'id' | 'title' | 'alert'>[]): {text: string; level: PanelAlert['level']} | null {
	for (const [index, p] of panels.entries()) {
		const now = after.get(p.id);
		if (!now) continue;
		const was = before.get(p.id);
		if (was && was.count >= now.count) continue;
		return {text: `${index + 1} ${p.title}: ${now.text}`, level: now.level};
	}
	return null;
}
