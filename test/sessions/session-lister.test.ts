// The cockpit lists the state folder again every few seconds; its lister reads a session again only
// when its metadata.json or events folder changed, and every change a running OpenHands (or a user)
// makes is still seen at the next listing.
import {cpSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createSessionLister, listSessions} from '../../source/sources/openhands/session-list.js';
import {RECENT_MS} from '../../source/fs/stamp.js';
import {OWN} from './helpers.js';
import {tempDir} from '../support/temp-dir.js';

/** A lister's clock RECENT_MS past now: the files these tests just wrote count as quiet. */
const LATER = () => Date.now() + RECENT_MS + 1000;

function stateCopy(): {state: string; ids: string[]} {
	const state = path.join(tempDir('sd-lister-'), 'state');
	cpSync(path.join(OWN, 'state'), state, {recursive: true});
	return {state, ids: readdirSync(path.join(state, 'sessions')).sort()};
}

const byId = <T extends {id: string}>(rows: T[]) => Object.fromEntries(rows.map(r => [r.id, r]));

describe('listing the sessions again', () => {
	it('lists what a plain listing reads, and keeps the rows of unchanged sessions', async () => {
		const {state, ids} = stateCopy();
		const list = createSessionLister(LATER);
		const first = await list(state);
		expect(byId(first)).toEqual(byId(await listSessions(state)));
		expect(first.map(r => r.id).sort()).toEqual(ids);
		const second = byId(await list(state));
		// The same objects: not read again.
		for (const row of first) expect(second[row.id]).toBe(row);
	});

	it('reads a session again after a metadata edit of the same size with its old mtime put back', async () => {
		const {state, ids} = stateCopy();
		const list = createSessionLister(LATER);
		const id = ids[0]!;
		const meta = path.join(state, 'sessions', id, 'metadata.json');
		const before = byId(await list(state))[id]!;
		const {atime, mtime} = statSync(meta);
		const text = JSON.stringify({conversation_id: id, title: 'Say yo', last_updated_at: '2026-03-01T09:00:00.000000Z', created_at: '2026-03-01T08:59:00.000000Z', llm_model: 'openai/mistral-small-4'});
		writeFileSync(meta, text);
		utimesSync(meta, atime, mtime);
		const after = byId(await list(state))[id]!;
		expect(after.title).toBe('Say yo');
		expect(after).not.toBe(before);
	});

	it('counts an event file added or removed, and drops a removed session', async () => {
		const {state, ids} = stateCopy();
		const list = createSessionLister(LATER);
		const [a, b] = ids as [string, string];
		const events = path.join(state, 'sessions', a, 'events');
		const count = byId(await list(state))[a]!.eventCount;
		writeFileSync(path.join(events, '9999.json'), '{}');
		expect(byId(await list(state))[a]!.eventCount).toBe(count + 1);
		rmSync(path.join(events, '9999.json'));
		expect(byId(await list(state))[a]!.eventCount).toBe(count);
		rmSync(path.join(state, 'sessions', b), {recursive: true});
		expect((await list(state)).map(r => r.id)).toEqual([a]);
	});

	it('does not keep a session changed just now: its file times may not move on the next edit', async () => {
		const {state, ids} = stateCopy();
		const id = ids[0]!;
		const now = Date.now();
		writeFileSync(path.join(state, 'sessions', id, 'metadata.json'), JSON.stringify({title: 'aaaa', created_at: '2026-03-01T08:59:00Z'}));
		// The clock of the write: the session changed less than RECENT_MS ago (read again each time;
		// the first test shows the same rows kept once quiet).
		const list = createSessionLister(() => now);
		const first = byId(await list(state));
		const second = byId(await list(state));
		expect(second[id]).not.toBe(first[id]);
		expect(second[id]).toEqual(first[id]);
	});
});
