// Conformance on the real OpenHands data in ../shared/fixtures/openhands (skipped with a notice when absent).
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {FIXTURES, HAVE_FIXTURES, noticeMissingFixtures} from '../support/paths.js';
import {checkSession} from './helpers.js';

noticeMissingFixtures('OpenHands session');
const OH = path.join(FIXTURES, 'openhands');
const SESSION = '63b4315947a049e2b7a51249b3d4fcc3';

describe.skipIf(!HAVE_FIXTURES)('real OpenHands data', () => {
	it('0.48.0 session: strict-alternation on the first turn (user #4, recall user #7) and empty-assistant on the finish #12', async () => {
		const r = await checkSession(path.join(OH, 'v0-file-store-0.48.0', 'sessions', SESSION), '--json');
		expect(r.code).toBe(1);
		const session = r.json!.sessions[0]!;
		expect(session.id).toBe(SESSION);
		expect(session.roles.map(x => `${x.role}#${x.eventId}`)).toEqual(['system#1', 'user#4', 'user#7', 'assistant+tc#8', 'tool#9', 'assistant+tc#10', 'tool#11', 'assistant#12']);
		const strict = session.findings.find(f => f.rule === 'strict-alternation')!;
		expect(strict.eventIds).toEqual([4, 7]);
		expect(strict.servers).toEqual(expect.arrayContaining(['sglang', 'vllm-hf', 'llama.cpp']));
		expect(strict.message).toContain('conversation roles must alternate');
		expect(strict.fix).toContain('enable_prompt_extensions = false');
		const empty = session.findings.find(f => f.rule === 'empty-assistant')!;
		expect(empty.eventIds).toEqual([12]);
		expect(empty.message).toContain('Assistant message must have either content or tool_calls');
		expect(session.findings.some(f => f.rule === 'mistral-order')).toBe(false);
	});

	it('the whole 0.48.0 state folder lists both sessions; the idle one has no findings', async () => {
		const r = await checkSession(path.join(OH, 'v0-file-store-0.48.0'), '--json');
		expect(r.json!.sessions.map(s => s.id).sort()).toEqual(['3396c6f9bc024b81ad9bd57d9b9a6768', SESSION]);
		expect(r.json!.sessions.find(s => s.id.startsWith('3396'))!.findings).toEqual([]);
	});

	it('strict rules only: the 0.48.0 session fails, as a SGLang server would', async () => {
		const r = await checkSession(path.join(OH, 'v0-file-store-0.48.0', 'sessions', SESSION), '--json', '--rules', 'strict');
		expect(r.json!.sessions[0]!.findings.map(f => f.rule)).toEqual(['strict-alternation']);
	});

	it.each(['several_calls', 'parallel_calls', 'get_weather_full', 'no_tools'])('mistral-common sample %s: no findings, exit 0', async name => {
		const r = await checkSession(path.join(OH, 'mistral-common-valid-requests', `${name}.sample.json`), '--json');
		expect(r.json!.sessions[0]!.findings).toEqual([]);
		expect(r.code).toBe(0);
	});

	it('trajectory basic_interactions: alternating user/assistant, the empty finish flagged', async () => {
		const r = await checkSession(path.join(OH, 'v0-trajectories', 'basic_interactions.json'), '--json');
		const s = r.json!.sessions[0]!;
		expect(s.roles.map(x => x.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
		expect(s.findings.map(f => f.rule)).toEqual(['empty-assistant']);
		expect(s.findings[0]!.eventIds).toEqual([15]);
	});

	it('trajectory basic_gui_mode: no ordering finding; Anthropic-style tool ids flagged for the hosted API only', async () => {
		const r = await checkSession(path.join(OH, 'v0-trajectories', 'basic_gui_mode.json'), '--json');
		const s = r.json!.sessions[0]!;
		expect(s.findings.map(f => f.rule)).toEqual(['tool-call-id']);
		expect(s.findings[0]!.servers).toEqual(['mistral-api']);
	});

	it('V1 SDK completion logs are read as message lists', async () => {
		const r = await checkSession(path.join(OH, 'v1-sdk-llm-completion-logs', 'nonfncall', 'litellm_proxy__deepseek__deepseek-chat-1757015076.651.json'), '--json');
		expect(r.code).toBe(0);
		expect(r.json!.sessions[0]!.roles[0]!.role).toBe('system');
	});
});
