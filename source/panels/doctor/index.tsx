// Doctor panel: the stack's silent failures, checked (domain/doctor), with evidence and the fix.

import type {PanelDef} from '../types.js';
import {DoctorPanel} from './DoctorPanel.js';
import {doctorCommands} from './commands.js';
import {offerDoctorFix} from './fix.js';
import {doctorStatus} from './status.js';
import {doctorDetailList, doctorList} from './list.js';
import {countByStatus} from '../../domain/doctor/counts.js';
import {detailLines, listLines, panelOrder} from './lines.js';

export const doctorPanel: PanelDef = {
	id: 'doctor',
	title: 'Doctor',
	Component: DoctorPanel,
	// The summary, every check and the selected one's evidence; a check opened wants all.
	rows: (state, width) => {
		const d = state.doctor;
		if (!d.results) return 1;
		if (d.open) return undefined;
		const ordered = panelOrder(d.results);
		const current = ordered[Math.min(d.selected, ordered.length - 1)];
		return 1 + listLines(ordered, false).length + (current ? detailLines(current, width, false).length : 0);
	},
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
