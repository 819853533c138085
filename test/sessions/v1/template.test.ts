// The chat template family read from the engine the agent calls (llama.cpp exposes its template at
// GET /props): the strict-alternation finding follows it without the user saying which it is.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {templateFamilyOf} from '../../../source/domain/openhands/template-family.js';
import {EngineTemplates} from '../../../source/sources/openhands/v1/engine-template.js';
import {V1ConversationWriter} from '../../../source/sim/openhands/v1-conversation.js';
import {defaultConfig} from '../../../source/config/schema.js';
import {createAppStore} from '../../../source/store/index.js';
import {createOpenhandsSource} from '../../../source/sources/openhands/openhands-source.js';
import {writeFileSync} from 'node:fs';
import {localHost} from '../../support/host.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-v1-template-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

// Excerpts of the two families' Jinja: a hand-written Mistral template and a mistral-common generated one.
const LEGACY = "{%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{- raise_exception('After the optional system message, conversation roles must alternate user/assistant/user/assistant/...') }}{%- endif %}";
const GENERATED = "{%- if message['role'] == 'user' and prev_role == 'tool' %}{{- raise_exception(\"Unexpected role '\" + message['role'] + \"' after role '\" + prev_role + \"'\") }}{%- endif %}";

async function llamaServer(template: string): Promise<{url: string; stop(): Promise<void>}> {
	const server = http.createServer((req, res) => {
		res.writeHead(req.url === '/props' ? 200 : 404, {'content-type': 'application/json'});
		res.end(req.url === '/props' ? JSON.stringify({chat_template: template, total_slots: 1}) : '{}');
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => new Promise(r => server.close(() => r()))};
}

describe('chat template family', () => {
	it('is told apart from the template text', () => {
		expect(templateFamilyOf(LEGACY)).toBe('legacy');
		expect(templateFamilyOf(GENERATED)).toBe('generated');
		expect(templateFamilyOf('{{ messages }}')).toBeNull();
	});

	it('is read from the engine the conversation calls, and decides the strict-alternation finding', async () => {
		for (const [template, flagged] of [[LEGACY, true], [GENERATED, false]] as const) {
			const engine = await llamaServer(template);
			try {
				expect(await new EngineTemplates().familyAt(`${engine.url}/v1`)).toBe(flagged ? 'legacy' : 'generated');
				const home = mkdtempSync(path.join(root, 'home-'));
				const c = new V1ConversationWriter(path.join(home, '.openhands', 'conversations'), new Date());
				c.system();
				c.user('Count the routes.');
				c.add('environment', 'MessageEvent', {llm_message: {role: 'user', content: [{type: 'text', text: 'Stop-hook feedback.'}]}});
				writeFileSync(path.join(c.dir, 'base_state.json'), JSON.stringify({id: c.id, agent: {llm: {model: 'openai/mistral', base_url: `${engine.url}/v1`}, kind: 'Agent'}, execution_status: 'idle'}));
				const config = defaultConfig();
				config.openhands = {...config.openhands, sdk_version: '1.25.0'};
				const store = createAppStore();
				const source = createOpenhandsSource({store, config, refreshMs: 1000, env: {HOME: home}, host: localHost()}, 200);
				await source.start?.();
				try {
					await source.poll?.();
					const row = store.getState().sessions.sessions[0]!;
					expect(row.rules.includes('strict-alternation'), template.slice(0, 20)).toBe(flagged);
					expect(row.rulesNote).toContain(flagged ? 'legacy chat template' : 'generated chat template');
				} finally {
					await source.stop?.();
				}
			} finally {
				await engine.stop();
			}
		}
	});
});
