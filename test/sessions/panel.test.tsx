// The Sessions panel in the cockpit: list with findings badge → Enter → events with roles and inline
// markers → Enter → masked JSON → Esc back; `x` shows the config.toml diff and writes it on "y".
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {defaultConfig} from '../../source/config/schema.js';
import {update} from '../../source/store/index.js';
import {initialUi} from '../../source/store/slices/ui.js';
import {applyDetail, applyOpenEvents, applyOpenProgress, openDetail, openSelected, PENDING_ROLE, setSessions} from '../../source/store/slices/sessions.js';
import {createOpenhandsSource} from '../../source/sources/openhands/openhands-source.js';
import {plain, renderCockpit, visibleWidth} from '../support/render-frame.js';
import {OWN} from './helpers.js';
import {localHost} from '../support/host.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-panel-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

async function until(what: string, probe: () => boolean, settle: () => Promise<void>, ms = 8000): Promise<void> {
	const end = Date.now() + ms;
	while (!probe()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await settle();
	}
}

describe('Sessions panel', () => {
	it('walks list → events → detail and applies the prompt-extensions fix with a backup', async () => {
		const state = path.join(tmp, 'state');
		cpSync(path.join(OWN, 'state'), state, {recursive: true});
		const cockpit = await renderCockpit(100, 30);
		const config = defaultConfig();
		config.openhands.state_dir = state;
		const source = createOpenhandsSource({store: cockpit.store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}, host: localHost()}, 200);
		await source.start?.();
		try {
			update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions', zoomed: true}));
			const text = () => cockpit.frame().map(plain).join('\n');
			await until('checked sessions on screen', () => text().includes('List the files') && cockpit.store.getState().sessions.sessions.every(r => r.findings !== null), cockpit.settle);
			expect(text()).toContain(state);
			// A wide panel gives every session its model (the provider prefix dropped).
			expect(text()).toMatch(/ 1\s+mistral-small-4\s+List the files/);
			expect(cockpit.frame().every(l => visibleWidth(l) <= 100)).toBe(true);

			const flagged = cockpit.store.getState().sessions.sessions.findIndex(r => r.findings === 1);
			update(cockpit.store, 'sessions', s => ({...s, cursor: flagged}));
			await cockpit.type('\r');
			await until('event list', () => text().includes('assistant+tc'), cockpit.settle);
			expect(text()).toMatch(/! strict-alternation #3,#6/);
			expect(text()).toMatch(/!\s+6 10:00:06 user\s+environment recall/);

			await cockpit.type('n');
			expect(cockpit.store.getState().sessions.open!.rows[cockpit.store.getState().sessions.open!.cursor]!.id).toBe(3);
			await cockpit.type('\r');
			await until('detail JSON', () => text().includes('"action": "message"'), cockpit.settle);
			await cockpit.type('\u001b');
			await until('back to events', () => cockpit.store.getState().sessions.view === 'events', cockpit.settle);

			await cockpit.type('x');
			await until('confirmation', () => cockpit.store.getState().ui.confirm !== null, cockpit.settle);
			// The job's plan is the diff.
			const body = (cockpit.store.getState().ui.confirm!.plan ?? []).join('\n');
			expect(body).toContain('+ 12   enable_prompt_extensions = false');
			await cockpit.type('y');
			const toml = path.join(state, 'config.toml');
			await until('config written', () => readFileSync(toml, 'utf8').includes('enable_prompt_extensions = false'), cockpit.settle);
			const original = readFileSync(path.join(OWN, 'state', 'config.toml'), 'utf8');
			expect(readFileSync(`${toml}.bak`, 'utf8')).toBe(original);
			expect(readFileSync(toml, 'utf8')).toBe(original.replace('enable_browsing = false\n', 'enable_browsing = false\nenable_prompt_extensions = false\n'));
			// The session is derived again as OpenHands will rebuild it: the recall observation is no longer sent.
			await until('re-derived without the finding', () => cockpit.store.getState().sessions.open?.findings.length === 0, cockpit.settle);
			expect(cockpit.store.getState().sessions.promptExtensions).toBe(false);
		} finally {
			await source.stop?.();
			cockpit.unmount();
		}
	});

	it('refuses the fix in read-only mode', async () => {
		const state = path.join(tmp, 'ro');
		cpSync(path.join(OWN, 'state'), state, {recursive: true});
		// Phone portrait: Enter opens the session at once (in a grid it would zoom the panel first).
		const cockpit = await renderCockpit(46, 19, {ui: initialUi(true)});
		const config = defaultConfig();
		config.openhands.state_dir = state;
		const source = createOpenhandsSource({store: cockpit.store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}, host: localHost()}, 200);
		await source.start?.();
		const store = cockpit.store;
		try {
			update(store, 'ui', ui => ({...ui, focused: 'sessions'}));
			await until('sessions', () => store.getState().sessions.sessions.length === 2, cockpit.settle);
			await cockpit.type('\r');
			await until('events', () => (store.getState().sessions.open?.rows.length ?? 0) > 0, cockpit.settle);
			await cockpit.type('x');
			await until('refusal', () => store.getState().ui.notice?.text.includes('read-only') ?? false, cockpit.settle);
			expect(store.getState().ui.confirm).toBe(null);
			expect(existsSync(path.join(state, 'config.toml.bak'))).toBe(false);
			await cockpit.type('\u001b');
			await until('back to the list', () => store.getState().sessions.view === 'list', cockpit.settle);
		} finally {
			await source.stop?.();
			cockpit.unmount();
		}
	});

	it('phone portrait (46×19): the event list keeps id, role and finding markers inside the frame', async () => {
		const cockpit = await renderCockpit(46, 19);
		const config = defaultConfig();
		config.openhands.state_dir = path.join(OWN, 'state');
		const source = createOpenhandsSource({store: cockpit.store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}, host: localHost()}, 200);
		await source.start?.();
		try {
			update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions'}));
			await until('sessions', () => cockpit.store.getState().sessions.sessions.every(r => r.findings !== null) && cockpit.store.getState().sessions.sessions.length === 2, cockpit.settle);
			const flagged = cockpit.store.getState().sessions.sessions.findIndex(r => r.findings === 1);
			update(cockpit.store, 'sessions', s => openSelected({...s, cursor: flagged}));
			const text = () => cockpit.frame().map(plain).join('\n');
			await until('event rows', () => text().includes('assistant+tc'), cockpit.settle);
			expect(text()).toMatch(/!\s+6 user\s+recall/);
			expect(cockpit.frame().length).toBeLessThanOrEqual(19);
			expect(cockpit.frame().every(l => visibleWidth(l) <= 46)).toBe(true);
		} finally {
			await source.stop?.();
			cockpit.unmount();
		}
	});

	it('phone portrait (46×19): the server\'s words and the fix read whole, under the list and in the event\'s detail', async () => {
		const cockpit = await renderCockpit(46, 19);
		const config = defaultConfig();
		config.openhands.state_dir = path.join(OWN, 'state');
		const source = createOpenhandsSource({store: cockpit.store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}, host: localHost()}, 200);
		await source.start?.();
		const store = cockpit.store;
		// The panel's inside, rows joined with spaces: wrapped text reads back as one sentence.
		const inside = () =>
			cockpit
				.frame()
				.slice(2, -2)
				.map(l => plain(l).slice(1, -1).trimEnd())
				.join(' ')
				.replace(/\s+/g, ' ');
		const template = 'After the optional system message, conversation roles must alternate user and assistant roles except for tool calls and results.';
		try {
			update(store, 'ui', ui => ({...ui, focused: 'sessions'}));
			await until('sessions', () => store.getState().sessions.sessions.every(r => r.findings !== null) && store.getState().sessions.sessions.length === 2, cockpit.settle);
			update(store, 'sessions', s => ({...s, cursor: s.sessions.findIndex(r => r.findings === 1)}));
			await cockpit.type('\r');
			await until('event rows', () => inside().includes('assistant+tc'), cockpit.settle);
			await cockpit.type('n');
			// Under the list: the finding wrapped over several rows, and where to read the rest.
			expect(inside()).toContain('strict-alternation: user #6 (recall observation (workspace_context), prompt');
			expect(inside()).toContain('Enter: the whole finding and the event');

			await cockpit.type('\r');
			await until('detail JSON', () => store.getState().sessions.detail?.lines.length !== 0 && store.getState().sessions.detail?.maxOffset !== null, cockpit.settle);
			expect(inside()).toContain('sent to the model as: user');
			expect(inside()).toContain('! strict-alternation at #3, #6');
			expect(inside()).toContain(`The chat template raises "${template}"`);
			expect(cockpit.frame().every(l => visibleWidth(l) <= 46)).toBe(true);
			expect(cockpit.frame().length).toBeLessThanOrEqual(19);

			// Scrolling down reaches the fix and then the JSON; End then Up moves at once (no dead keys).
			for (let i = 0; i < 10; i++) await cockpit.type('j');
			expect(inside()).toContain('x applies it · fix: In the OpenHands config.toml set `[agent] enable_prompt_extensions = false`');
			await cockpit.type('G');
			const atEnd = store.getState().sessions.detail!.offset;
			expect(atEnd).toBe(store.getState().sessions.detail!.maxOffset);
			expect(inside()).toMatch(/"action": "message".*}$/);
			await cockpit.type('k');
			expect(store.getState().sessions.detail!.offset).toBe(atEnd - 1);
			expect(inside()).not.toMatch(/}\s*}$/);

			// x works from the detail too (answered no: the project's fixture is not written).
			await cockpit.type('x');
			await until('confirmation', () => store.getState().ui.confirm !== null, cockpit.settle);
			// The dialog's prose is wrapped to read whole; the diff keeps its spacing.
			await until('dialog drawn', () => inside().includes('y / Enter: yes'), cockpit.settle);
			expect(inside()).toContain('Written atomically; the old file is kept as config.toml.bak. Restart OpenHands afterwards.');
			expect(cockpit.frame().map(plain).some(l => l.includes('+ 12   enable_prompt_extensions = false'))).toBe(true);
			await cockpit.type('n');
			await until('dialog closed', () => store.getState().ui.confirm === null, cockpit.settle);
		} finally {
			await source.stop?.();
			cockpit.unmount();
		}
	});

	it('an event left out of the request says why in its detail (here: forgotten by a condensation)', async () => {
		const cockpit = await renderCockpit(46, 19);
		try {
			const row = {id: 4, timestamp: '2026-03-03T09:00:04', source: 'agent', kind: 'run', summary: 'Running command: npm test', role: 'forgotten', problem: null, file: '/s/events/4.json'};
			update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions'}));
			update(cockpit.store, 'sessions', s => {
				const listed = setSessions(s, [{id: 'cond', dir: '/s', title: 'Condensed', createdAt: null, updatedAt: null, eventCount: 1, agentState: null, model: null, findings: 0, rules: [], checkedAt: 1, error: null}], 0);
				const opened = applyOpenEvents(openSelected(listed), 'cond', [row], [], 5, null);
				return applyDetail(openDetail(opened), 4, ['{', '  "id": 4', '}'], null);
			});
			await cockpit.settle();
			const text = cockpit
				.frame()
				.map(l => plain(l).slice(1, -1).trim())
				.join(' ');
			expect(text).toContain('not sent to the model: a later condensation forgot it');
			expect(text).not.toContain('sent to the model as');
		} finally {
			cockpit.unmount();
		}
	});

	it('a session still being read shows its first rows, how far the read is, and that roles come next', async () => {
		const cockpit = await renderCockpit(80, 24);
		try {
			const rows = [...Array(250).keys()].map(id => ({id, timestamp: '2026-03-02T10:00:00', source: 'agent', kind: 'run', summary: `step ${id}`, role: PENDING_ROLE, problem: null, file: `/s/events/${id}.json`}));
			update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions', zoomed: true}));
			update(cockpit.store, 'sessions', s => {
				const listed = setSessions(s, [{id: 'big', dir: '/s', title: 'Big one', createdAt: null, updatedAt: null, eventCount: 10_000, agentState: null, model: null, findings: null, rules: [], checkedAt: null, error: null}], 0);
				return applyOpenProgress(openSelected(listed), 'big', rows, 250, 10_000);
			});
			await cockpit.settle();
			const text = cockpit.frame().map(plain).join('\n');
			expect(text).toContain('250 events');
			expect(text).toContain('250/10,000; roles and findings when all are in');
			expect(text).toMatch(/ 0 10:00:00 …\s+run\s+step 0/);
			expect(cockpit.frame().length).toBeLessThanOrEqual(24);
		} finally {
			cockpit.unmount();
		}
	});
});
