// Another host's sessions are listed every 5 s over ssh, where each call is a command (a shell
// started on that box). Its V0 sessions and V1 conversations are listed two levels down in one
// command each; only a session whose files moved, or moved within RECENT_MS of that box's clock, is
// read again. The rows are the ones a full read gives, and a listing that fails is said, never taken
// for "no sessions" (the rows would vanish and come back).
import {copyFileSync, cpSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {RECENT_MS} from '../../source/fs/stamp.js';
import type {Host} from '../../source/hosts/host.js';
import {writeDemoSessions} from '../../source/sim/openhands/demo-sessions.js';
import {V1ConversationWriter} from '../../source/sim/openhands/v1-conversation.js';
import {createRemoteSessionLister, readSessionRow} from '../../source/sources/openhands/session-list.js';
import {hostFiles} from '../../source/sources/openhands/state-files.js';
import {conversationsUnder, v1Roots} from '../../source/sources/openhands/v1/layout.js';
import {createRemoteV1Lister, v1Row} from '../../source/sources/openhands/v1/session-rows.js';
import type {SessionRow} from '../../source/store/slices/sessions.js';
import {localHost} from '../support/host.js';
import {tempDir} from '../support/temp-dir.js';

/**
 * This machine's files as the box "spark2", counting the calls (each one command over ssh). `clockMs`:
 * how far ahead of this clock the box's runs (RECENT_MS and more: what the tests just wrote is quiet there).
 */
function spark2(options: {clockMs?: number; failing?: Record<string, NodeJS.ErrnoException>} = {}) {
	const host = localHost();
	const calls: string[] = [];
	const failing = options.failing ?? {};
	const files: Host['files'] = {
		...host.files,
		list: (dir, opts) => (calls.push(`list ${dir}`), failing[dir] ? Promise.reject(failing[dir]) : host.files.list(dir, opts)),
		readFile: (file, opts) => (calls.push(`read ${file}`), host.files.readFile(file, opts)),
		readFiles: (paths, opts) => (calls.push(`read ${paths.join(' ')}`), host.files.readFiles(paths, opts)),
		stat: (p, opts) => (calls.push(`stat ${p}`), host.files.stat(p, opts)),
		tree: async (roots, depth, opts) => {
			calls.push(`tree ${roots.join(' ')}`);
			const failed = roots.find(r => failing[r]);
			if (failed) throw failing[failed];
			const listing = await host.files.tree(roots, depth, opts);
			return {...listing, nowMs: listing.nowMs + (options.clockMs ?? RECENT_MS + 1000)};
		},
	};
	return {files: hostFiles({...host, label: 'spark2', files}), calls};
}

const byId = (rows: SessionRow[]) => Object.fromEntries(rows.map(r => [r.id, r]));
/** Times aside: the box's stat gives whole seconds, this machine's its own rounding. */
const timeless = (r: SessionRow) => ({...r, createdAt: r.createdAt?.slice(0, 19), updatedAt: r.updatedAt?.slice(0, 19)});
const fail = (code: string, message: string) => Object.assign(new Error(message), {code});

/** One more event in a V0 session (a copy of its first, under the next number). */
function addEvent(state: string, id: string): void {
	const events = path.join(state, 'sessions', id, 'events');
	const next = Math.max(...readdirSync(events).map(n => Number.parseInt(n, 10))) + 1;
	copyFileSync(path.join(events, '0.json'), path.join(events, `${next}.json`));
}

describe('another host\'s V0 sessions', () => {
	it('lists what reading each session gives, then one command a listing while nothing changed', async () => {
		const state = tempDir('sd-remote-v0-');
		writeDemoSessions(state);
		const {files, calls} = spark2();
		const list = createRemoteSessionLister(files);
		const first = await list(state);
		const ids = readdirSync(path.join(state, 'sessions'));
		expect(first.map(r => r.id).sort()).toEqual([...ids].sort());
		const plain = await Promise.all(first.map(r => readSessionRow(r.dir, files)));
		expect(first).toEqual(plain);
		calls.length = 0;
		const second = byId(await list(state));
		expect(calls).toEqual([`tree ${path.join(state, 'sessions')}`]);
		for (const row of first) expect(second[row.id]).toBe(row);
	});

	it('reads again the session with a new event, drops a removed one, and lists a new one', async () => {
		const state = tempDir('sd-remote-v0-');
		writeDemoSessions(state);
		const {files, calls} = spark2();
		const list = createRemoteSessionLister(files);
		const before = byId(await list(state));
		const [changed, removed, kept] = Object.keys(before);
		addEvent(state, changed!);
		rmSync(path.join(state, 'sessions', removed!), {recursive: true});
		cpSync(path.join(state, 'sessions', kept!), path.join(state, 'sessions', 'a-new-session'), {recursive: true});
		calls.length = 0;
		const after = byId(await list(state));
		expect(after[changed!]!.eventCount).toBe(before[changed!]!.eventCount + 1);
		expect(after[removed!]).toBeUndefined();
		expect(after['a-new-session']).toMatchObject({title: before[kept!]!.title, eventCount: before[kept!]!.eventCount});
		expect(after[kept!]).toBe(before[kept!]);
		// The listing, then the changed and the new session's events folder and metadata.json each.
		expect(calls).toHaveLength(5);
		expect(calls.filter(c => c.includes(changed!))).toHaveLength(2);
		expect(calls.filter(c => c.includes('a-new-session'))).toHaveLength(2);
	});

	it('reads again, every listing, a session changed within RECENT_MS of the box\'s clock', async () => {
		const state = tempDir('sd-remote-v0-');
		writeDemoSessions(state);
		const {files, calls} = spark2({clockMs: 0});
		const list = createRemoteSessionLister(files);
		const first = byId(await list(state));
		calls.length = 0;
		const second = byId(await list(state));
		expect(calls.length).toBeGreaterThan(1);
		for (const id of Object.keys(first)) expect(second[id]).not.toBe(first[id]);
		expect(second).toEqual(first);
	});

	it('a listing with no answer in time says the host is unreachable instead of listing nothing', async () => {
		const state = tempDir('sd-remote-v0-');
		writeDemoSessions(state);
		const timedOut = fail('ETIMEDOUT', '`sh -c ...` on ssh://me@spark2: no end within 5000 ms');
		const {files} = spark2({failing: {[path.join(state, 'sessions')]: timedOut}});
		await expect(createRemoteSessionLister(files)(state)).rejects.toThrow(`spark2 unreachable over ssh (${timedOut.message}); its sessions in ${state} are not read until it answers`);
		// No sessions folder at all: no sessions, and nothing wrong.
		expect(await createRemoteSessionLister(spark2().files)(tempDir('sd-remote-empty-'))).toEqual([]);
	});
});

function twoConversations(): string {
	const state = tempDir('sd-remote-v1-');
	for (const status of ['running', 'finished'] as const) {
		const c = new V1ConversationWriter(path.join(state, 'conversations'), new Date('2026-12-01T10:00:00Z'));
		c.writeBaseState(status);
		c.system();
		c.user('Add pagination to GET /todos.');
	}
	return state;
}

describe('another host\'s V1 conversations', () => {
	it('lists the rows this machine\'s reader gives, then one command a listing while nothing changed', async () => {
		const state = twoConversations();
		const {files, calls} = spark2();
		const list = createRemoteV1Lister(files);
		const first = await list(state);
		expect(first.map(timeless)).toEqual(v1Roots(state).flatMap(conversationsUnder).map(v1Row).map(timeless));
		expect(first.map(r => r.agentState).sort()).toEqual(['finished', 'running']);
		calls.length = 0;
		const second = byId(await list(state));
		expect(calls).toHaveLength(1);
		for (const row of first) expect(second[row.id]).toBe(row);
		// No V1 folder at all: no conversations, and nothing wrong.
		expect(await createRemoteV1Lister(spark2().files)(tempDir('sd-remote-empty-'))).toEqual([]);
	});

	it('reads again a conversation with a new event or a new status, and no other', async () => {
		const state = tempDir('sd-remote-v1-');
		const root = path.join(state, 'conversations');
		const [a, b] = ['running', 'running'].map(status => {
			const c = new V1ConversationWriter(root, new Date('2026-12-01T10:00:00Z'));
			c.writeBaseState(status as 'running');
			c.user('Add pagination to GET /todos.');
			return c;
		}) as [V1ConversationWriter, V1ConversationWriter];
		const {files} = spark2();
		const list = createRemoteV1Lister(files);
		const before = byId(await list(state));
		a.user('Also cap limit at 100.');
		a.writeBaseState('finished');
		const after = byId(await list(state));
		const [idA, idB] = [a, b].map(c => path.basename(c.dir)) as [string, string];
		expect(after[idA]).toMatchObject({eventCount: before[idA]!.eventCount + 1, agentState: 'finished'});
		expect(after[idB]).toBe(before[idB]);
	});

	it('a listing with no answer in time is said; an events folder it cannot read is said on its row', async () => {
		const state = twoConversations();
		const roots = [path.join(state, 'conversations')];
		const timedOut = fail('ETIMEDOUT', '`sh -c ...` on ssh://me@spark2: no end within 5000 ms');
		await expect(createRemoteV1Lister(spark2({failing: {[roots[0]!]: timedOut}}).files)(state)).rejects.toThrow(/^spark2 unreachable over ssh \(`sh -c \.\.\.` on ssh:\/\/me@spark2: no end within 5000 ms\); its conversations in /);
		const [, second] = v1Roots(state).flatMap(conversationsUnder);
		const rows = await createRemoteV1Lister(spark2({failing: {[second!.eventsDir]: fail('EIO', 'Input/output error')}}).files)(state);
		expect(rows.map(r => r.error)).toEqual([null, `${second!.eventsDir}: cannot read (EIO); events not counted`]);
	});
});
