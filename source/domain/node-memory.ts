// A host's memory from node_exporter's series in Prometheus (node_memory_MemTotal_bytes,
// node_memory_MemAvailable_bytes, …): the same MemInfo a /proc/meminfo read gives. Pure.

import {parseMeminfo, type MemInfo} from './meminfo.js';
import type {PromVectorItem} from './engines/prom-api.js';

const FIELDS = ['MemTotal', 'MemAvailable', 'MemFree', 'Cached', 'Buffers', 'SwapTotal', 'SwapFree'];

/** node_exporter's memory series of the target on this host name (any port: node_exporter's is 9100). */
export function nodeMemorySelector(hostName: string): string {
	const host = hostName.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&');
	return `{__name__=~"node_memory_(${FIELDS.join('|')})_bytes",instance=~"\\\\[?${host}\\\\]?(:[0-9]+)?"}`;
}

/** The first instance's series as MemInfo; MemInfoError (from parseMeminfo) when its fields are missing. */
export function meminfoFromNodeSeries(items: readonly PromVectorItem[], source: string): MemInfo {
	const instance = items[0]?.metric['instance'];
	const lines = items
		.filter(i => i.metric['instance'] === instance)
		.map(i => {
			const field = /^node_memory_(\w+)_bytes$/.exec(i.metric['__name__'] ?? '')?.[1];
			const value = Number(i.value[1]);
			return field && Number.isFinite(value) && value >= 0 ? `${field}: ${Math.round(value)}` : '';
		});
	return parseMeminfo(lines.join('\n'), source);
}
