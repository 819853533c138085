// The Doctor's part of `stackdeck status`: the counts and every check that is not ok.

import {jsonReport, reportLines} from '../../domain/doctor/report.js';
import type {AppState} from '../../store/index.js';
import type {StatusSection} from '../types.js';
import {panelOrder, summaryText} from './lines.js';

export function doctorStatus(state: AppState): StatusSection {
	const {results, error} = state.doctor;
	if (!results) return {title: 'Doctor', lines: [error ? `error: ${error}` : 'not run'], data: {checks: null, error}};
	const ordered = panelOrder(results);
	return {
		title: 'Doctor',
		lines: [summaryText(ordered), ...reportLines(ordered.filter(r => r.status !== 'ok')).filter(l => !l.startsWith('       '))],
		data: jsonReport(ordered),
	};
}
