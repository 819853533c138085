// GET /containers/{id}/stats for a demo container, in Docker Engine 28's cgroup v2 shape: CPU time
// against the host's (20 Arm cores of a DGX Spark), memory with its page cache, network and block
// I/O counters. `one-shot` leaves precpu empty as the daemon does; otherwise precpu is the sample a
// second earlier, so the CLI's `--no-stream` shows a CPU percentage at once.

import {msToNs, nowNs, rfc3339Nano} from './clock.js';
import type {DemoContainer} from './container.js';

export const HOST_CPUS = 20;
const NS_PER_MS = 1_000_000;

export interface StatsHost {
	/** Memory limit of a container with none set: the host's MemTotal in bytes. */
	memTotalBytes: number;
	/** When the host booted (ms): system_cpu_usage counts from there. */
	bootMs: number;
}

function cpuBlock(total: number, system: number, throttling = true): Record<string, unknown> {
	return {
		cpu_usage: {total_usage: total, usage_in_kernelmode: Math.round(total * 0.08), usage_in_usermode: Math.round(total * 0.92)},
		system_cpu_usage: system,
		online_cpus: HOST_CPUS,
		...(throttling ? {throttling_data: {periods: 0, throttled_periods: 0, throttled_time: 0}} : {}),
	};
}

const EMPTY_CPU = {cpu_usage: {total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0}, throttling_data: {periods: 0, throttled_periods: 0, throttled_time: 0}};

function memoryBlock(usage: number, limit: number): Record<string, unknown> {
	const file = Math.round(usage * 0.14);
	const anon = usage - file;
	const stats: Record<string, number> = {
		active_anon: Math.round(anon * 0.1),
		active_file: Math.round(file * 0.6),
		anon,
		anon_thp: 0,
		file,
		file_dirty: 0,
		file_mapped: Math.round(file * 0.3),
		file_writeback: 0,
		inactive_anon: Math.round(anon * 0.9),
		inactive_file: Math.round(file * 0.4),
		kernel_stack: 393216,
		pgactivate: 1024,
		pgdeactivate: 0,
		pgfault: 482113,
		pglazyfree: 0,
		pglazyfreed: 0,
		pgmajfault: 31,
		pgrefill: 0,
		pgscan: 0,
		pgsteal: 0,
		shmem: 0,
		slab: 1835008,
		slab_reclaimable: 1048576,
		slab_unreclaimable: 786432,
		sock: 0,
		thp_collapse_alloc: 0,
		thp_fault_alloc: 0,
		unevictable: 0,
		workingset_activate: 0,
		workingset_nodereclaim: 0,
		workingset_refault: 0,
	};
	return usage > 0 ? {usage, stats, limit} : {};
}

export function statsJson(c: DemoContainer, host: StatsHost, oneShot: boolean, now = Date.now()): Record<string, unknown> {
	const running = c.running;
	const system = Math.round((now - host.bootMs) * NS_PER_MS * HOST_CPUS);
	const total = c.cpuTimeNs(now);
	const cores = running ? c.process.cpuCores() : 0;
	const read = running ? nowNs() : null;
	const previous = oneShot || !running ? null : {total: Math.max(0, Math.round(total - cores * 1e9)), system: system - HOST_CPUS * 1e9};
	const net = c.networkBytes();
	return {
		name: `/${c.name}`,
		id: c.id,
		read: rfc3339Nano(read),
		preread: rfc3339Nano(previous && read ? read - msToNs(1000) : null),
		pids_stats: running ? {current: 14, limit: 151456} : {},
		blkio_stats: {
			io_service_bytes_recursive: running
				? [
						{major: 259, minor: 0, op: 'read', value: 52_428_800 + (c.spec.name.length << 20)},
						{major: 259, minor: 0, op: 'write', value: 4_194_304},
					]
				: null,
			io_serviced_recursive: null,
			io_queue_recursive: null,
			io_service_time_recursive: null,
			io_wait_time_recursive: null,
			io_merged_recursive: null,
			io_time_recursive: null,
			sectors_recursive: null,
		},
		num_procs: 0,
		storage_stats: {},
		cpu_stats: running ? cpuBlock(total, system) : EMPTY_CPU,
		precpu_stats: previous ? cpuBlock(previous.total, previous.system) : EMPTY_CPU,
		memory_stats: memoryBlock(c.memoryBytes(), host.memTotalBytes),
		...(running
			? {
					networks: {
						eth0: {rx_bytes: Math.round(net * 0.55), rx_packets: Math.round(net / 900), rx_errors: 0, rx_dropped: 0, tx_bytes: Math.round(net * 0.45), tx_packets: Math.round(net / 1100), tx_errors: 0, tx_dropped: 0},
					},
				}
			: {}),
	};
}
