// One list mechanism: Home/End, g/G, PgUp/PgDn and `/` behave the same on the containers list, the
// sessions list and the events list, at phone size (46x19) and on a wide terminal (120x40); a
// filter that matches nothing says so; Esc clears it.
import {afterEach, describe, expect, it} from 'vitest';
import {update, type AppState} from '../../source/store/index.js';
import {applyListing} from '../../source/store/slices/containers.js';
import {applyOpenEvents, openSelected, setSessions, type EventRow, type SessionRow} from '../../source/store/slices/sessions.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {listState} from '../../source/store/slices/lists.js';
import {plain, renderCockpit, visibleWidth, type RenderedCockpit} from '../support/render-frame.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const N = 60;
const two = (i: number) => String(i).padStart(2, '0');

interface Case {
	list: string;
	noun: string;
	setup(c: RenderedCockpit): void;
	cursor(s: AppState): number;
	/** Text of row i as the list draws it. */
	label(i: number): string;
	/** A filter keeping rows 40-49. */
	filter: string;
}

const container = (i: number) =>
	infoFromInspect({Id: `c${two(i)}`.padEnd(64, '0'), Name: `/worker-${two(i)}`, State: {Status: 'exited'}, Config: {Image: 'busybox:1.36', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);
const session = (i: number): SessionRow => ({id: `s${two(i)}`, dir: `/s/s${two(i)}`, title: `task ${two(i)}`, createdAt: null, updatedAt: `2026-01-01T10:${two(59 - i)}:00`, eventCount: 3, agentState: null, model: null, findings: 0, rules: [], checkedAt: 3, error: null});
const event = (i: number): EventRow => ({id: i, timestamp: '2026-03-02T10:00:00', source: 'agent', kind: 'run', summary: `step ${two(i)}`, role: 'assistant', problem: null, file: `/s/events/${i}.json`});

const CASES: Case[] = [
	{
		list: 'containers',
		noun: 'containers',
		setup: c => update(c.store, 'containers', s => applyListing(s, [...Array(N).keys()].map(container), 1)),
		cursor: s => Object.keys(s.containers.byId).sort().indexOf(s.containers.selected ?? Object.keys(s.containers.byId).sort()[0]!),
		// The names share their head: the list keeps their distinguishing end ("wor…-07:1.36").
		label: i => `-${two(i)}:1.36`,
		filter: 'er-4',
	},
	{
		list: 'sessions',
		noun: 'sessions',
		setup: c => {
			update(c.store, 'ui', ui => ({...ui, focused: 'sessions'}));
			update(c.store, 'sessions', s => setSessions({...s, stateDir: '/s', stateDirOrigin: 'config'}, [...Array(N).keys()].map(session), 1));
		},
		cursor: s => s.sessions.cursor,
		label: i => `task ${two(i)}`,
		filter: 'task 4',
	},
	{
		list: 'events',
		noun: 'events',
		setup: c => {
			update(c.store, 'ui', ui => ({...ui, focused: 'sessions'}));
			update(c.store, 'sessions', s => {
				const listed = setSessions({...s, stateDir: '/s', stateDirOrigin: 'config'}, [session(0)], 1);
				return applyOpenEvents(openSelected(listed), 's00', [...Array(N).keys()].map(event), [], 5, null);
			});
		},
		cursor: s => s.sessions.open!.cursor,
		label: i => `step ${two(i)}`,
		filter: 'step 4',
	},
];

const KEYS = {home: '\u001B[H', end: '\u001B[F', pageUp: '\u001B[5~', pageDown: '\u001B[6~', escape: '\u001B'};

let open: RenderedCockpit | undefined;
afterEach(() => {
	open?.unmount();
	open = undefined;
});

describe.each([
	[46, 19],
	[120, 40],
])('list keys at %ix%i', (cols, rows) => {
	it.each(CASES)('$list: End/Home, G/g, PgDn/PgUp, / filter, no match, Esc', async ({list, noun, setup, cursor, label, filter}) => {
		open = await renderCockpit(cols, rows);
		const c = open;
		setup(c);
		await c.settle();
		const at = () => cursor(c.store.getState());
		const text = () => c.frame().map(plain).join('\n');
		const fits = () => {
			expect(c.frame().length).toBeLessThanOrEqual(rows - 1);
			for (const line of c.frame()) expect(visibleWidth(line)).toBeLessThanOrEqual(cols);
		};
		expect(text()).toContain(label(0));

		await c.type(KEYS.end);
		expect(at()).toBe(N - 1);
		expect(text()).toContain(label(N - 1));
		await c.type(KEYS.home);
		expect(at()).toBe(0);
		await c.type('G');
		expect(at()).toBe(N - 1);
		expect(text()).toContain(label(N - 1));
		expect(text()).not.toContain(label(0));
		await c.type('g');
		expect(at()).toBe(0);
		expect(text()).toContain(label(0));

		// A page is the rows the list showed, less one kept for context.
		const page = listState(c.store.getState().lists, list).page;
		expect(page).toBeGreaterThan(1);
		await c.type(KEYS.pageDown);
		expect(at()).toBe(page - 1);
		expect(text()).toContain(label(page - 1));
		// A focused list gets the rows it wants, so two pages may reach the last row.
		const second = Math.min(N - 1, 2 * (page - 1));
		await c.type(KEYS.pageDown);
		expect(at()).toBe(second);
		await c.type(KEYS.pageUp);
		expect(at()).toBe(second - (page - 1));
		fits();

		// `/` filters: the typed text shows, the rows are the ten that match, the selection is one of them.
		await c.type('/');
		for (const ch of filter) await c.type(ch);
		expect(text()).toContain(`/${filter}_`);
		expect(text()).toMatch(/10 of 60/);
		expect(at()).toBeGreaterThanOrEqual(40);
		expect(at()).toBeLessThanOrEqual(49);
		expect(text()).not.toContain(label(39));
		await c.type('\r');
		expect(text()).toContain(`filter "${filter}": 10 of 60`);
		// The same keys move inside what the filter keeps.
		await c.type('G');
		expect(at()).toBe(49);
		await c.type(KEYS.home);
		expect(at()).toBe(40);
		fits();

		// Esc clears it: every row is back.
		await c.type(KEYS.escape);
		expect(listState(c.store.getState().lists, list).filter).toBe('');
		expect(text()).not.toContain('10 of 60');
		expect(at()).toBe(40);

		// A filter that keeps nothing says so, and the cursor stays where it was.
		await c.type('/');
		for (const ch of 'zzz') await c.type(ch);
		expect(text()).toContain(`no ${noun} match "zzz"`);
		expect(at()).toBe(40);
		fits();
		await c.type(KEYS.escape);
		expect(text()).not.toContain('match "zzz"');
		expect(text()).toContain(label(40));
	});
});
