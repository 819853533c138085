// A long session in the cockpit: the list's background check and the open session share one reader,
// so opening a checked session reads none of its files again; with nothing cached, the first 250
// rows show at once while the rest are read, and roles and findings follow. The cache stays bounded.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {writeSession} from '../../source/bench/sessions-check.js';
import {defaultConfig} from '../../source/config/schema.js';
import {createAppStore, update} from '../../source/store/index.js';
import {openSelected, PENDING_ROLE, type OpenSession} from '../../source/store/slices/sessions.js';
import {EventReaderCache} from '../../source/sources/openhands/event-cache.js';
import {EventDirReader} from '../../source/sources/openhands/event-dir.js';
import {createOpenhandsSource} from '../../source/sources/openhands/openhands-source.js';

const EVENTS = 1200;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-large-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
const sessionDir = writeSession(tmp, EVENTS);
const eventsDir = path.join(sessionDir, 'events');

async function waitFor(what: string, probe: () => boolean, ms = 10_000): Promise<void> {
	const until = Date.now() + ms;
	while (!probe()) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 10));
	}
}

function startSource(readers: EventReaderCache) {
	const store = createAppStore();
	const config = defaultConfig();
	config.openhands.state_dir = tmp;
	const source = createOpenhandsSource({store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}}, 200, readers);
	return {store, source};
}

describe('a 1,200-event session', () => {
	it('opens from the list’s check without reading its event files again', async () => {
		const readers = new EventReaderCache();
		const {store, source} = startSource(readers);
		await source.start?.();
		try {
			await waitFor('the list check', () => store.getState().sessions.sessions[0]?.findings != null);
			const checked = store.getState().sessions.sessions[0]!;
			expect(readers.get(eventsDir).filesRead).toBe(EVENTS);
			update(store, 'sessions', openSelected);
			await waitFor('the open session', () => store.getState().sessions.open?.loading === false);
			const open = store.getState().sessions.open!;
			expect(open.rows).toHaveLength(EVENTS);
			expect(open.rows.some(r => r.role === PENDING_ROLE)).toBe(false);
			expect(open.findings.length).toBe(checked.findings);
			expect(readers.get(eventsDir).filesRead).toBe(EVENTS);
		} finally {
			await source.stop?.();
		}
	});

	it('with nothing cached, shows the top 250 rows at once, then every row with its role', async () => {
		// A zero budget drops the list check's copy at once, so opening reads every file again.
		const {store, source} = startSource(new EventReaderCache(0));
		await source.start?.();
		try {
			await waitFor('the list check', () => store.getState().sessions.sessions[0]?.findings != null);
			const seen: OpenSession[] = [];
			const unsubscribe = store.subscribe(state => {
				const open = state.sessions.open;
				if (open?.progress && seen.at(-1) !== open) seen.push(open);
			});
			update(store, 'sessions', openSelected);
			await waitFor('the open session', () => store.getState().sessions.open?.loading === false);
			unsubscribe();
			const first = seen[0]!;
			expect(first.progress).toEqual({read: 250, total: EVENTS});
			expect(first.rows.map(r => r.id)).toEqual([...Array(250).keys()]);
			expect(first.rows.every(r => r.role === PENDING_ROLE)).toBe(true);
			expect(first.findings).toEqual([]);
			const open = store.getState().sessions.open!;
			expect(open.progress).toBe(null);
			expect(open.rows).toHaveLength(EVENTS);
			// System prompt, the task, then the recall observation sent as a second user message.
			expect(open.rows.slice(0, 3).map(r => r.role)).toEqual(['system', 'user', 'user']);
			expect(open.findings.length).toBe(store.getState().sessions.sessions[0]!.findings);
		} finally {
			await source.stop?.();
		}
	});
});

describe('event reader cache', () => {
	it('drops the least recently used sessions past its budget, never the open one', async () => {
		const readers = new EventReaderCache(1);
		const other = path.join(tmp, 'other-events');
		const a = readers.get(eventsDir);
		await a.scan();
		readers.get(other);
		readers.trim(eventsDir);
		expect(readers.dirs()).toEqual([eventsDir]);
		readers.get(other);
		readers.trim(other);
		expect(readers.dirs()).toEqual([other]);
		// Within budget nothing is dropped, and get() makes a folder the most recently used.
		const roomy = new EventReaderCache();
		roomy.get(eventsDir);
		roomy.get(other);
		roomy.get(eventsDir);
		roomy.trim();
		expect(roomy.dirs()).toEqual([other, eventsDir]);
		expect(a.approxBytes).toBeGreaterThan(EVENTS * 400);
	});

	it('a session opened while the list’s check is reading it hears that read’s progress', async () => {
		const reader = new EventDirReader(eventsDir);
		const seen: Array<{read: number; total: number}> = [];
		const check = reader.scan();
		const open = reader.scan(p => seen.push({read: p.read, total: p.total}));
		await Promise.all([check, open]);
		// The check read every file; the open's own scan had nothing left, yet it saw the rows come in.
		expect(seen[0]).toEqual({read: 250, total: EVENTS});
		expect(seen.at(-1)).toEqual({read: EVENTS, total: EVENTS});
		expect(reader.filesRead).toBe(EVENTS);
	});

	it('runs one scan at a time, so two callers never read the same file twice', async () => {
		const reader = new EventDirReader(eventsDir);
		const [one, two] = await Promise.all([reader.scan(), reader.scan()]);
		expect(one.events).toHaveLength(EVENTS);
		expect(two.events).toHaveLength(EVENTS);
		expect(reader.filesRead).toBe(EVENTS);
	});
});
