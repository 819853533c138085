// Doctor panel: the stack's silent failures, checked (domain/doctor), with evidence and the fix.

import type {PanelDef} from '../types.js';
import {DoctorPanel} from './DoctorPanel.js';
import {doctorCommands} from './commands.js';
import {offerDoctorFix} from './fix.js';
import {doctorStatus} from './status.js';
import {doctorDetailList, doctorList} from './list.js';
import {countByStatus} from '../../domain/doctor/counts.js';
import {detailLines, listLines, panelOrder} from './lines.js';
import {memoLast} from '../../domain/memo-last.js';
import type {DoctorState} from '../../store/slices/doctor.js';

// The summary, every check and the selected one's evidence; a check opened wants all. Asked on every
// store change, and wrapping the evidence to count it: kept while the findings and width stay.
const doctorRows = memoLast((d: DoctorState, width: number): number | undefined => {
	if (!d.results) return 1;
	if (d.open) return undefined;
	const ordered = panelOrder(d.results);
	const current = ordered[Math.min(d.selected, ordered.length - 1)];
	return 1 + listLines(ordered, false).length + (current ? detailLines(current, width, false).length : 0);
});

export const doctorPanel: PanelDef = {
	id: 'doctor',
	title: 'Doctor',
	Component: DoctorPanel,
	rows: (state, width) => doctorRows(state.doctor, width),
	commands: doctorCommands(offerDoctorFix),
	lists: [doctorList, doctorDetailList],
	badge: state => {
		const results = state.doctor.results;
		if (!results) return undefined;
		const c = countByStatus(results);
		return c.fail + c.warn > 0 ? `${c.fail + c.warn} to fix` : undefined;
	},
	alert: state => {
		const results = state.doctor.results;
		if (!results) return undefined;
		const c = countByStatus(results);
		if (c.fail + c.warn === 0) return undefined;
		const text = [c.fail ? `${c.fail} check${c.fail === 1 ? '' : 's'} failed` : '', c.warn ? `${c.warn} warning${c.warn === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
		return {count: c.fail + c.warn, level: c.fail ? 'error' : 'warn', text};
	},
	status: doctorStatus,
};
