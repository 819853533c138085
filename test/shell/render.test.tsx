import {afterEach, describe, expect, it} from 'vitest';
import {plain, renderCockpit, visibleWidth, type RenderedCockpit} from '../support/render-frame.js';
import {update} from '../../source/store/index.js';
import {applyMeminfo} from '../../source/store/slices/host.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const mem = {totalBytes: 128 * 2 ** 30, availableBytes: 30 * 2 ** 30, usedBytes: 98 * 2 ** 30, freeBytes: 2 ** 30, cachedBytes: 2 ** 30, swapTotalBytes: 0, swapUsedBytes: 0};

let open: RenderedCockpit | undefined;
afterEach(() => {
	open?.unmount();
	open = undefined;
});

describe('every layout fits the terminal', () => {
	it.each([
		[46, 19],
		[61, 30],
		[80, 24],
		[120, 40],
		[160, 48],
		[40, 12],
	])('%ix%i: no line wider than the terminal, at most rows-1 rows', async (cols, rows) => {
		open = await renderCockpit(cols, rows);
		update(open.store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem, 1));
		update(open.store, 'ui', ui => ({...ui, focused: 'memory'}));
		await open.settle();
		const frame = open.frame();
		expect(frame.length).toBeLessThanOrEqual(rows - 1);
		for (const line of frame) expect(visibleWidth(line)).toBeLessThanOrEqual(cols);
		expect(frame.map(plain).join('\n')).toContain('Memory');
		expect(frame.map(plain).join('\n')).toMatch(/Used 98\.0 GiB \/ 128\.0 GiB/);
	});

	it('the help overlay fits a phone too', async () => {
		open = await renderCockpit(46, 19);
		await open.type('?');
		const frame = open.frame();
		expect(frame.length).toBeLessThanOrEqual(18);
		for (const line of frame) expect(visibleWidth(line)).toBeLessThanOrEqual(46);
		// Help opens at the focused panel's keys; g goes to the top, where the global keys are.
		expect(frame.map(plain).join('\n')).toContain('Open the container detail');
		await open.type('g');
		expect(open.frame().map(plain).join('\n')).toContain('Quit stackdeck');
	});

	it('below 40x12 says what size is needed', async () => {
		open = await renderCockpit(39, 11);
		expect(open.frame().map(plain).join(' ')).toContain('terminal too small: need 40x12, have 39x11');
		open.unmount();
		open = await renderCockpit(10, 5);
		const frame = open.frame();
		expect(frame.length).toBeLessThanOrEqual(4);
		for (const line of frame) expect(visibleWidth(line)).toBeLessThanOrEqual(10);
		expect(frame.map(plain).join(' ')).toMatch(/need 40x12.*have 10x5/);
	});

	it('re-plans on resize: phone -> wide -> too small', async () => {
		open = await renderCockpit(46, 19);
		expect(open.store.getState().ui.layout).toBe('phone');
		await open.resize(160, 48);
		expect(open.store.getState().ui.layout).toBe('wide');
		expect(open.store.getState().ui.visible).toHaveLength(7);
		expect(open.frame().length).toBeLessThanOrEqual(47);
		await open.resize(20, 8);
		expect(open.frame().map(plain).join(' ')).toContain('have 20x8');
	});

	it('ASCII mode draws no box-drawing characters', async () => {
		open = await renderCockpit(80, 24, {}, {ascii: true});
		update(open.store, 'host', h => applyMeminfo(h, LOCAL_HOST_ID, mem, 1));
		await open.settle();
		const text = open.frame().map(plain).join('\n');
		expect(text).not.toMatch(/[╭╮╰╯│─█░▁]/);
		expect(text).toContain('+-');
	});
});

describe('keys', () => {
	it('digits jump, Tab cycles, ? toggles help, q quits', async () => {
		open = await renderCockpit(46, 19);
		await open.type('3');
		expect(open.store.getState().ui.focused).toBe('memory');
		expect(open.frame().map(plain).join('\n')).toMatch(/3 Memory/);
		await open.type('5');
		expect(open.store.getState().ui.focused).toBe('sessions');
		await open.type('\t');
		expect(open.store.getState().ui.focused).toBe('aider');
		await open.type('?');
		expect(open.store.getState().ui.overlay).toBe('help');
		await open.type('\u001B');
		await new Promise(r => setTimeout(r, 100));
		await open.settle();
		expect(open.store.getState().ui.overlay).toBeNull();
		await open.type('q');
		expect(open.quitCalls).toEqual([0]);
	});

	it('Enter zooms a grid panel and Esc returns', async () => {
		open = await renderCockpit(160, 48);
		await open.type('3');
		await open.type('\r');
		expect(open.store.getState().ui.zoomed).toBe(true);
		expect(open.store.getState().ui.visible).toEqual(['memory']);
		await open.type('\u001B');
		await new Promise(r => setTimeout(r, 100));
		await open.settle();
		expect(open.store.getState().ui.zoomed).toBe(false);
	});

	it('no panel says "not built yet"', async () => {
		open = await renderCockpit(46, 19);
		for (const digit of '1234567') {
			await open.type(digit);
			expect(open.frame().map(plain).join('\n')).not.toMatch(/not built yet/);
		}
	});
});
