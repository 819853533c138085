// Every rule on the project's own fixtures (real OpenHands formats), failing and passing cases.
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkSession, OWN} from './helpers.js';

const f = (name: string) => path.join(OWN, name);
const SID_EXT = '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f';
const SID_CLEAN = '0a0b0c0d0e0f40418283848586878889';

describe('strict-alternation', () => {
	it('fails at the recall observation that follows the first user message, with the prompt-extensions fix', async () => {
		const r = await checkSession(f('state'), '--json');
		expect(r.code).toBe(1);
		const s = r.json!.sessions.find(x => x.id === SID_EXT)!;
		expect(s.roles.map(x => `${x.role}#${x.eventId}`)).toEqual(['system#1', 'user#3', 'user#6', 'assistant+tc#7', 'tool#8', 'assistant#9']);
		expect(s.findings).toHaveLength(1);
		expect(s.findings[0]).toMatchObject({rule: 'strict-alternation', eventIds: [3, 6]});
		expect(s.findings[0]!.fix).toContain('[agent] enable_prompt_extensions = false');
		expect(s.findings[0]!.fix).toContain('Cost:');
	});

	it('passes with prompt extensions off: the recall observation is not sent', async () => {
		const r = await checkSession(f('state'), '--json', '--prompt-extensions', 'off');
		expect(r.code).toBe(0);
		expect(r.json!.sessions.find(x => x.id === SID_EXT)!.roles.map(x => x.eventId)).not.toContain(6);
	});

	it('passes on a session that alternates (tool turns and assistant tool calls set aside)', async () => {
		const r = await checkSession(path.join(OWN, 'state', 'sessions', SID_CLEAN), '--json');
		expect(r.code).toBe(0);
		expect(r.json!.sessions[0]!.findings).toEqual([]);
	});

	it('an error observation without tool-call metadata becomes a user turn; merge fix, not the config fix', async () => {
		const r = await checkSession(f('eval-output.jsonl'), '--json', '--rules', 'strict');
		const s = r.json!.sessions[0]!;
		expect(s.id).toBe('demo__repo-1');
		expect(s.roles.find(x => x.eventId === 7)!.role).toBe('user');
		expect(s.findings[0]).toMatchObject({rule: 'strict-alternation', eventIds: [2, 7]});
		expect(s.findings[0]!.fix).not.toContain('enable_prompt_extensions');
	});

	it('a knowledge recall (microagent) is a user turn when prompt extensions are on', async () => {
		const r = await checkSession(f('trajectory-error-reason.json'), '--json');
		const s = r.json!.sessions[0]!;
		expect(s.roles.map(x => `${x.role}#${x.eventId}`)).toEqual(['system#1', 'user#2', 'user#4']);
		expect(s.findings.find(x => x.rule === 'strict-alternation')!.eventIds).toEqual([2, 4]);
	});
});

describe('mistral-order', () => {
	it('tool → user (error observation after a tool result): rejected by mistral-common <= 1.11.0, with the exact text', async () => {
		const r = await checkSession(f('eval-output.jsonl'), '--json', '--rules', 'mistral');
		const m = r.json!.sessions[0]!.findings.find(x => x.rule === 'mistral-order')!;
		expect(m.eventIds).toEqual([6, 7]);
		expect(m.message).toContain("Unexpected role 'user' after role 'tool'");
		expect(m.message).toContain('1.11.0');
		expect(m.fix).toContain('mistral-common>=1.11.1');
	});

	it('system after assistant and tool after user are rejected', async () => {
		const a = await checkSession(f('completion-system-after-assistant.json'), '--json', '--rules', 'mistral');
		expect(a.json!.sessions[0]!.findings[0]!.message).toContain("Unexpected role 'system' after role 'assistant'");
		const b = await checkSession(f('completion-tool-after-user.json'), '--json', '--rules', 'mistral');
		expect(b.json!.sessions[0]!.findings[0]!.message).toContain("Unexpected role 'tool' after role 'user'");
	});

	it('consecutive user turns pass mistral-common (it merges them)', async () => {
		const r = await checkSession(path.join(OWN, 'state', 'sessions', SID_EXT), '--json', '--rules', 'mistral');
		expect(r.code).toBe(0);
	});
});

describe('last-role, empty-assistant, tool-call-id, error-reason', () => {
	it('last-role: a request ending with an assistant turn (log) and an agent step after an assistant turn (events)', async () => {
		const log = await checkSession(f('completion-last-role.json'), '--json');
		expect(log.json!.sessions[0]!.findings.map(x => [x.rule, x.eventIds])).toEqual([['last-role', [2]]]);
		expect(log.json!.sessions[0]!.findings[0]!.message).toContain('Expected last role User or Tool');
		const events = await checkSession(f('trajectory-last-role.json'), '--json');
		expect(events.json!.sessions[0]!.findings.map(x => [x.rule, x.eventIds])).toEqual([['last-role', [3, 4]]]);
	});

	it('empty-assistant: flagged for an empty assistant text, not for a finish with a thought', async () => {
		const bad = await checkSession(f('completion-empty-assistant.json'), '--json');
		expect(bad.json!.sessions[0]!.findings.map(x => [x.rule, x.eventIds])).toEqual([['empty-assistant', [2]]]);
		const good = await checkSession(path.join(OWN, 'state', 'sessions', SID_CLEAN), '--json', '--rules', 'mistral');
		expect(good.json!.sessions[0]!.findings).toEqual([]);
	});

	it('tool-call-id: short ids fail on vLLM mistral mode and the API; 9-character ids pass', async () => {
		const bad = await checkSession(f('completion-tool-call-id.json'), '--json');
		const finding = bad.json!.sessions[0]!.findings[0]!;
		expect(finding).toMatchObject({rule: 'tool-call-id', eventIds: [2, 3], servers: ['vllm-mistral', 'mistral-api']});
		expect(finding.message).toContain('Tool call id was call_01 but must be a-z, A-Z, 0-9, with a length of 9.');
		const good = await checkSession(f('completion-clean.json'), '--json');
		expect(good.code).toBe(0);
	});

	it('error-reason: an agent error whose reason is a known rejection', async () => {
		const r = await checkSession(f('trajectory-error-reason.json'), '--json');
		const e = r.json!.sessions[0]!.findings.find(x => x.rule === 'error-reason')!;
		expect(e.eventIds).toEqual([5]);
		expect(e.servers).toContain('sglang');
		expect(e.message).toContain('roles must alternate');
	});

	it('text output names each finding, the servers and the fix', async () => {
		const r = await checkSession(f('state'));
		expect(r.code).toBe(1);
		expect(r.stdout).toContain('✗ strict-alternation at #3, #6');
		expect(r.stdout).toContain('SGLang');
		expect(r.stdout).toContain('fix: In the OpenHands config.toml');
		expect(r.stdout).toContain('2 session(s), 1 finding(s)');
	});
});
