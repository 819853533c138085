// The sessions source on a real folder: discovery order, live listing of new sessions, live tail of
// new event files, partial files shown and retried, the detail view masked.
import {cpSync, mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {defaultConfig} from '../../source/config/schema.js';
import {createAppStore, update} from '../../source/store/index.js';
import {openDetail, openSelected} from '../../source/store/slices/sessions.js';
import {createOpenhandsSource} from '../../source/sources/openhands/openhands-source.js';
import {findStateDir} from '../../source/sources/openhands/state-dir.js';
import {sessionsStatus} from '../../source/panels/sessions/status.js';
import {OWN} from './helpers.js';
import {localHost} from '../support/host.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-live-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

async function waitFor<T>(what: string, probe: () => T | undefined | null | false, ms = 8000): Promise<T> {
	const until = Date.now() + ms;
	for (;;) {
		const value = probe();
		if (value) return value;
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 25));
	}
}

describe('state folder discovery', () => {
	it('config first, then the container mount, then ~/.openhands; says which one', () => {
		const home = path.join(tmp, 'home');
		mkdirSync(path.join(home, '.openhands', 'sessions'), {recursive: true});
		const mount = path.join(tmp, 'mount');
		mkdirSync(path.join(mount, 'sessions'), {recursive: true});
		expect(findStateDir({home})).toMatchObject({dir: path.join(home, '.openhands'), origin: 'default location'});
		expect(findStateDir({home, mountedStateDir: mount})).toMatchObject({dir: mount, origin: 'OpenHands container mount'});
		expect(findStateDir({home, mountedStateDir: mount, configStateDir: path.join(OWN, 'state')})).toMatchObject({dir: path.join(OWN, 'state'), origin: 'config [openhands] state_dir'});
		const none = findStateDir({home: path.join(tmp, 'nobody')});
		expect(none.dir).toBe(null);
		expect(none.tried).toContain(path.join(tmp, 'nobody', '.openhands-state'));
	});
});

describe('OpenHands V1 conversations', () => {
	it('a V0 folder wins; a folder with only V1 conversations is used, and they are listed and checked', async () => {
		const home = path.join(tmp, 'home-v1');
		// The V1 CLI's ~/.openhands/conversations/<id>/, and V0 sessions in ~/.openhands-state.
		const cli = path.join(home, '.openhands', 'conversations', '0f1e2d3c4b5a69788796a5b4c3d2e1f0');
		mkdirSync(path.join(cli, 'events'), {recursive: true});
		writeFileSync(path.join(cli, 'base_state.json'), JSON.stringify({id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', agent: {llm: {model: 'openai/devstral-small'}, kind: 'Agent'}, execution_status: 'finished'}));
		writeFileSync(
			path.join(cli, 'events', 'event-00000-0b6c1e3a-0000-4000-8000-000000000000.json'),
			JSON.stringify({id: '0b6c1e3a-0000-4000-8000-000000000000', timestamp: '2026-12-01T06:47:00.000000', source: 'user', llm_message: {role: 'user', content: [{type: 'text', text: 'Tidy the README'}]}, kind: 'MessageEvent'}),
		);
		mkdirSync(path.join(home, '.openhands-state', 'sessions'), {recursive: true});
		expect(findStateDir({home}).dir).toBe(path.join(home, '.openhands-state'));
		rmSync(path.join(home, '.openhands-state'), {recursive: true});
		expect(findStateDir({home})).toMatchObject({dir: path.join(home, '.openhands'), origin: 'default location'});

		// The app server's v1/events/<conversation>/<time>_<Event>_<hex> files, next to the CLI's.
		const v1 = path.join(home, '.openhands', 'v1', 'events', 'c0ffee00c0ffee00c0ffee00c0ffee00');
		mkdirSync(v1, {recursive: true});
		writeFileSync(path.join(v1, '20261201064700_MessageEvent_1a2b3c4d'), '{\n  "kind": "MessageEvent"\n}');
		const store = createAppStore();
		const source = createOpenhandsSource({store, config: defaultConfig(), refreshMs: 1000, env: {HOME: home}, host: localHost()}, 200);
		await source.start?.();
		try {
			await source.poll?.();
			const rows = store.getState().sessions.sessions;
			expect(rows.map(r => r.id).sort()).toEqual(['0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'c0ffee00c0ffee00c0ffee00c0ffee00']);
			const cliRow = rows.find(r => r.id.startsWith('0f1e'))!;
			expect(cliRow).toMatchObject({model: 'openai/devstral-small', agentState: 'finished', eventCount: 1, title: 'Tidy the README', findings: 0});
			expect(cliRow.rulesNote).toContain('SDK version not recorded');
			// The app server copy without an id is read as a problem, not a session with findings.
			expect(rows.find(r => r.id.startsWith('c0ffee'))).toMatchObject({eventCount: 1, findings: 0});
			const lines = sessionsStatus(store.getState()).lines.join('\n');
			expect(lines).toContain('0f1e2d3c4b5a69788796a5b4c3d2e1f0 "Tidy the README" 1 events, finished, no findings');
		} finally {
			await source.stop?.();
		}
	});
});

describe('sessions source', () => {
	it('lists sessions newest first, checks them, live-adds a new session and tails new events', async () => {
		const state = path.join(tmp, 'state');
		cpSync(path.join(OWN, 'state'), state, {recursive: true});
		// A copied state folder: mtimes say nothing (here the older session's events folder is the newer
		// one); metadata's last_updated_at, which OpenHands rewrites on every event, gives the order.
		utimesSync(path.join(state, 'sessions', '0a0b0c0d0e0f40418283848586878889', 'events'), new Date('2026-11-30T09:00:00Z'), new Date('2026-11-30T09:00:00Z'));
		utimesSync(path.join(state, 'sessions', '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f', 'events'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
		const store = createAppStore();
		const config = defaultConfig();
		config.openhands.state_dir = state;
		const source = createOpenhandsSource({store, config, refreshMs: 1000, env: {HOME: path.join(tmp, 'nobody')}, host: localHost()}, 200);
		await source.start?.();
		try {
			await waitFor('two checked sessions', () => store.getState().sessions.sessions.length === 2 && store.getState().sessions.sessions.every(r => r.findings !== null));
			const s = store.getState().sessions;
			expect(s.stateDir).toBe(state);
			expect(s.stateDirOrigin).toBe('config [openhands] state_dir');
			expect(s.sessions.map(r => r.title)).toEqual(['List the files', 'Say hi']);
			expect(s.sessions[0]).toMatchObject({findings: 1, agentState: 'finished', model: 'openai/mistral-small-4', eventCount: 11, updatedAt: '2026-03-02T10:00:10.000000Z'});

			// A new session appears without any key press.
			const fresh = path.join(state, 'sessions', 'ffffffffffffffffffffffffffffffff', 'events');
			mkdirSync(fresh, {recursive: true});
			cpSync(path.join(state, 'sessions', '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f', 'events', '0.json'), path.join(fresh, '0.json'));
			await waitFor('the new session', () => store.getState().sessions.sessions.find(r => r.id.startsWith('ffff')));
			// No metadata.json yet: its events folder's time stands in, and it is the newest.
			expect(store.getState().sessions.sessions[0]!.id).toMatch(/^ffff/);

			// Open the first (the list is newest first: the new session) and tail it.
			update(store, 'sessions', x => ({...x, cursor: x.sessions.findIndex(r => r.id.startsWith('ffff'))}));
			update(store, 'sessions', openSelected);
			await waitFor('the open session rows', () => store.getState().sessions.open?.rows.length === 1);
			expect(store.getState().sessions.open!.loadMs).not.toBeNull();

			// A partially written file is shown as such, then read once complete.
			const event1 = path.join(fresh, '1.json');
			writeFileSync(event1, '{"id": 1, "timestamp": "2026-03-02T10:00:01.000000", "source": "agent", "message": "You are Open');
			const partial = await waitFor('the partial row', () => store.getState().sessions.open?.rows.find(r => r.id === 1 && r.problem));
			expect(partial.problem).toContain('JSON ends early');
			writeFileSync(
				event1,
				JSON.stringify({id: 1, timestamp: '2026-03-02T10:00:01.000000', source: 'agent', message: 'You are OpenHands agent', action: 'system', args: {content: 'You are OpenHands agent', api_key: 'sk-live0123456789abcdefXYZ'}}),
			);
			const row = await waitFor('the completed row', () => store.getState().sessions.open?.rows.find(r => r.id === 1 && !r.problem));
			expect(row.role).toBe('system');

			// Detail view: pretty JSON with the key masked.
			update(store, 'sessions', x => ({...x, open: {...x.open!, cursor: 1}}));
			update(store, 'sessions', openDetail);
			const detail = await waitFor('detail lines', () => (store.getState().sessions.detail?.lines.length ? store.getState().sessions.detail : null));
			const text = detail.lines.join('\n');
			expect(text).toContain('"action": "system"');
			expect(text).not.toContain('sk-live0123456789abcdefXYZ');
			expect(text).toContain('"api_key": "********"');
		} finally {
			await source.stop?.();
		}
	});
});
