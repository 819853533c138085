// A new alert (an engine goes down, a container fails, a check fails) shows as a notice in the
// header whatever panel is on screen; the tab strip keeps marking the panel until it is resolved.

import {update, type AppStore} from '../store/index.js';
import {showNotice} from '../store/slices/ui.js';
import {newAlertNotice, panelAlerts, type AlertMap} from '../ui/alerts.js';
import type {PanelView} from '../ui/panel-view.js';

export function watchAlerts(store: AppStore, panels: readonly PanelView[]): () => void {
	let before: AlertMap = panelAlerts(store.getState(), panels);
	return store.subscribe(state => {
		const after = panelAlerts(state, panels);
		const notice = newAlertNotice(before, after, panels);
		before = after;
		// Errors only: findings and warnings are marked on the tab without taking the header.
		if (notice && notice.level === 'error') update(store, 'ui', ui => showNotice(ui, notice.text, 'error'));
	});
}
