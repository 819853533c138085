// Derived figures for the Memory panel and `status`.

import type {AppState} from '../../store/index.js';
import {formatBytes, formatPercent} from '../../domain/format.js';
import type {StatusSection} from '../types.js';
import {engineMemoryLines, gpuLines} from './engine-lines.js';
import {currentMemory} from '../../store/slices/host.js';

export function memoryStatus(state: AppState): StatusSection {
	const {mem, error, usedHistory, via = null} = currentMemory(state);
	const lines: string[] = [];
	if (mem) {
		lines.push(
			`used ${formatBytes(mem.usedBytes)} of ${formatBytes(mem.totalBytes)} (${formatPercent(mem.usedBytes / mem.totalBytes)}), available ${formatBytes(mem.availableBytes)}`,
			`swap ${formatBytes(mem.swapUsedBytes)} of ${formatBytes(mem.swapTotalBytes)}`,
		);
	}
	if (error) lines.push(`error: ${error}`);
	if (!mem && !error) lines.push('no reading yet');
	for (const l of [...gpuLines(state.engines), ...engineMemoryLines(state.engines)]) lines.push(l.text);
	return {
		title: 'Memory',
		lines,
		data: {
			hostId: state.host.current,
			host: mem,
			/** null: the host's meminfo file; else the Prometheus server the figures came from. */
			via,
			error,
			usedHistory,
			gpus: state.engines.gpus,
			engines: state.engines.rows.map(r => ({hostId: r.hostId, name: r.name, kind: r.kind, memory: r.memory, kvUsage: r.figures?.gauges.kvUsage ?? null})),
		},
	};
}
