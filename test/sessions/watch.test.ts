// The folder watch reports changes through fs.watch; where fs.watch cannot watch (here: a folder that
// does not exist yet, as sessions/ before OpenHands' first conversation) it says so, and the sessions
// source re-reads the folder on its refresh tick. The re-reads are the tick's: between ticks the
// source leaves the store alone (a timer of its own cost the cockpit a second render for each).
import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {watchFolder} from '../../source/sources/openhands/watch.js';
import {createOpenhandsSource} from '../../source/sources/openhands/openhands-source.js';
import {createAppStore} from '../../source/store/index.js';
import {defaultConfig} from '../../source/config/schema.js';
import {OWN} from './helpers.js';
import {localHost} from '../support/host.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-watch-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

it('says poll where fs.watch cannot watch, and uses fs.watch on an existing folder', async () => {
	const missing = watchFolder(path.join(tmp, 'not-yet'), () => undefined);
	expect(missing.mode).toBe('poll');
	missing.close();
	let calls = 0;
	const w = watchFolder(tmp, () => void calls++);
	try {
		expect(w.mode).toBe('watch');
		writeFileSync(path.join(tmp, 'new.json'), '{}');
		const until = Date.now() + 5000;
		while (calls < 1 && Date.now() < until) await sleep(20);
		expect(calls).toBeGreaterThanOrEqual(1);
	} finally {
		w.close();
	}
});

it('re-reads an unwatchable sessions folder on the tick, and only on the tick', async () => {
	// The state folder exists, its sessions/ does not: nothing to watch yet.
	const state = path.join(tmp, 'state');
	mkdirSync(state, {recursive: true});
	const config = defaultConfig();
	config.openhands.state_dir = state;
	const store = createAppStore();
	const source = createOpenhandsSource({store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}, host: localHost()}, 200);
	await source.start?.();
	try {
		await source.poll?.();
		// The tick's own reads end.
		await sleep(300);
		expect(store.getState().sessions.sessions).toEqual([]);
		let changes = 0;
		const stop = store.subscribe((s, prev) => {
			if (s.sessions !== prev.sessions) changes++;
		});
		// OpenHands writes its first conversation.
		cpSync(path.join(OWN, 'state', 'sessions'), path.join(state, 'sessions'), {recursive: true});
		// Well past the 200 ms re-read interval, with no tick: the folder is not read.
		await sleep(1200);
		expect(changes).toBe(0);
		expect(store.getState().sessions.sessions).toEqual([]);
		// The tick reads it.
		await source.poll?.();
		const until = Date.now() + 5000;
		while (store.getState().sessions.sessions.length < 2 && Date.now() < until) await sleep(20);
		expect(store.getState().sessions.sessions.map(r => r.title).sort()).toEqual(['List the files', 'Say hi']);
		stop();
	} finally {
		await source.stop?.();
	}
});
