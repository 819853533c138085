// Bad input never crashes: truncated JSON, a non-JSON file, an empty folder and a 200 MB file each
// give a clear message naming the file, and exit 2; a bad file inside a session is reported, not fatal.
import {mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync, copyFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {checkSession, OWN} from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-sessions-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

describe('check-session on bad input', () => {
	it('truncated JSON: exit 2, says the JSON ends early', async () => {
		const file = path.join(tmp, 'truncated.json');
		writeFileSync(file, '[{"id": 0, "timestamp": "2026-03-02T10:00:00", "source": "user", "action": "mess');
		const r = await checkSession(file, '--json');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(file);
		expect(r.stderr).toMatch(/ends early/);
	});

	it('a non-JSON file: exit 2, "not JSON"', async () => {
		const file = path.join(tmp, 'notes.txt');
		writeFileSync(file, 'this is not json\nat all\n');
		const r = await checkSession(file);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`${file}: not JSON`);
	});

	it('JSON of another shape: exit 2, says what it expected', async () => {
		const file = path.join(tmp, 'other.json');
		writeFileSync(file, '{"hello": "world"}');
		const r = await checkSession(file);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('not an OpenHands trajectory');
	});

	it('an empty folder: exit 2, "empty folder"', async () => {
		const dir = path.join(tmp, 'empty');
		mkdirSync(dir);
		const r = await checkSession(dir);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`${dir}: empty folder`);
	});

	it('a missing path: exit 2, ENOENT with the path', async () => {
		const r = await checkSession(path.join(tmp, 'nope'));
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('ENOENT');
	});

	it('a 200 MB file is refused by its size before it is read', async () => {
		const file = path.join(tmp, 'huge.json');
		const fd = openSync(file, 'w');
		ftruncateSync(fd, 200 * 1024 * 1024); // sparse: no 200 MB is written or read
		closeSync(fd);
		const before = process.memoryUsage().rss;
		const r = await checkSession(file);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('200.0 MB is over the');
		expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
	});

	it('a partial and a non-JSON event file inside a session are listed as problems; the rest is checked', async () => {
		const events = path.join(tmp, 'session', 'events');
		mkdirSync(events, {recursive: true});
		const src = path.join(OWN, 'state', 'sessions', '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f', 'events');
		for (const n of [0, 1, 2, 3, 4, 5, 6]) copyFileSync(path.join(src, `${n}.json`), path.join(events, `${n}.json`));
		writeFileSync(path.join(events, '7.json'), '{"id": 7, "timestamp": "2026-03-02T10:00:07", "source": "ag');
		writeFileSync(path.join(events, '8.json'), 'garbage');
		const r = await checkSession(path.join(tmp, 'session'));
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('7.json: JSON ends early');
		expect(r.stdout).toContain('8.json: not JSON');
		expect(r.stdout).toContain('strict-alternation at #3, #6');
	});

	it('bad flags: exit 2', async () => {
		expect((await checkSession(path.join(OWN, 'state'), '--rules', 'loose')).code).toBe(2);
	});

	it('an event file over 64 KB is read whole; one over 16 MB is refused by size and listed', async () => {
		const events = path.join(tmp, 'big-session', 'events');
		mkdirSync(events, {recursive: true});
		const long = 'x'.repeat(200_000);
		writeFileSync(path.join(events, '0.json'), JSON.stringify({id: 0, timestamp: '2026-03-02T10:00:00', source: 'user', message: 'big', action: 'message', args: {content: long}}));
		writeFileSync(path.join(events, '1.json'), JSON.stringify({id: 1, timestamp: '2026-03-02T10:00:01', source: 'agent', message: 'ok', action: 'message', args: {content: 'ok'}}));
		const fd = openSync(path.join(events, '2.json'), 'w');
		ftruncateSync(fd, 17 * 1024 * 1024);
		closeSync(fd);
		const r = await checkSession(path.join(tmp, 'big-session'), '--json');
		expect(r.code).toBe(0);
		expect(r.json!.sessions[0]!.roles.map(x => x.role)).toEqual(['user', 'assistant']);
		const text = await checkSession(path.join(tmp, 'big-session'));
		expect(text.stdout).toContain('2.json: 17.0 MB is over the 16.0 MB limit');
	});
});
