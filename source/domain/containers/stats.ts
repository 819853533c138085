// Container stats from one-shot Engine API samples: CPU% from the deltas between two samples (ours
// or the daemon's precpu), memory without page cache as `docker stats` shows it, network and block I/O.

import type {ContainerStats} from './types.js';

/** The subset of GET /containers/{id}/stats we read (cgroup v1 and v2). */
export interface RawStats {
	read?: string;
	cpu_stats?: {cpu_usage?: {total_usage?: number; percpu_usage?: number[] | null}; system_cpu_usage?: number; online_cpus?: number};
	precpu_stats?: {cpu_usage?: {total_usage?: number}; system_cpu_usage?: number};
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number>};
	networks?: Record<string, {rx_bytes?: number; tx_bytes?: number}>;
	blkio_stats?: {io_service_bytes_recursive?: Array<{op?: string; value?: number}> | null};
}

function cpuFrom(cpuDelta: number, systemDelta: number, cpus: number): number | null {
	if (systemDelta <= 0 || cpuDelta < 0) return null;
	return (cpuDelta / systemDelta) * cpus * 100;
}

/** Reduce one raw sample; `prev` (our last sample of the same container) gives the CPU delta. */
export function computeStats(raw: RawStats, at: number, prev: ContainerStats | null = null): ContainerStats {
	const cpuTotal = raw.cpu_stats?.cpu_usage?.total_usage ?? 0;
	const systemCpu = raw.cpu_stats?.system_cpu_usage ?? 0;
	const onlineCpus = raw.cpu_stats?.online_cpus || raw.cpu_stats?.cpu_usage?.percpu_usage?.length || 1;
	let cpuPercent: number | null = null;
	const preTotal = raw.precpu_stats?.cpu_usage?.total_usage ?? 0;
	const preSystem = raw.precpu_stats?.system_cpu_usage ?? 0;
	if (preSystem > 0) cpuPercent = cpuFrom(cpuTotal - preTotal, systemCpu - preSystem, onlineCpus);
	else if (prev && prev.systemCpu > 0) cpuPercent = cpuFrom(cpuTotal - prev.cpuTotal, systemCpu - prev.systemCpu, onlineCpus);

	const mem = raw.memory_stats;
	let memUsage: number | null = null;
	if (mem?.usage !== undefined) {
		const s = mem.stats ?? {};
		const cache = s['inactive_file'] ?? s['total_inactive_file'] ?? s['cache'] ?? 0;
		memUsage = Math.max(0, mem.usage - (cache < mem.usage ? cache : 0));
	}
	const memLimit = mem?.limit ?? null;

	let netRx = 0;
	let netTx = 0;
	for (const n of Object.values(raw.networks ?? {})) {
		netRx += n.rx_bytes ?? 0;
		netTx += n.tx_bytes ?? 0;
	}
	let blkRead = 0;
	let blkWrite = 0;
	for (const e of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
		const op = (e.op ?? '').toLowerCase();
		if (op === 'read') blkRead += e.value ?? 0;
		else if (op === 'write') blkWrite += e.value ?? 0;
	}
	return {at, cpuPercent, memUsage, memLimit, netRx, netTx, blkRead, blkWrite, cpuTotal, systemCpu, onlineCpus};
}
