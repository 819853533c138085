// A state folder whose sessions/ or a session's events/ cannot be read: check-session says what it
// could not read and exits 2 (not 1, which means findings, and not with a stack trace); the cockpit
// does not show such a session as clean. Run as an unprivileged user: root reads anything.
import {spawnSync} from 'node:child_process';
import {chmodSync, cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readSessionRow} from '../../source/sources/openhands/session-list.js';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';

const root = process.getuid?.() === 0;
const NOBODY = 65534;
const SESSION = '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f';

describe.runIf(root)('unreadable OpenHands folders', () => {
	let tmp: string;
	let state: string;

	beforeAll(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'sd-unreadable-'));
		chmodSync(tmp, 0o755);
		state = path.join(tmp, 'state');
		cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'openhands', 'state'), state, {recursive: true});
	});
	afterAll(() => rmSync(tmp, {recursive: true, force: true}));

	const check = (target: string) => spawnSync(process.execPath, [STACKDECK_BIN, 'check-session', target], {encoding: 'utf8', uid: NOBODY, gid: NOBODY, env: {...process.env, HOME: tmp}, timeout: 60_000});

	it('an unreadable events/ folder: exit 2, the folder named, the other session still checked', () => {
		const events = path.join(state, 'sessions', SESSION, 'events');
		chmodSync(events, 0o000);
		try {
			const r = check(state);
			expect(r.stderr).not.toMatch(/\n\s+at /);
			expect(r.status).toBe(2);
			expect(r.stderr).toContain(`${events}: cannot list events (EACCES)`);
			expect(r.stdout).toContain('0a0b0c0d0e0f40418283848586878889');
		} finally {
			chmodSync(events, 0o755);
		}
	}, 120_000);

	it('an unreadable sessions/ folder: exit 2 with the folder named, no stack trace', () => {
		const sessions = path.join(state, 'sessions');
		chmodSync(sessions, 0o000);
		try {
			const r = check(state);
			expect(r.status).toBe(2);
			expect(r.stderr).toContain(`${sessions}: cannot read the sessions folder (EACCES)`);
			expect(r.stderr).not.toMatch(/\n\s+at /);
		} finally {
			chmodSync(sessions, 0o755);
		}
	}, 120_000);

	it('the cockpit row of an unreadable session carries the error, not "0 events"', async () => {
		const dir = path.join(state, 'sessions', SESSION);
		// Root reads a 000 folder, so the row is read for a path that is not a folder at all.
		const row = await readSessionRow(path.join(dir, 'metadata.json'));
		expect(row.error).toMatch(/metadata\.json\/events: cannot read \(ENOTDIR\); events not checked/);
	});
});
