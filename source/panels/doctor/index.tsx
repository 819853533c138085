// Doctor panel: the stack's silent failures, checked (domain/doctor), with evidence and the fix.

import type {PanelDef} from '../types.js';
import {DoctorPanel} from './DoctorPanel.js';
import {doctorCommands} from './commands.js';
import {offerDoctorFix} from './fix.js';
import {doctorStatus} from './status.js';
import {doctorDetailList, doctorList} from './list.js';
import {countByStatus} from '../../domain/doctor/registry.js';

export const doctorPanel: PanelDef = {
	id: 'doctor',
	title: 'Doctor',
	Component: DoctorPanel,
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
