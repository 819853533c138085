// A long session in the cockpit: the list's background check and the open session share one reader,
// so opening a checked session reads none of its files again; with nothing cached, the first 250
// rows show at once while the rest are read, and roles and findings follow. The cache stays bounded.
// OpenHands' event_cache pages stand in for 25 file reads each, and never override the event files.
import {mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
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
import {localHost} from '../support/host.js';

const EVENTS = 1200;
/** OpenHands writes an event_cache page of 25 events after every 25th event. */
const PAGES = EVENTS / 25;
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
	const source = createOpenhandsSource({store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}, host: localHost()}, 200, readers);
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
			expect(readers.get(eventsDir).filesRead).toBe(PAGES);
			update(store, 'sessions', openSelected);
			await waitFor('the open session', () => store.getState().sessions.open?.loading === false);
			const open = store.getState().sessions.open!;
			expect(open.rows).toHaveLength(EVENTS);
			expect(open.rows.some(r => r.role === PENDING_ROLE)).toBe(false);
			expect(open.findings.length).toBe(checked.findings);
			expect(readers.get(eventsDir).filesRead).toBe(PAGES);
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
		expect(reader.filesRead).toBe(PAGES);
	});

	it('runs one scan at a time, so two callers never read the same file twice', async () => {
		const reader = new EventDirReader(eventsDir);
		const [one, two] = await Promise.all([reader.scan(), reader.scan()]);
		expect(one.events).toHaveLength(EVENTS);
		expect(two.events).toHaveLength(EVENTS);
		expect(reader.filesRead).toBe(PAGES);
	});
});

describe('OpenHands event_cache pages', () => {
	const read = async (dir: string) => {
		const reader = new EventDirReader(path.join(dir, 'events'));
		return {snapshot: await reader.scan(), filesRead: reader.filesRead};
	};

	it('give the same events as the files, and without pages every file is read', async () => {
		const root = mkdtempSync(path.join(tmp, 'pages-'));
		const paged = await read(writeSession(path.join(root, 'a'), 300));
		const plain = await read(writeSession(path.join(root, 'b'), 300, {pages: false}));
		expect(paged.filesRead).toBe(12);
		expect(plain.filesRead).toBe(300);
		expect(paged.snapshot.events).toEqual(plain.snapshot.events);
		expect(paged.snapshot.problems).toEqual([]);
	});

	it('the event files stay the truth: a cut-short page, a stray entry, a missing file, a mid-range page, events past the last page', async () => {
		const dir = writeSession(mkdtempSync(path.join(tmp, 'odd-')), 110);
		const events = path.join(dir, 'events');
		const cache = path.join(dir, 'event_cache');
		// Pages 0-25, 25-50, 50-75, 75-100; events 100..109 are not in any page yet.
		writeFileSync(path.join(cache, '25-50.json'), '[{"id": 25, "timestamp": "2026-03-02T10:00:25.000000"');
		const page50 = JSON.parse(readFileSync(path.join(cache, '50-75.json'), 'utf8')) as unknown[];
		page50[3] = 'not an event';
		page50[4] = {...(page50[4] as object), id: 999};
		writeFileSync(path.join(cache, '50-75.json'), JSON.stringify(page50));
		unlinkSync(path.join(events, '60.json'));
		// After an OpenHands restart a page can start mid-range; it is used all the same.
		const page75 = JSON.parse(readFileSync(path.join(cache, '75-100.json'), 'utf8')) as unknown[];
		unlinkSync(path.join(cache, '75-100.json'));
		writeFileSync(path.join(cache, '80-105.json'), JSON.stringify(page75.slice(5)));

		const {snapshot, filesRead} = await read(dir);
		const ids = snapshot.events.map(e => e.id);
		expect(ids).toEqual([...Array(110).keys()].filter(id => id !== 60));
		expect(snapshot.problems).toEqual([]);
		const truth = await read(writeSession(mkdtempSync(path.join(tmp, 'truth-')), 110, {pages: false}));
		expect(snapshot.events).toEqual(truth.snapshot.events.filter(e => e.id !== 60));
		// Four pages read, three used (0-25, 50-75 and 80-105: 25 + 22 + 20 events); the cut-short page's 25
		// events, the two odd entries, 75..79 and 100..109 came from their own files (#60 has none).
		expect(filesRead).toBe(4 + 25 + 2 + 5 + 10);
	});
});
