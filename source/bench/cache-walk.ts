// Benchmark: the Cache panel's folder walk over 50,000 files in nested folders under the temp
// folder, with the panel's own budget (1.5 s, 200k entries, a yield every 256 entries): files/s,
// ms, whether it finished inside the budget, and the event loop's worst stall while it ran (the
// largest gap between setImmediate ticks: what a keypress or a render could have waited).

import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {DEFAULT_BUDGET, walkSize, type WalkResult} from '../sources/engines/disk-walker.js';
import type {Bench, BenchRow} from './types.js';

const FILES = 50_000;
/** 50 top folders × 20 subfolders × 50 files. */
const TOP = 50;
const SUB = 20;

function makeTree(root: string): void {
	const perDir = FILES / (TOP * SUB);
	const body = Buffer.alloc(512, 120);
	for (let a = 0; a < TOP; a++) {
		for (let b = 0; b < SUB; b++) {
			const dir = path.join(root, `model-${a}`, `page-${b}`);
			mkdirSync(dir, {recursive: true});
			for (let f = 0; f < perDir; f++) writeFileSync(path.join(dir, `${f}.bin`), body);
		}
	}
}

/** Runs `walk` while sampling the event loop; returns its result, wall ms and the largest tick gap. */
export async function timedWalk(walk: () => Promise<WalkResult>): Promise<{result: WalkResult; ms: number; maxGapMs: number}> {
	let running = true;
	let maxGapMs = 0;
	let last = performance.now();
	const tick = () => {
		const now = performance.now();
		maxGapMs = Math.max(maxGapMs, now - last);
		last = now;
		if (running) setImmediate(tick);
	};
	setImmediate(tick);
	const t0 = performance.now();
	const result = await walk();
	const ms = performance.now() - t0;
	running = false;
	return {result, ms, maxGapMs};
}

export const cacheWalkBench: Bench = {
	id: 'cache-walk',
	async run() {
		const root = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-bench-walk-'));
		try {
			makeTree(root);
			// One warm-up walk (the tree was just written, so the page cache is warm either way).
			await walkSize(root, {...DEFAULT_BUDGET, timeMs: 60_000});
			const rows: BenchRow[] = [];
			const runs = [];
			for (let i = 0; i < 3; i++) runs.push(await timedWalk(() => walkSize(root)));
			runs.sort((a, b) => a.ms - b.ms);
			const med = runs[1]!;
			const worstGap = Math.max(...runs.map(r => r.maxGapMs));
			const done = med.result.partial ? `cut short by ${med.result.stoppedBy === 'time' ? 'the 1.5 s budget' : 'the entry limit'} at ${med.result.files.toLocaleString('en')} files` : 'complete';
			rows.push({
				name: `walk a cache folder of ${FILES.toLocaleString('en')} files (panel budget)`,
				value: `${med.ms.toFixed(0)} ms, ${Math.round(med.result.files / (med.ms / 1000)).toLocaleString('en')} files/s, ${done}`,
				method: `${TOP * SUB} nested folders under os.tmpdir(), warm page cache, median of 3 walks with the 1.5 s / 200k-entry budget`,
				raw: {ms: med.ms, files: med.result.files, filesPerSecond: med.result.files / (med.ms / 1000), partial: med.result.partial ? 1 : 0},
			});
			rows.push({
				name: 'event loop during that walk',
				value: `worst stall ${worstGap.toFixed(1)} ms`,
				method: 'largest gap between setImmediate ticks while each of the 3 walks ran',
				raw: {maxGapMs: worstGap},
			});
			return rows;
		} finally {
			rmSync(root, {recursive: true, force: true});
		}
	},
};
