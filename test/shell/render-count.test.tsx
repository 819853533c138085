// The frame is built again only when something it shows changed: a store change that no visible
// part of the cockpit reads (a session list read again, unchanged, while Throughput is shown) costs
// no render, and a figure that changes still shows.
import {afterEach, describe, expect, it} from 'vitest';
import {plain, renderCockpit, type RenderedCockpit} from '../support/render-frame.js';
import {update} from '../../source/store/index.js';
import {applyMeminfo} from '../../source/store/slices/host.js';
import {setSessions} from '../../source/store/slices/sessions.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const GiB = 2 ** 30;
const mem = (used: number) => ({totalBytes: 128 * GiB, availableBytes: (128 - used) * GiB, usedBytes: used * GiB, freeBytes: GiB, cachedBytes: GiB, swapTotalBytes: 0, swapUsedBytes: 0});

let open: RenderedCockpit | undefined;
afterEach(() => {
	open?.unmount();
	open = undefined;
});

describe('renders', () => {
	it('a change nothing on screen shows renders no frame; a shown figure that changes does', async () => {
		open = await renderCockpit(80, 24);
		update(open.store, 'ui', ui => ({...ui, focused: 'throughput'}));
		update(open.store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem(98), 1));
		update(open.store, 'sessions', s => setSessions(s, [], 1000));
		await open.settle();
		expect(open.frame().map(plain).join('\n')).not.toContain('Sessions ·');
		const rendered = open.stdout.frames.length;
		// The session list read again, the same rows: only the slice's read time moves.
		update(open.store, 'sessions', s => setSessions(s, [], 2000));
		await open.settle();
		expect(open.stdout.frames.length).toBe(rendered);
		// The memory figure in the header changes: a frame, showing it.
		update(open.store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem(100), 2));
		await open.settle();
		expect(open.stdout.frames.length).toBeGreaterThan(rendered);
	});
});
