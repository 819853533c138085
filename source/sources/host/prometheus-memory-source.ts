// Host memory from Prometheus: node_exporter's node_memory_* series for the host's name, one instant
// query per tick while the Memory panel is visible. For a [[hosts]] entry with `prometheus` and no `ssh`.

import {MemInfoError} from '../../domain/meminfo.js';
import {meminfoFromNodeSeries, nodeMemorySelector} from '../../domain/node-memory.js';
import {update} from '../../store/index.js';
import {applyHostError, applyMeminfo} from '../../store/slices/host.js';
import {query} from '../engines/prometheus-reader.js';
import type {Source, SourceContext} from '../types.js';

export function createPrometheusMemorySource(ctx: SourceContext, base: string, hostName: string): Source {
	const where = `Prometheus ${base}`;
	return {
		id: 'host.meminfo',
		panels: ['memory'],
		async poll() {
			const now = Date.now();
			try {
				const items = await query(base, nodeMemorySelector(hostName), now, ctx.config.prometheus.timeout_ms);
				if (items.length === 0) throw new MemInfoError(`${where} has no node_memory_*_bytes series for instance ${hostName}: is node_exporter there in its scrape config?`);
				const mem = meminfoFromNodeSeries(items, `${where} (node_exporter on ${hostName})`);
				update(ctx.store, 'host', h => applyMeminfo(h, ctx.host.id, mem, now, base));
			} catch (error) {
				update(ctx.store, 'host', h => applyHostError(h, ctx.host.id, (error as Error).message, now));
			}
		},
	};
}
