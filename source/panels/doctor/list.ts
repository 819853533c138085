// The Doctor's check list and a check's detail as the list mechanism sees them: the shared keys
// (↑↓ PgUp PgDn Home End g G and `/`) move the selection in the list and scroll the detail.

import type {ListAdapter} from '../../commands/list.js';
import type {CheckResult} from '../../domain/doctor/types.js';
import {update, type AppState} from '../../store/index.js';
import {moveSelection} from '../../store/slices/doctor.js';
import {detailLines, panelOrder} from './lines.js';

/** The words `/` searches in a check's row. */
export function checkText(r: CheckResult): string {
	return `${r.id} ${r.group} ${r.status} ${r.title} ${r.summary}`;
}

const shown = (s: AppState) => s.ui.focused === 'doctor' && s.ui.overlay === null && (s.doctor.results?.length ?? 0) > 0;

export const doctorList: ListAdapter = {
	id: 'doctor',
	mode: 'cursor',
	active: s => shown(s) && !s.doctor.open,
	texts: s => panelOrder(s.doctor.results ?? []).map(checkText),
	position: s => s.doctor.selected,
	moveTo: (store, index) => update(store, 'doctor', d => moveSelection(d, index - d.selected)),
};

export const doctorDetailList: ListAdapter = {
	id: 'doctor.detail',
	mode: 'scroll',
	active: s => shown(s) && s.doctor.open,
	// The rows the view draws at its width; scrolling stops where the view's last page starts.
	texts: s => {
		const ordered = panelOrder(s.doctor.results ?? []);
		const r = ordered[Math.min(s.doctor.selected, ordered.length - 1)];
		const lines = r ? detailLines(r, s.doctor.detailWidth, false).map(l => l.text) : [];
		return lines.slice(0, s.doctor.detailMax + 1);
	},
	position: s => s.doctor.detailOffset,
	moveTo: (store, index) => update(store, 'doctor', d => ({...d, detailOffset: Math.max(0, Math.min(d.detailMax, index))})),
};
