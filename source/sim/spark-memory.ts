// The demo host's memory: a DGX Spark's 128 GB of unified memory, written as /proc/meminfo text
// to a file the Memory panel reads. Used memory follows what runs: a base load (kernel, desktop,
// Docker), every running container's own memory, and what each engine holds (weights + KV as it
// reports them, falling over a second or two after a stop).

import {renameSync, writeFileSync} from 'node:fs';

/** MemTotal of a real GB10 (128 GB, less the firmware's share): research/engines.md 6.1. */
export const SPARK_MEM_TOTAL_KB = 127_600_748;
const KB = 1024;
const GIB = 1024 ** 3;
/** Kernel, system services and dockerd with nothing of the stack running. */
export const BASE_USED_BYTES = 4.6 * GIB;
/** Page cache the kernel would give back (counted in MemAvailable). */
const RECLAIMABLE_CACHE_BYTES = 6.2 * GIB;

export interface MemoryUse {
	/** Bytes held by the engines (unified memory: GPU allocations are host memory). */
	engines: number;
	/** Bytes charged to running containers' cgroups. */
	containers: number;
}

/** /proc/meminfo as Linux 6.x on arm64 writes it, for `used` bytes in use (not counting page cache). */
export function renderMeminfo(usedBytes: number, totalKb = SPARK_MEM_TOTAL_KB): string {
	const total = totalKb * KB;
	const used = Math.min(total - 256 * 1024 * KB, Math.max(0, usedBytes));
	const cache = Math.min(RECLAIMABLE_CACHE_BYTES, total - used - 128 * 1024 * KB);
	const availableKb = Math.floor((total - used) / KB);
	const freeKb = Math.max(0, Math.floor((total - used - cache) / KB));
	const cachedKb = Math.floor(cache / KB);
	const anonKb = Math.floor(used / KB);
	const rows: Array<[string, number]> = [
		['MemTotal', totalKb],
		['MemFree', freeKb],
		['MemAvailable', availableKb],
		['Buffers', 412_312],
		['Cached', cachedKb - 412_312],
		['SwapCached', 0],
		['Active', Math.floor(anonKb * 0.7)],
		['Inactive', Math.floor(anonKb * 0.3) + cachedKb],
		['Active(anon)', Math.floor(anonKb * 0.68)],
		['Inactive(anon)', Math.floor(anonKb * 0.3)],
		['Active(file)', Math.floor(cachedKb * 0.4)],
		['Inactive(file)', Math.floor(cachedKb * 0.6)],
		['Unevictable', 30_720],
		['Mlocked', 30_720],
		['SwapTotal', 16_777_212],
		['SwapFree', 16_777_212],
		['Zswap', 0],
		['Zswapped', 0],
		['Dirty', 1_204],
		['Writeback', 0],
		['AnonPages', Math.floor(anonKb * 0.96)],
		['Mapped', 1_843_200],
		['Shmem', 262_144],
		['KReclaimable', 904_212],
		['Slab', 1_612_800],
		['SReclaimable', 904_212],
		['SUnreclaim', 708_588],
		['KernelStack', 38_912],
		['PageTables', 96_512],
		['SecPageTables', 0],
		['NFS_Unstable', 0],
		['Bounce', 0],
		['WritebackTmp', 0],
		['CommitLimit', Math.floor(totalKb / 2) + 16_777_212],
		['Committed_AS', anonKb + 8_388_608],
		['VmallocTotal', 133_141_626_880],
		['VmallocUsed', 214_016],
		['VmallocChunk', 0],
		['Percpu', 36_864],
		['HardwareCorrupted', 0],
		['AnonHugePages', 0],
		['ShmemHugePages', 0],
		['ShmemPmdMapped', 0],
		['FileHugePages', 0],
		['FilePmdMapped', 0],
		['CmaTotal', 0],
		['CmaFree', 0],
		['HugePages_Total', 0],
		['HugePages_Free', 0],
		['HugePages_Rsvd', 0],
		['HugePages_Surp', 0],
		['Hugepagesize', 2048],
		['Hugetlb', 0],
	];
	return rows.map(([name, value]) => (name.startsWith('HugePages_') ? `${`${name}:`.padEnd(16)}${String(value).padStart(8)}` : `${`${name}:`.padEnd(16)}${String(value).padStart(8)} kB`)).join('\n') + '\n';
}

export function usedBytes(use: MemoryUse): number {
	return BASE_USED_BYTES + use.engines + use.containers;
}

export interface MeminfoWriter {
	/** Write now (after a change the panel should see on its next read). */
	write(): void;
	stop(): void;
}

/** Rewrite `file` every `everyMs` (whole file, renamed into place: a reader never sees half of it). */
export function startMeminfoWriter(file: string, use: () => MemoryUse, everyMs = 250): MeminfoWriter {
	const write = () => {
		const tmp = `${file}.tmp`;
		writeFileSync(tmp, renderMeminfo(usedBytes(use())));
		renameSync(tmp, file);
	};
	write();
	const timer = setInterval(() => {
		try {
			write();
		} catch {
			// The demo folder is being removed: the next stop() ends this.
		}
	}, everyMs);
	timer.unref?.();
	return {write, stop: () => clearInterval(timer)};
}
