import {afterEach, describe, expect, it} from 'vitest';
import {plain, renderCockpit, visibleWidth, type RenderedCockpit} from '../support/render-frame.js';
import {update} from '../../source/store/index.js';
import {applyResults} from '../../source/store/slices/doctor.js';
import {runChecks} from '../../source/domain/doctor/registry.js';
import {CONFIG_TOML, container, healthy} from './facts-builder.js';
import {doctorPanel} from '../../source/panels/doctor/index.js';
import {detailLines, listLines, panelOrder} from '../../source/panels/doctor/lines.js';
import {createAppStore} from '../../source/store/index.js';

let open: RenderedCockpit | undefined;
afterEach(() => {
	open?.unmount();
	open = undefined;
});

// A box set up as the first seed describes: a served-name mismatch, no host-gateway, prompt extensions on.
function seedResults() {
	const base = healthy({openhandsConfig: {path: '/data/openhands-state/config.toml', text: CONFIG_TOML.replace('enable_prompt_extensions = false\n', ''), error: null}});
	const oh = container({env: {...container().env, LLM_MODEL: 'openai/mistral-small-4-v2'}, extraHosts: []});
	return runChecks({...base, docker: {...base.docker!, containers: base.docker!.containers.map(c => (c.name === 'openhands' ? oh : c))}});
}

describe('Doctor panel', () => {
	it.each([
		[46, 19],
		[120, 40],
		[160, 48],
	])('%ix%i: worst first, the selected check\'s fix readable whole, inside the terminal', async (cols, rows) => {
		open = await renderCockpit(cols, rows);
		update(open.store, 'doctor', s => applyResults(s, seedResults(), Date.UTC(2026, 11, 1, 12)));
		update(open.store, 'ui', ui => ({...ui, focused: 'doctor', zoomed: cols >= 80}));
		await open.settle();
		const frame = open.frame();
		expect(frame.length).toBeLessThanOrEqual(rows - 1);
		for (const line of frame) expect(visibleWidth(line)).toBeLessThanOrEqual(cols);
		const text = frame.map(plain).join('\n');
		expect(text).toMatch(/3 fail · \d+ warn · \d+ unknown · \d+ ok/);
		expect(text).toContain('openhands.model-served');
		// The first (worst) check is selected; its summary is wrapped, not cut.
		expect(text.replace(/\s*[│|]\s*/g, ' ').replace(/\s+/g, ' ')).toContain('every request fails');
	});

	it('asks the layout for the rows of the summary, every check and the selected one, as they change', () => {
		const store = createAppStore();
		update(store, 'doctor', s => applyResults(s, seedResults(), 1));
		const ordered = panelOrder(store.getState().doctor.results!);
		const want = (selected: number, width: number) => 1 + listLines(ordered, false).length + detailLines(ordered[selected]!, width, false).length;
		// Other checks' evidence wraps to other heights: the count follows the selection and the width.
		const counts = new Set<number>();
		for (const width of [30, 44, 78]) {
			for (let selected = 0; selected < ordered.length; selected++) {
				update(store, 'doctor', d => ({...d, selected}));
				const state = store.getState();
				expect(doctorPanel.rows!(state, width)).toBe(want(selected, width));
				// Asked again with nothing changed: the same.
				expect(doctorPanel.rows!(state, width)).toBe(want(selected, width));
				counts.add(want(selected, width));
			}
		}
		expect(counts.size).toBeGreaterThan(2);
		// The same findings at another width (a resize): counted at that width.
		const state = store.getState();
		const last = ordered.length - 1;
		expect([30, 78, 30].map(width => doctorPanel.rows!(state, width))).toEqual([want(last, 30), want(last, 78), want(last, 30)]);
		expect(want(last, 30)).not.toBe(want(last, 78));
		update(store, 'doctor', d => ({...d, open: true}));
		expect(doctorPanel.rows!(store.getState(), 44)).toBeUndefined();
	});

	it('Enter shows the whole check, Esc returns, j moves to the next check', async () => {
		open = await renderCockpit(46, 19);
		update(open.store, 'doctor', s => applyResults(s, seedResults(), 1));
		await open.type('7');
		await open.type('\r');
		let text = open.frame().map(plain).join('\n');
		expect(text).toContain('seen:');
		expect(text).toContain('LLM_MODEL');
		await open.type('\u001B');
		await new Promise(r => setTimeout(r, 100));
		await open.settle();
		expect(open.store.getState().doctor.open).toBe(false);
		await open.type('j');
		expect(open.store.getState().doctor.selected).toBe(1);
		text = open.frame().map(plain).join('\n');
		expect(text).toContain('openhands.base-url');
	});

	it('f on a check without an automatic fix is not offered; r asks for a new run', async () => {
		open = await renderCockpit(46, 19);
		update(open.store, 'doctor', s => applyResults(s, seedResults(), 1));
		await open.type('7');
		const before = open.store.getState().doctor.requested;
		await open.type('r');
		expect(open.store.getState().doctor.requested).toBe(before + 1);
		await open.type('f');
		expect(open.store.getState().ui.confirm).toBeNull();
	});

	it('f on another host’s finding shows the commands to run there and starts no job; a stray autofix there is refused', async () => {
		open = await renderCockpit(120, 40);
		const remote = seedResults()
			.filter(r => r.id === 'openhands.prompt-extensions')
			.map(r => ({...r, id: `spark2/${r.id}`, hostId: 'spark2', autofix: null, applyOn: {host: 'spark2', commands: ['ssh -t me@spark2 vi /data/oh/config.toml']}}));
		update(open.store, 'doctor', s => applyResults(s, remote, 1, s.targets, 'spark2'));
		await open.type('7');
		await open.type('\r');
		expect(open.frame().map(plain).join(' ').replace(/\s*[│|]\s*/g, ' ').replace(/\s+/g, ' ')).toContain('f: the file is on spark2');
		await open.type('f');
		expect(open.store.getState().ui.confirm).toBeNull();
		expect(open.store.getState().jobs.order).toHaveLength(0);
		expect(open.store.getState().ui.notice?.text).toContain('the file is on spark2: apply the fix there (not written from this machine): ssh -t me@spark2 vi /data/oh/config.toml');
		// A finding of another host that still carries an automatic fix: the first host's file is not written for it.
		const stray = remote.map(r => ({...r, applyOn: undefined, autofix: {summary: 'write it'}}));
		update(open.store, 'doctor', s => applyResults(s, stray, 2, {configToml: '/tmp/never-written.toml', openhandsContainer: null}, 'spark2'));
		await open.type('f');
		await open.settle();
		expect(open.store.getState().ui.confirm).toBeNull();
		expect(open.store.getState().ui.notice?.text).toContain('spark2/openhands.prompt-extensions is about spark2');
	});

	it('answers the shared list keys: G, g and a / filter, which says when nothing matches', async () => {
		open = await renderCockpit(46, 19);
		update(open.store, 'doctor', st => applyResults(st, seedResults(), 1));
		await open.type('7');
		await open.type('G');
		expect(open.store.getState().doctor.selected).toBe(seedResults().length - 1);
		await open.type('g');
		expect(open.store.getState().doctor.selected).toBe(0);
		await open.type('/');
		for (const ch of 'zzzq') await open.type(ch);
		expect(open.frame().map(plain).join('\n')).toContain('no checks match "zzzq"');
		await open.type('\u001B');
		await new Promise(r => setTimeout(r, 100));
		await open.settle();
		await open.type('/');
		for (const ch of 'tor.socks') await open.type(ch);
		const text = open.frame().map(plain).join('\n');
		expect(text).toContain('tor.socks');
		expect(text).not.toContain('openhands.model-served');
	});
});
