// Derived figures for the Memory panel and `status`.

import type {AppState} from '../../store/index.js';
import {formatBytes, formatPercent} from '../../domain/format.js';
import type {StatusSection} from '../types.js';

export function memoryStatus(state: AppState): StatusSection {
	const {mem, error, usedHistory} = state.host;
	const lines: string[] = [];
	if (mem) {
		lines.push(
			`used ${formatBytes(mem.usedBytes)} of ${formatBytes(mem.totalBytes)} (${formatPercent(mem.usedBytes / mem.totalBytes)}), available ${formatBytes(mem.availableBytes)}`,
			`swap ${formatBytes(mem.swapUsedBytes)} of ${formatBytes(mem.swapTotalBytes)}`,
		);
	}
	if (error) lines.push(`error: ${error}`);
	if (!mem && !error) lines.push('no reading yet');
	return {
		title: 'Memory',
		lines,
		data: {host: mem, error, usedHistory},
	};
}
