// A process's RSS level: V8 collects the old generation every few seconds, and the cockpit's RSS
// moves 4-6 MB up and down with each cycle (VmRSS read every 2 s for 90 s: 115-122 MB). One reading
// says where in its cycle the process was as much as how much memory it holds, so the benchmarks
// read VmRSS eleven times over a few seconds and keep the median.

import {readFileSync} from 'node:fs';

export const LEVEL_READINGS = 11;

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** VmRSS in bytes from /proc, or null (another OS, or the process is gone). */
export function vmRss(pid: number): number | null {
	try {
		const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb === undefined ? null : Number(kb) * 1024;
	} catch {
		return null;
	}
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The median of LEVEL_READINGS readings spread over `spanMs`, in bytes (null: no /proc here). */
export async function rssLevel(pid: number, spanMs: number): Promise<number | null> {
	const readings: number[] = [];
	for (let i = 0; i < LEVEL_READINGS; i++) {
		if (i > 0) await sleep(spanMs / (LEVEL_READINGS - 1));
		const r = vmRss(pid);
		if (r === null) return null;
		readings.push(r);
	}
	return median(readings);
}
