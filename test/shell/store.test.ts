import {describe, expect, it} from 'vitest';
import {createAppStore, update} from '../../source/store/index.js';
import {createNotifier} from '../../source/store/notifier.js';
import {createScheduler} from '../../source/sources/scheduler.js';
import {applyMeminfo, currentMemory} from '../../source/store/slices/host.js';
import {setVisible} from '../../source/store/slices/ui.js';
import type {Source} from '../../source/sources/types.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const mem = {totalBytes: 100, availableBytes: 40, usedBytes: 60, freeBytes: 10, cachedBytes: 5, swapTotalBytes: 0, swapUsedBytes: 0};

describe('store', () => {
	it('coalesces many updates in one turn into one notification', async () => {
		const store = createAppStore();
		const notifier = createNotifier(store);
		let heard = 0;
		notifier.subscribe(() => heard++);
		for (let i = 0; i < 5; i++) update(store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem, i));
		update(store, 'ui', ui => ({...ui, notice: {text: 'x', level: 'info', at: 0}}));
		await new Promise(r => setImmediate(r));
		expect(heard).toBe(1);
		expect(currentMemory(store.getState()).usedHistory).toHaveLength(5);
	});

	it('flushes a change that may not wait at once, even while a batched flush is pending', async () => {
		const store = createAppStore();
		// A poll's change waits for a 10 s batch; then a key's change (delay 0) arrives.
		let delay = 10_000;
		const notifier = createNotifier(store, () => delay);
		let heard = 0;
		notifier.subscribe(() => heard++);
		update(store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem, 1));
		await new Promise(r => setImmediate(r));
		expect(heard).toBe(0);
		delay = 0;
		update(store, 'ui', ui => ({...ui, notice: {text: 'key', level: 'info', at: 0}}));
		await new Promise(r => setImmediate(r));
		// One flush carries both changes; the batch's timer is gone with it.
		expect(heard).toBe(1);
		delay = 10_000;
		update(store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem, 2));
		notifier.dispose();
		await new Promise(r => setTimeout(r, 50));
		expect(heard).toBe(1);
	});

	it('keeps a 60-sample history', () => {
		const store = createAppStore();
		for (let i = 0; i < 75; i++) update(store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem, i));
		expect(currentMemory(store.getState()).usedHistory).toHaveLength(60);
	});

	it('the scheduler polls only the sources of visible panels', async () => {
		const store = createAppStore();
		const polled: string[] = [];
		const source = (id: string, panel: 'memory' | 'containers'): Source => ({id, panels: [panel], poll: async () => void polled.push(id)});
		const scheduler = createScheduler(store, [source('mem', 'memory'), source('docker', 'containers')], 1000, false);
		update(store, 'ui', ui => setVisible(ui, 'phone', ['memory']));
		await scheduler.tick();
		expect(polled).toEqual(['mem']);
		update(store, 'ui', ui => setVisible(ui, 'wide', ['memory', 'containers']));
		await scheduler.tick();
		expect(polled).toEqual(['mem', 'mem', 'docker']);
	});

	it('never overlaps two polls of one source', async () => {
		const store = createAppStore();
		update(store, 'ui', ui => setVisible(ui, 'phone', ['memory']));
		let running = 0;
		let maxRunning = 0;
		let release!: () => void;
		const gate = new Promise<void>(r => (release = r));
		const slow: Source = {
			id: 'slow',
			panels: ['memory'],
			poll: async () => {
				running++;
				maxRunning = Math.max(maxRunning, running);
				await gate;
				running--;
			},
		};
		const scheduler = createScheduler(store, [slow], 1000, false);
		const first = scheduler.tick();
		await scheduler.tick();
		release();
		await first;
		expect(maxRunning).toBe(1);
		expect(scheduler.polls['slow']).toBe(1);
	});
});
