// Each V1 rule (and the V1 rebuild's version and layout choices) on conversations the test writes in
// the shapes software-agent-sdk persists: base_state.json + events/event-NNNNN-<uuid>.json, or the
// app server's v1/events/<conversation>/<time>_<Kind>_<hex> copies.
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {randomUUID} from 'node:crypto';
import {afterAll, describe, expect, it} from 'vitest';
import {V1ConversationWriter} from '../../../source/sim/openhands/v1-conversation.js';
import {OWN, checkSession} from '../helpers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-v1-rules-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

interface S {
	messages: Array<{role: string; eventIds: number[]; toolCalls: number; hasText: boolean}>;
	findings: Array<{rule: string; eventIds: number[]; servers: string[]; message: string; fix: string}>;
	sdkRules: string;
}

function conversation(): V1ConversationWriter {
	const c = new V1ConversationWriter(path.join(root, 'conversations'), new Date('2026-11-30T10:00:00Z'));
	c.writeBaseState('running');
	c.system();
	c.user('Fix the failing test.');
	return c;
}

function call(c: V1ConversationWriter, args: string, thought = '', responseId = `chatcmpl-${randomUUID()}`, callId = 'aB3dE5fG7'): void {
	c.add('agent', 'ActionEvent', {
		thought: thought ? [{cache_prompt: false, type: 'text', text: thought}] : [],
		thinking_blocks: [],
		...(args.startsWith('{') && isJson(args) ? {action: {command: 'ls', kind: 'TerminalAction'}} : {}),
		tool_name: 'terminal',
		tool_call_id: callId,
		tool_call: {id: callId, name: 'terminal', arguments: args, origin: 'completion'},
		llm_response_id: responseId,
		security_risk: 'LOW',
	});
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

async function check(dir: string, ...args: string[]): Promise<{code: number; s: S}> {
	const r = await checkSession(dir, '--json', ...args);
	return {code: r.code, s: r.json!.sessions[0] as unknown as S};
}

describe('V1 rules on persisted V1 events', () => {
	it('tool-args-json: a call with arguments cut short is replayed and named with llama-server and vLLM words', async () => {
		const c = conversation();
		call(c, '{"command": "str_replace", "path": "src/a.ts", "old_str": "unterminat');
		c.add('agent', 'AgentErrorEvent', {tool_name: 'terminal', tool_call_id: 'aB3dE5fG7', error: 'Error validating args {"command": ... for tool \'terminal\': Unterminated string'});
		c.user('Try again.');
		const {code, s} = await check(c.dir);
		expect(code).toBe(1);
		const f = s.findings.find(x => x.rule === 'tool-args-json')!;
		expect(f.eventIds).toEqual([2]);
		expect(f.servers).toEqual(['llama.cpp', 'vllm-hf']);
		expect(f.message).toContain('Failed to parse tool call arguments as JSON');
		expect(f.message).toContain('JSONDecodeError');
		// The agent error is the call's tool result.
		expect(s.messages.map(m => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'user']);
	});

	it('tool-args-json: valid arguments give no finding', async () => {
		const c = conversation();
		call(c, '{"command": "ls"}');
		c.add('environment', 'ObservationEvent', {tool_name: 'terminal', tool_call_id: 'aB3dE5fG7', observation: {content: [{type: 'text', text: 'a.ts'}], is_error: false, kind: 'TerminalObservation'}, action_id: 'x'});
		const {s} = await check(c.dir);
		expect(s.findings.map(f => f.rule)).not.toContain('tool-args-json');
	});

	it('content-and-tool-calls: a thought with the call is rejected by v1-v3 tokenizers only', async () => {
		const c = conversation();
		call(c, '{"command": "ls"}', 'Let me look at the files first.');
		c.add('environment', 'ObservationEvent', {tool_name: 'terminal', tool_call_id: 'aB3dE5fG7', observation: {content: [{type: 'text', text: 'a.ts'}], is_error: false, kind: 'TerminalObservation'}, action_id: 'x'});
		const {s} = await check(c.dir);
		const f = s.findings.find(x => x.rule === 'content-and-tool-calls')!;
		expect(f.eventIds).toEqual([2]);
		expect(f.servers).toEqual(['vllm-mistral-v3']);
		expect(f.message).toContain('but not both');
		expect(s.messages[2]).toMatchObject({role: 'assistant', toolCalls: 1, hasText: true});
	});

	it('error-reason: a ConversationErrorEvent with the server\'s BadRequest text is the finding it proves', async () => {
		const c = conversation();
		c.add('environment', 'ConversationErrorEvent', {code: 'LLMBadRequestError', detail: 'litellm.BadRequestError: Hosted_vllmException - After the optional system message, conversation roles must alternate user/assistant/user/assistant/...'});
		const {s} = await check(c.dir);
		const f = s.findings.find(x => x.rule === 'error-reason')!;
		expect(f.eventIds).toEqual([2]);
		expect(f.servers).toEqual(['sglang', 'vllm-hf', 'llama.cpp']);
		expect(f.message).toContain('LLMBadRequestError');
		expect(f.message).toContain('roles must alternate');
		// Not sent: the error event is no message.
		expect(s.messages.map(m => m.role)).toEqual(['system', 'user']);
	});

	it('error-reason: an agent error with llama-server\'s parse error', async () => {
		const c = conversation();
		c.add('agent', 'AgentErrorEvent', {tool_name: 'terminal', tool_call_id: 'aB3dE5fG7', error: 'litellm.InternalServerError: Failed to parse tool call arguments as JSON: unexpected end of input'});
		const {s} = await check(c.dir);
		expect(s.findings.find(x => x.rule === 'error-reason')).toMatchObject({eventIds: [2], servers: ['llama.cpp']});
	});

	it('empty-assistant: an empty response persisted as a MessageEvent, with each server\'s words', async () => {
		const c = conversation();
		c.add('agent', 'MessageEvent', {llm_message: {role: 'assistant', content: [], thinking_blocks: []}, llm_response_id: 'chatcmpl-1', activated_skills: [], extended_content: []});
		c.add('environment', 'MessageEvent', {llm_message: {role: 'user', content: [{type: 'text', text: 'Your last response did not include a function call or a message.'}], thinking_blocks: []}, activated_skills: [], extended_content: []});
		const {s} = await check(c.dir);
		const f = s.findings.find(x => x.rule === 'empty-assistant')!;
		expect(f.eventIds).toEqual([2]);
		expect(f.message).toContain('but not none.');
		expect(f.message).toContain('Invalid assistant message');
		expect(f.message).toContain('Assistant message must have a string or a list of chunks in content or a list of tool calls.');
		expect(f.servers).toEqual(expect.arrayContaining(['mistral-api', 'vllm-mistral', 'sglang', 'llama.cpp']));
		// A hand-written template renders it: those servers are not named.
		const legacy = await check(c.dir, '--template', 'legacy');
		expect(legacy.s.findings.find(x => x.rule === 'empty-assistant')!.servers).not.toContain('sglang');
	});

	it('SDK version: adjacent user messages are merged from 1.26.0, sent apart before; the rules applied are named', async () => {
		const c = conversation();
		c.add('environment', 'MessageEvent', {llm_message: {role: 'user', content: [{type: 'text', text: 'Stop-hook feedback: tests still fail.'}], thinking_blocks: []}, activated_skills: [], extended_content: []});
		c.add('agent', 'MessageEvent', {llm_message: {role: 'assistant', content: [{type: 'text', text: 'On it.'}], thinking_blocks: []}, llm_response_id: 'chatcmpl-2', activated_skills: [], extended_content: []});
		const now = await check(c.dir);
		expect(now.s.messages.map(m => [m.role, m.eventIds])).toEqual([['system', [0]], ['user', [1, 2]], ['assistant', [3]]]);
		expect(now.s.findings.map(f => f.rule)).not.toContain('strict-alternation');
		expect(now.s.sdkRules).toContain('SDK version not recorded');
		const old = await check(c.dir, '--sdk-version', '1.25.0');
		expect(old.s.messages.map(m => m.role)).toEqual(['system', 'user', 'user', 'assistant']);
		expect(old.s.findings.find(f => f.rule === 'strict-alternation')!.eventIds).toEqual([1, 2]);
		expect(old.s.sdkRules).toContain('SDK 1.25.0 (--sdk-version)');
	});

	it('native tool calling off: tool results go as user text, after the merge', async () => {
		const c = conversation();
		const base = path.join(c.dir, 'base_state.json');
		writeFileSync(base, JSON.stringify({id: c.id, agent: {llm: {model: 'openai/devstral', native_tool_calling: false}, kind: 'Agent'}, execution_status: 'running'}));
		call(c, '{"command": "ls"}');
		c.add('environment', 'ObservationEvent', {tool_name: 'terminal', tool_call_id: 'aB3dE5fG7', observation: {content: [{type: 'text', text: 'a.ts'}], is_error: false, kind: 'TerminalObservation'}, action_id: 'x'});
		c.user('Now run the tests.');
		const {s} = await check(c.dir);
		expect(s.messages.map(m => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'user']);
		expect(s.messages[2]!.toolCalls).toBe(0);
	});

	it('Condensation: forgotten events leave, the summary goes in as user at its offset', async () => {
		const c = conversation();
		call(c, '{"command": "ls"}', '', 'r1', 'aaaaaaaa1');
		c.add('environment', 'ObservationEvent', {tool_name: 'terminal', tool_call_id: 'aaaaaaaa1', observation: {content: [{type: 'text', text: 'a.ts'}], is_error: false, kind: 'TerminalObservation'}, action_id: 'x'});
		call(c, '{"command": "cat a.ts"}', '', 'r2', 'aaaaaaaa2');
		c.add('environment', 'ObservationEvent', {tool_name: 'terminal', tool_call_id: 'aaaaaaaa2', observation: {content: [{type: 'text', text: 'x'}], is_error: false, kind: 'TerminalObservation'}, action_id: 'y'});
		const events = readdirSync(path.join(c.dir, 'events')).filter(n => n.startsWith('event-')).sort();
		const uuid = (n: string) => n.slice('event-00000-'.length, -'.json'.length);
		c.add('agent', 'Condensation', {forgotten_event_ids: [uuid(events[2]!), uuid(events[3]!)], summary: 'Listed the files.', summary_offset: 2, llm_response_id: 'r3'});
		// SDK >= 1.26 merges the summary into the task right before it; older SDKs send it apart.
		const {s} = await check(c.dir);
		expect(s.messages.map(m => [m.role, m.eventIds])).toEqual([['system', [0]], ['user', [1, 6]], ['assistant', [4]], ['tool', [5]]]);
		const old = await check(c.dir, '--sdk-version', '1.25.0');
		expect(old.s.messages.map(m => [m.role, m.eventIds[0]])).toEqual([['system', 0], ['user', 1], ['user', 6], ['assistant', 4], ['tool', 5]]);
	});

	it('active branch: only the path from leaf_event_id to the root is sent', async () => {
		const c = conversation();
		const a = c.add('agent', 'MessageEvent', {parent_id: c.lastEventId, llm_message: {role: 'assistant', content: [{type: 'text', text: 'first answer'}]}});
		c.add('user', 'MessageEvent', {parent_id: a, llm_message: {role: 'user', content: [{type: 'text', text: 'abandoned branch'}]}});
		const fork = c.add('agent', 'MessageEvent', {parent_id: a, llm_message: {role: 'assistant', content: [{type: 'text', text: 'other branch'}]}});
		const base = path.join(c.dir, 'base_state.json');
		writeFileSync(base, JSON.stringify({id: c.id, agent: {llm: {model: 'openai/x'}, kind: 'Agent'}, execution_status: 'idle', leaf_event_id: fork}));
		const {s} = await check(c.dir);
		// user #3 is off the branch: assistant #2 then assistant #4, which last-role reports.
		expect(s.messages.map(m => [m.role, m.eventIds[0]])).toEqual([['system', 0], ['user', 1], ['assistant', 2], ['assistant', 4]]);
	});

	it('app server copies: v1/events/<conversation>/<time>_<Kind>_<hex>, ordered by timestamp not by name', async () => {
		const conv = randomUUID();
		const dir = path.join(root, 'app', 'v1', 'events', conv);
		mkdirSync(dir, {recursive: true});
		const write = (ts: string, kind: string, body: Record<string, unknown>) => {
			const id = randomUUID();
			const event = {id, timestamp: ts, source: body['source'] ?? 'agent', ...body, kind};
			writeFileSync(path.join(dir, `${ts.slice(0, 19).replace(/[-T:]/g, '')}_${kind}_${id.replace(/-/g, '')}`), JSON.stringify(event, null, 2));
		};
		// Same second: by name ObservationEvent sorts before the ActionEvent it answers.
		write('2026-11-30T10:00:00.100000', 'SystemPromptEvent', {system_prompt: {type: 'text', text: 'sys'}, tools: []});
		write('2026-11-30T10:00:01.100000', 'MessageEvent', {source: 'user', llm_message: {role: 'user', content: [{type: 'text', text: 'hi'}]}});
		write('2026-11-30T10:00:02.100000', 'ActionEvent', {thought: [], tool_name: 'terminal', tool_call_id: 'c1', tool_call: {id: 'c1', name: 'terminal', arguments: '{}'}, llm_response_id: 'r', action: {kind: 'TerminalAction'}});
		write('2026-11-30T10:00:02.900000', 'ObservationEvent', {source: 'environment', tool_name: 'terminal', tool_call_id: 'c1', observation: {content: [{type: 'text', text: 'ok'}], is_error: false}});
		const {s} = await check(path.join(root, 'app'));
		expect(s.messages.map(m => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
	});
});

describe('inputs that are no session', () => {
	it('a list of events with no ids, sources or extras is unrecognised: exit 2, nothing checked', async () => {
		const file = path.join(root, 'resolver-output.json');
		writeFileSync(file, JSON.stringify([{action: 'message', args: {content: 'fix it'}}, {action: 'message', args: {content: 'fix it again'}}]));
		const r = await checkSession(file, '--json');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('not a session in any known format');
		expect(r.stdout).toBe('');
	});
});

describe('check-session --json: the rebuilt request', () => {
	it('a V0 session gets the messages too: role, events, tool calls, text', async () => {
		const r = await checkSession(path.join(OWN, 'state', 'sessions', '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f'), '--json');
		const s = r.json!.sessions[0] as unknown as S & {format: string; roles: Array<{eventId: number; role: string}>};
		expect(s.format).toBe('v0');
		// One message per sent role, pointing at the same events.
		expect(s.messages.map(m => (m.toolCalls > 0 ? 'assistant+tc' : m.role))).toEqual(s.roles.map(x => x.role));
		expect(s.messages.map(m => m.eventIds[0])).toEqual(s.roles.map(x => x.eventId));
		expect(s.messages[0]).toMatchObject({role: 'system', hasText: true, toolCalls: 0});
	});
});

describe('event folder contents that are no event file', () => {
	it('a FIFO named like an event is reported, never opened (the read would block)', async () => {
		const {execFileSync} = await import('node:child_process');
		const c = conversation();
		execFileSync('mkfifo', [path.join(c.dir, 'events', 'event-00002-0f0f0f0f-0000-4000-8000-000000000002.json')]);
		const r = await checkSession(c.dir, '--json');
		const s = r.json!.sessions[0] as unknown as S & {problems: string[]};
		expect(s.messages.map(m => m.role)).toEqual(['system', 'user']);
		expect(s.problems.join('\n')).toContain('not a regular file');
	});
});
