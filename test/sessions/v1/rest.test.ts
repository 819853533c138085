// A running agent server read over REST: conversations/search and events/search walked page by page,
// the SDK version from /server_info deciding the rebuild, the session API key from the named variable.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {startSimAgentServer} from '../../../source/sim/openhands/agent-server.js';
import {V1ConversationWriter} from '../../../source/sim/openhands/v1-conversation.js';
import {OpenHandsServer, RestConversationReader} from '../../../source/sources/openhands/v1/rest.js';
import {checkSession} from '../helpers.js';
import {defaultConfig} from '../../../source/config/schema.js';
import {createAppStore, update} from '../../../source/store/index.js';
import {openDetail, openSelected} from '../../../source/store/slices/sessions.js';
import {createOpenhandsSource} from '../../../source/sources/openhands/openhands-source.js';
import {localHost} from '../../support/host.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-v1-rest-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

/** 250 events: a task, then an environment nudge right after it (merged from SDK 1.26), then 124 tool turns. */
function bigConversation(): V1ConversationWriter {
	const c = new V1ConversationWriter(path.join(root, 'conversations'), new Date('2026-11-30T10:00:00Z'));
	c.writeBaseState('finished');
	c.system();
	c.user('Profile the todo list.');
	c.add('environment', 'MessageEvent', {llm_message: {role: 'user', content: [{type: 'text', text: 'Stop-hook feedback: profile first.'}]}});
	for (let i = 0; i < 123; i++) {
		c.advance(1000);
		c.tool('terminal', {command: `echo ${i}`}, String(i), {command: `echo ${i}`, kind: 'TerminalAction'});
	}
	c.add('agent', 'MessageEvent', {llm_message: {role: 'assistant', content: [{type: 'text', text: 'Done.'}]}, llm_response_id: 'r-last'});
	return c;
}

describe('agent server over REST', () => {
	it('check-session URL: every page of events is read and the server\'s SDK version picks the rules', async () => {
		const c = bigConversation();
		const server = await startSimAgentServer(path.join(root, 'conversations'), {sdkVersion: '1.25.0', apiKey: 'k-123'});
		process.env['STACKDECK_TEST_OH_KEY'] = 'k-123';
		try {
			const r = await checkSession(server.url, '--json', '--key-env', 'STACKDECK_TEST_OH_KEY');
			expect(r.code, r.stderr).toBe(1);
			const s = r.json!.sessions[0] as unknown as {id: string; sdkRules: string; messages: Array<{role: string; eventIds: number[]}>; findings: Array<{rule: string; eventIds: number[]}>};
			expect(s.id).toBe(c.id);
			expect(s.messages).toHaveLength(1 + 2 + 123 * 2 + 1);
			expect(server.requests.filter(p => p.endsWith('/events/search')).length).toBe(3);
			// SDK 1.25.0 (from /server_info) sends the task and the nudge apart.
			expect(s.sdkRules).toContain("SDK 1.25.0 (the server's /server_info)");
			expect(s.findings.find(f => f.rule === 'strict-alternation')!.eventIds).toEqual([1, 2]);
		} finally {
			delete process.env['STACKDECK_TEST_OH_KEY'];
			await server.stop();
		}
	});

	it('without the key the server refuses and check-session says which setting gives it (exit 2)', async () => {
		const server = await startSimAgentServer(path.join(root, 'conversations'), {sdkVersion: '1.26.0', apiKey: 'k-123'});
		try {
			const r = await checkSession(server.url, '--json');
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('HTTP 401');
			expect(r.stderr).toContain('server_key_env');
		} finally {
			await server.stop();
		}
	});

	it('a live conversation: the next scan asks only from the last timestamp and adds the new events', async () => {
		const c = new V1ConversationWriter(path.join(root, 'live', 'conversations'), new Date('2026-11-30T12:00:00Z'));
		c.writeBaseState('running');
		c.system();
		c.user('Go.');
		const server = await startSimAgentServer(path.join(root, 'live', 'conversations'), {sdkVersion: '1.26.0'});
		try {
			const reader = new RestConversationReader(new OpenHandsServer({url: server.url}), c.id);
			expect((await reader.scan()).events.map(e => e.kind)).toEqual(['SystemPromptEvent', 'MessageEvent']);
			expect((await reader.scan()).changed).toBe(false);
			c.advance(5000);
			c.tool('terminal', {command: 'ls'}, 'a.ts', {command: 'ls', kind: 'TerminalAction'});
			const next = await reader.scan();
			expect(next.changed).toBe(true);
			expect(next.events.map(e => e.kind)).toEqual(['SystemPromptEvent', 'MessageEvent', 'ActionEvent', 'ObservationEvent']);
		} finally {
			await server.stop();
		}
	});
});

describe('Sessions panel source with [openhands] server_url', () => {
	it('lists the server\'s conversations, checks them with its SDK version, tails the open one on the tick, shows an event', async () => {
		const c = new V1ConversationWriter(path.join(root, 'panel', 'conversations'), new Date('2026-11-30T13:00:00Z'));
		c.writeBaseState('running');
		c.system();
		c.user('Count the routes.');
		const server = await startSimAgentServer(path.join(root, 'panel', 'conversations'), {sdkVersion: '1.26.0', apiKey: 'k-9'});
		const config = defaultConfig();
		config.openhands = {...config.openhands, server_url: server.url, server_key_env: 'OH_KEY'};
		const store = createAppStore();
		const source = createOpenhandsSource({store, config, refreshMs: 1000, env: {HOME: path.join(root, 'panel', 'nohome'), OH_KEY: 'k-9'}, host: localHost()}, 200);
		await source.start?.();
		try {
			await source.poll?.();
			const row = store.getState().sessions.sessions.find(r => r.id === c.id)!;
			expect(row).toMatchObject({model: 'openai/mistral-small-4', agentState: 'running', findings: 0, title: 'Count the routes.'});
			expect(row.rulesNote).toContain("SDK 1.26.0 (the server's /server_info)");
			update(store, 'sessions', s => openSelected({...s, cursor: s.sessions.findIndex(r => r.id === c.id)}));
			const until = async (what: string, ok: () => boolean) => {
				for (let i = 0; i < 200 && !ok(); i++) await new Promise(r => setTimeout(r, 25));
				expect(ok(), what).toBe(true);
			};
			await until('events', () => store.getState().sessions.open?.rows.length === 2);
			c.advance(1000);
			c.tool('finish', {message: 'Three.'}, 'Three.', {message: 'Three.', kind: 'FinishAction'});
			c.user('And the users routes?');
			await source.poll?.();
			await until('tail', () => store.getState().sessions.open?.rows.length === 5);
			const open = store.getState().sessions.open!;
			expect(open.rows.map(r => r.role)).toEqual(['system', 'user', 'assistant+tc', 'tool', 'user']);
			expect(open.findings.map(f => f.rule)).toContain('mistral-order');
			update(store, 'sessions', s => openDetail({...s, open: {...s.open!, cursor: 4}}));
			await until('detail', () => (store.getState().sessions.detail?.lines.length ?? 0) > 0);
			expect(store.getState().sessions.detail!.lines.join('\n')).toContain('And the users routes?');
		} finally {
			await source.stop?.();
			await server.stop();
		}
	});
});
