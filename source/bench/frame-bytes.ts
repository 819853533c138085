// Bytes sent to the terminal per update, with the cell-diffing frame writer, against repainting the
// whole frame on every update (what Ink's standard renderer does): the cost over a mobile link.

import {createAppStore, update} from '../store/index.js';
import {applyMeminfo} from '../store/slices/host.js';
import {renderHarness} from './render-harness.js';
import type {Bench, BenchRow} from './types.js';
import {LOCAL_HOST_ID} from '../domain/host-id.js';

async function measure(cols: number, rows: number, updates: number): Promise<{diff: number; full: number}> {
	const store = createAppStore();
	update(store, 'ui', ui => ({...ui, focused: 'memory'}));
	const h = await renderHarness(cols, rows, store);
	const startDiff = h.sentBytes();
	const startFull = h.fullBytes();
	const total = 128 * 2 ** 30;
	for (let i = 0; i < updates; i++) {
		const used = total * (0.5 + 0.3 * Math.sin(i / 5));
		update(store, 'host', host =>
			applyMeminfo(host, LOCAL_HOST_ID, {totalBytes: total, availableBytes: total - used, usedBytes: used, freeBytes: 0, cachedBytes: 2 ** 30, swapTotalBytes: 0, swapUsedBytes: 0}, i),
		);
		await h.settle();
	}
	const result = {diff: (h.sentBytes() - startDiff) / updates, full: (h.fullBytes() - startFull) / updates};
	h.close();
	return result;
}

export const frameBytesBench: Bench = {
	id: 'frame-bytes',
	async run(): Promise<BenchRow[]> {
		const rows: BenchRow[] = [];
		for (const [cols, r] of [
			[61, 30],
			[160, 48],
		] as const) {
			const {diff, full} = await measure(cols, r, 60);
			rows.push({
				name: `bytes per update, Memory panel live, ${cols}x${r}`,
				value: `${Math.round(diff)} B (${(diff / full).toFixed(2)}x of a full repaint, ${Math.round(full)} B)`,
				method: '60 host-memory updates rendered through the cell-diffing frame writer vs the whole frame each time',
				raw: {diffBytes: diff, fullBytes: full},
			});
		}
		return rows;
	},
};
