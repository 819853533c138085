// A session folder whose name is not UTF-8 (bytes from another system's encoding, or a name cut
// mid-character) holds its events like any other: they are counted, read and checked, and the name
// is shown printable (U+FFFD for each byte that is not UTF-8), in the cockpit's list and in check-session.
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {decodeName, fsPath} from '../../source/fs/raw-names.js';
import {printable} from '../../source/domain/text/printable.js';
import {listSessions} from '../../source/sources/openhands/session-list.js';
import {EventDirReader} from '../../source/sources/openhands/event-dir.js';
import {REPO_ROOT} from '../support/paths.js';
import {checkSession} from '../sessions/helpers.js';

const REAL = path.join(REPO_ROOT, '..', 'shared', 'fixtures', 'openhands', 'v0-file-store-0.48.0', 'sessions', '63b4315947a049e2b7a51249b3d4fcc3');
/** "sess-" + Latin-1 "é" (0xE9, not UTF-8 alone) + 0xFF + a UTF-8 "ü" + "-12". */
const NAME = Buffer.concat([Buffer.from('sess-'), Buffer.of(0xe9, 0xff), Buffer.from('ü-12')]);
const SHOWN = 'sess-\ufffd\ufffdü-12';

describe('a session folder whose name is not UTF-8', () => {
	let tmp: string;
	let state: string;

	beforeAll(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'sd-rawname-'));
		state = path.join(tmp, 'state');
		const dir = Buffer.concat([Buffer.from(path.join(state, 'sessions') + path.sep), NAME]);
		const events = Buffer.concat([dir, Buffer.from('/events')]);
		mkdirSync(events, {recursive: true});
		copyFileSync(path.join(REAL, 'metadata.json'), Buffer.concat([dir, Buffer.from('/metadata.json')]));
		// Twelve of the real session's event files (0..11), as OpenHands wrote them.
		for (let id = 0; id < 12; id++) copyFileSync(path.join(REAL, 'events', `${id}.json`), Buffer.concat([events, Buffer.from(`/${id}.json`)]));
		// Node's own string listing garbles the name: the lossy name opens nothing.
		const lossy = readdirSync(path.join(state, 'sessions'))[0]!;
		expect(() => readdirSync(path.join(state, 'sessions', lossy, 'events'))).toThrow(/ENOENT/);
	});
	afterAll(() => rmSync(tmp, {recursive: true, force: true}));

	it('keeps the bytes of a name through a string and back', () => {
		const name = decodeName(NAME);
		expect(Buffer.compare(fsPath(name) as Buffer, NAME)).toBe(0);
		expect(printable(name)).toBe(SHOWN);
		// Valid UTF-8 (and emoji, whose surrogate pairs are not escapes) stays a plain string.
		expect(fsPath(decodeName(Buffer.from('plain-ü-😀')))).toBe('plain-ü-😀');
	});

	it('the cockpit lists it with its 12 events and a printable name', async () => {
		const [row] = await listSessions(state);
		expect(row).toMatchObject({eventCount: 12, error: null});
		expect(row!.title).not.toBeNull();
		expect(printable(row!.id)).toBe(SHOWN);
		const snapshot = await new EventDirReader(path.join(row!.dir, 'events')).scan();
		expect(snapshot.events.map(e => e.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(snapshot.problems).toEqual([]);
	});

	it('check-session reads and checks its 12 events and prints the name printable', async () => {
		const r = await checkSession(state);
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain(`${SHOWN} (${path.join(state, 'sessions', SHOWN, 'events')}): 12 events`);
		expect(r.stdout).not.toMatch(/[\uD800-\uDFFF]/u);
		// JSON keeps the bytes as \udcXX escapes (plain ASCII on the terminal): a script can turn them back
		// into the folder's name (Python's os.fsencode uses the same convention).
		const json = await checkSession(state, '--json');
		expect(json.stdout).toContain('"id": "sess-\\udce9\\udcffü-12"');
		expect(json.json!.sessions.map(s => printable(s.id))).toEqual([SHOWN]);
	});

	it('a folder name carrying escape sequences reaches neither the list nor check-session raw', async () => {
		const evil = mkdtempSync(path.join(tmpdir(), 'sd-evilname-'));
		try {
			const name = 'ok\u001b]0;owned title\u0007-\u001b[2J-x';
			const events = path.join(evil, 'sessions', name, 'events');
			mkdirSync(events, {recursive: true});
			for (let id = 0; id < 3; id++) copyFileSync(path.join(REAL, 'events', `${id}.json`), path.join(events, `${id}.json`));
			const [row] = await listSessions(evil);
			expect(row!.eventCount).toBe(3);
			expect(printable(row!.id)).toBe('ok--x');
			const r = await checkSession(evil);
			expect(r.stdout).toContain('ok--x (');
			expect(r.stdout).toContain(': 3 events');
			expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		} finally {
			rmSync(evil, {recursive: true, force: true});
		}
	});
});
