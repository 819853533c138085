// Sessions benchmark: generate a 10,000-event OpenHands V0 session on disk (real event format, with
// and without OpenHands' event_cache pages), then time opening it cold (read every file, parse, derive roles, run every rule; and how soon the
// first rows show), opening it in the cockpit after the list's background check has read it,
// re-checking it after one new event, and the live tail (new file → row in the store, via fs.watch).

import {mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {defaultConfig} from '../config/schema.js';
import {createAppStore, update} from '../store/index.js';
import {openSelected} from '../store/slices/sessions.js';
import {EventDirReader} from '../sources/openhands/event-dir.js';
import {createOpenhandsSource} from '../sources/openhands/openhands-source.js';
import {createLocalHost} from '../hosts/local.js';
import {checkSnapshot} from '../sources/openhands/rows.js';
import {agentMessage, agentStateChanged, recallObservation, runAction, runObservation, systemAction, userMessage} from '../sim/openhands/events.js';
import {pyDumps} from '../sim/openhands/py-json.js';
import type {Bench} from './types.js';

const EVENTS = 10_000;

/** Output of a test run, the size real command observations have (about 1 KB). */
const OUTPUT = [
	'> todo-api@1.4.0 test',
	'> vitest run',
	'',
	' ✓ src/todos.test.ts (12 tests) 41ms',
	' ✓ src/users.test.ts (9 tests) 33ms',
	' ✓ src/health.test.ts (2 tests) 4ms',
	' ❯ src/query.test.ts (6 tests | 1 failed) 58ms',
	'   × lists todos in pages of 50 (expected 50, got 51)',
	'',
	' Test Files  1 failed | 3 passed (4)',
	'      Tests  1 failed | 28 passed (29)',
	'   Start at  10:00:12',
	'   Duration  1.21s (transform 212ms, setup 0ms, collect 388ms, tests 136ms, environment 1ms, prepare 402ms)',
].join('\n');

/**
 * Event `id` of the benchmark session, built with the demo's OpenHands V0 event builders (the real
 * event_to_dict shapes, with whole model responses and llm_metrics as OpenHands stores them). Blocks
 * of 10: state change, user message, recall observation, three run/output pairs, agent reply.
 */
function event(id: number): Record<string, unknown> {
	const t = `2026-03-02T10:${String(Math.floor(id / 60) % 60).padStart(2, '0')}:${String(id % 60).padStart(2, '0')}.000000`;
	const clock = {stamp: () => t};
	const turn = id % 10;
	// The action and its observation share one model response and a 9-character call id (Mistral's rule).
	const actionId = turn % 2 === 1 ? id : id - 1;
	const callId = `c${String(actionId).padStart(8, '0')}`;
	const llm = {responseId: `chatcmpl-bench${actionId}`, created: 1772445600 + actionId, model: 'mistral-small-4', content: 'Running the tests to see what fails.', promptTokens: 9000 + actionId, completionTokens: 48, cachedTokens: 8800};
	const totals = {cost: 0, promptTokens: 9000 * actionId, completionTokens: 48 * actionId, cacheRead: 8800 * actionId};
	if (id === 0) return systemAction(0, clock, '0.59.0');
	if (turn === 0) return agentStateChanged(id, clock, 'awaiting_user_input');
	if (turn === 1) return userMessage(id, clock, `Task ${id}: make the query test pass`);
	if (turn === 2) return recallObservation(id, clock, id - 1, '2026-03-02', 'acme/todo-api');
	if (turn === 9) return agentMessage(id, clock, 'Done: the page size is 50 again and the tests pass.');
	if (turn % 2 === 0) return runObservation(id, clock, id - 1, 'npm test', OUTPUT, 1, llm, callId);
	return runAction(id, clock, 'npm test', llm, callId, totals);
}

/**
 * A session as OpenHands V0 leaves it: one file per event and, with `pages` (OpenHands >= 0.32), an
 * event_cache page after every 25th event (`<start>-<start+25>.json`, the same dicts as a JSON array).
 */
export function writeSession(root: string, count = EVENTS, {pages = true, id = 'bench0000000000000000000000000000'}: {pages?: boolean; id?: string} = {}): string {
	const dir = path.join(root, 'sessions', id);
	mkdirSync(path.join(dir, 'events'), {recursive: true});
	if (pages) mkdirSync(path.join(dir, 'event_cache'));
	writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify({conversation_id: id, title: 'benchmark', created_at: '2026-03-02T10:00:00Z', last_updated_at: '2026-03-02T10:00:00Z', llm_model: 'openai/mistral-small-4'}));
	let page: Array<Record<string, unknown>> = [];
	for (let n = 0; n < count; n++) {
		const data = event(n);
		writeFileSync(path.join(dir, 'events', `${n}.json`), pyDumps(data));
		page.push(data);
		if (page.length === 25) {
			if (pages) writeFileSync(path.join(dir, 'event_cache', `${n - 24}-${n + 1}.json`), pyDumps(page));
			page = [];
		}
	}
	return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const sessionsCheckBench: Bench = {
	id: 'sessions-check',
	async run() {
		const root = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-bench-sessions-'));
		try {
			const dir = writeSession(root);
			const events = path.join(dir, 'events');
			// The same session without event_cache pages (OpenHands before 0.32, or pages deleted).
			const pageless = path.join(writeSession(path.join(root, 'pageless'), EVENTS, {pages: false}), 'events');
			const coldOpen = async (eventsDir: string) => {
				const open: number[] = [];
				const firstRows: number[] = [];
				let findings = 0;
				for (let i = 0; i < 3; i++) {
					const started = performance.now();
					let first = 0;
					const snapshot = await new EventDirReader(eventsDir).scan(() => {
						first ||= performance.now() - started;
					});
					findings = checkSnapshot(snapshot, eventsDir, true).findings.length;
					open.push(performance.now() - started);
					firstRows.push(first);
				}
				return {open: median(open), first: median(firstRows), findings};
			};
			const eventBytes = readdirSync(events).reduce((sum, name) => sum + statSync(path.join(events, name)).size, 0);
			const withPages = await coldOpen(events);
			const withoutPages = await coldOpen(pageless);
			const reader = new EventDirReader(events);
			await reader.scan();
			writeFileSync(path.join(events, `${EVENTS}.json`), pyDumps(event(EVENTS)));
			const t0 = performance.now();
			checkSnapshot(await reader.scan(), events, true);
			const rescan = performance.now() - t0;

			// Through the real source: the list checks the session in the background; opening it then
			// reads only what is new. Then the live tail: file written → row in the store.
			const store = createAppStore();
			const config = defaultConfig();
			config.openhands.state_dir = root;
			const env = {HOME: root};
			const source = createOpenhandsSource({store, config, refreshMs: 1000, env, host: createLocalHost({env, docker: config.docker})});
			await source.start?.();
			const waitFor = async (probe: () => boolean) => {
				const until = Date.now() + 10_000;
				while (!probe() && Date.now() < until) await new Promise(r => setTimeout(r, 2));
			};
			await waitFor(() => store.getState().sessions.sessions[0]?.findings != null);
			const opened = performance.now();
			update(store, 'sessions', openSelected);
			await waitFor(() => store.getState().sessions.open?.loading === false);
			const cockpitOpen = performance.now() - opened;
			const loadedRows = store.getState().sessions.open?.rows.length ?? 0;
			const tail: number[] = [];
			for (let n = 1; n <= 5; n++) {
				const id = EVENTS + n;
				const started = performance.now();
				writeFileSync(path.join(events, `${id}.json`), pyDumps(event(id)));
				await waitFor(() => store.getState().sessions.open?.rows.at(-1)?.id === id);
				tail.push(performance.now() - started);
			}
			const mode = store.getState().sessions.watchMode;
			await source.stop?.();
			return [
				{name: `open + check a ${EVENTS.toLocaleString('en')}-event session, cold`, value: `${withPages.open.toFixed(0)} ms`, method: `median of 3 first reads in a fresh reader (files in the OS page cache), as OpenHands >= 0.32 leaves a session (${(eventBytes / 1e6).toFixed(1)} MB of events, whole model responses in each tool call): readdir, read+parse OpenHands' 400 event_cache pages, derive roles, all rules (${withPages.findings} finding${withPages.findings === 1 ? '' : 's'})`, raw: {ms: withPages.open}},
				{name: '… the same session without event_cache pages', value: `${withoutPages.open.toFixed(0)} ms`, method: `as above, every one of the ${EVENTS.toLocaleString('en')} event files read (OpenHands before 0.32, or pages deleted)`, raw: {ms: withoutPages.open}},
				{name: 'cold open: first rows on screen', value: `${withPages.first.toFixed(0)} ms (${withoutPages.first.toFixed(0)} ms without pages)`, method: 'median of 3: the first 250 events (the top of the list) are shown while the rest are read', raw: {ms: withPages.first, pageless_ms: withoutPages.first} as Record<string, number>},
				{name: 'open in the cockpit after the background check', value: `${cockpitOpen.toFixed(0)} ms`, method: `real source and store: Enter on the session → ${loadedRows.toLocaleString('en')} rows with roles and findings (the list's check already read the files)`, raw: {ms: cockpitOpen}},
				{name: 're-check after one new event', value: `${rescan.toFixed(0)} ms`, method: 'incremental scan (only the new file read) + full role derivation and rules', raw: {ms: rescan}},
				{name: 'live tail: new event file → row', value: `${median(tail).toFixed(0)} ms`, method: `median of 5, ${mode ?? '?'} mode (polling fallback every 1 s)`, raw: {ms: median(tail)}},
			];
		} finally {
			rmSync(root, {recursive: true, force: true});
		}
	},
};
