// The folder watch falls back to polling where fs.watch cannot watch (here: a folder that does not
// exist yet, as sessions/ before OpenHands' first conversation) and still reports changes.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {watchFolder} from '../../source/sources/openhands/watch.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-watch-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

it('polls when fs.watch is unavailable, and the polled change is seen', async () => {
	const dir = path.join(tmp, 'sessions');
	let calls = 0;
	const w = watchFolder(dir, () => void calls++, 100);
	try {
		expect(w.mode).toBe('poll');
		mkdirSync(dir);
		writeFileSync(path.join(dir, 'x'), '1');
		const until = Date.now() + 5000;
		while (calls < 2 && Date.now() < until) await new Promise(r => setTimeout(r, 20));
		expect(calls).toBeGreaterThanOrEqual(2);
	} finally {
		w.close();
	}
});

it('uses fs.watch on an existing folder and reacts to a new file', async () => {
	let calls = 0;
	const w = watchFolder(tmp, () => void calls++, 60_000);
	try {
		expect(w.mode).toBe('watch');
		writeFileSync(path.join(tmp, 'new.json'), '{}');
		const until = Date.now() + 5000;
		while (calls < 1 && Date.now() < until) await new Promise(r => setTimeout(r, 20));
		expect(calls).toBeGreaterThanOrEqual(1);
	} finally {
		w.close();
	}
});
