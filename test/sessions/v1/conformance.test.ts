// Every real V1 conversation in ../shared/fixtures/openhands/v1-conversations (skipped with a notice
// when absent): the rebuilt request equals what the SDK sent where its completion logs record it,
// and the role sequences SOURCES.md writes down for each conversation.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {FIXTURES, HAVE_FIXTURES, noticeMissingFixtures} from '../../support/paths.js';
import {checkSession} from '../helpers.js';

noticeMissingFixtures('OpenHands V1 conversation');
const V1 = path.join(FIXTURES, 'openhands', 'v1-conversations');

interface Sent {
	role: string;
	eventIds: number[];
	toolCalls: number;
	hasText: boolean;
}
interface V1Session {
	id: string;
	format: string;
	model: string | null;
	sdkRules: string;
	messages: Sent[];
	findings: Array<{rule: string; eventIds: number[]; servers: string[]; message: string}>;
}

async function session(...args: string[]): Promise<V1Session> {
	const r = await checkSession(...args, '--json');
	expect(r.code, r.stderr).not.toBe(2);
	return r.json!.sessions[0] as unknown as V1Session;
}

/** SOURCES.md's role words → what the message list must hold. */
function expected(words: string): Array<{role: string; toolCalls: boolean; hasText?: boolean}> {
	return words.replace(/\(no text\)/g, '(no-text)').split(/\s+/).map(w => {
		const noText = w.endsWith('(no-text)');
		const bare = w.replace('(no-text)', '');
		return bare === 'assistant+tc' ? {role: 'assistant', toolCalls: true, ...(noText ? {hasText: false} : {})} : {role: bare, toolCalls: false};
	});
}

/** "folder → roles" from SOURCES.md: each section's **Roles:** line and the CLI table's last column. */
function rolesFromSources(): Map<string, string> {
	const text = HAVE_FIXTURES ? readFileSync(path.join(V1, 'SOURCES.md'), 'utf8') : '';
	const out = new Map<string, string>();
	for (const section of text.split(/^## \d+\. /m).slice(1)) {
		const folder = /^`([^`/]+)\//.exec(section)?.[1];
		const roles = /\*\*Roles:\*\* `([^`]+)`/.exec(section)?.[1];
		if (folder && roles) out.set(folder, roles);
		for (const row of section.matchAll(/^\| `([^`/]+)\/events\/` \|.*\| `([^`]+)` \|$/gm)) out.set(row[1]!, row[2]!);
	}
	return out;
}

const roles = rolesFromSources();
const shape = (m: Sent) => ({role: m.role, toolCalls: m.toolCalls > 0, hasText: m.hasText});

describe.skipIf(!HAVE_FIXTURES)('real OpenHands V1 conversations', () => {
	it('SOURCES.md lists roles for the six conversation folders with more than a system prompt', () => {
		expect([...roles.keys()].sort()).toEqual([
			'cli-creating-agent-plan',
			'cli-iterative-refinement-case-b',
			'cli-simple-echo-hello-world',
			'sdk-example36-gpt-4o-mini-cd945624',
			'sdk-local-plugin-testllm-00000203',
			'sdk-restore-probe-stubllm-3fdb3160',
		].sort());
	});

	it.each([...roles.entries()])('%s: the rebuilt messages have the roles SOURCES.md writes', async (folder, words) => {
		const s = await session(path.join(V1, folder));
		expect(s.format).toBe('v1');
		const got = s.messages.map(shape);
		const want = expected(words);
		expect(got.map(m => (m.toolCalls ? 'assistant+tc' : m.role))).toEqual(want.map(m => (m.toolCalls ? 'assistant+tc' : m.role)));
		want.forEach((w, i) => {
			if (w.hasText === false) expect(got[i]!.hasText, `message ${i} has no text`).toBe(false);
		});
	});

	it('restore probe: each logged request is the start of the rebuilt list, message for message', async () => {
		const folder = path.join(V1, 'sdk-restore-probe-stubllm-3fdb3160');
		const s = await session(folder);
		for (const phase of ['a', 'b', 'c']) {
			const dir = path.join(folder, `telemetry_phase_${phase}`);
			const log = JSON.parse(readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8')) as {messages: Array<{role: string; content?: unknown; tool_calls?: unknown[]}>};
			const sent = log.messages.map(m => ({
				role: m.role,
				toolCalls: (m.tool_calls ?? []).length,
				// The SDK drops the content key of a tool-call message with no text.
				hasText: Array.isArray(m.content) ? m.content.some(p => typeof (p as {text?: string}).text === 'string' && (p as {text: string}).text.trim() !== '') : typeof m.content === 'string' && m.content.trim() !== '',
			}));
			expect(s.messages.slice(0, sent.length).map(m => ({role: m.role, toolCalls: m.toolCalls, hasText: m.hasText})), `phase ${phase}`).toEqual(sent);
		}
	});

	it('example 36 (gpt-4o-mini): user after the finish result, flagged for Mistral and the legacy templates', async () => {
		const s = await session(path.join(V1, 'sdk-example36-gpt-4o-mini-cd945624'));
		expect(s.model).toBe('openai/gpt-4o-mini');
		expect(s.sdkRules).toContain('rules of SDK >= 1.26.0 applied');
		const order = s.findings.find(f => f.rule === 'mistral-order')!;
		expect(order.eventIds).toEqual([5, 6]);
		expect(order.message).toContain("Unexpected role 'user' after role 'tool'");
		const strict = s.findings.find(f => f.rule === 'strict-alternation')!;
		expect(strict.eventIds).toEqual([1, 6]);
		expect(strict.message).toContain('Hand-written templates; mistral-common-generated ones merge repeated roles.');
		// A generated template merges the two user turns: nothing for it to reject.
		const generated = await session(path.join(V1, 'sdk-example36-gpt-4o-mini-cd945624'), '--template', 'generated');
		expect(generated.findings.some(f => f.rule === 'strict-alternation')).toBe(false);
	});

	it('creating-agent-plan (Claude): the tool turn with text is the one mistral-common v1-v3 reject', async () => {
		const s = await session(path.join(V1, 'cli-creating-agent-plan'));
		const both = s.findings.find(f => f.rule === 'content-and-tool-calls')!;
		expect(both.eventIds).toEqual([4]);
		expect(both.servers).toEqual(['vllm-mistral-v3']);
		expect(both.message).toContain('Assistant message must have either content or tool_calls, but not both.');
		expect(s.messages.find(m => m.eventIds[0] === 4)).toMatchObject({toolCalls: 1, hasText: true});
	});

	it('event dump of a gpt-4o run: parallel calls of one response are one assistant message', async () => {
		const s = await session(path.join(V1, 'event-dumps', 'benchmarks-openagentsafety-gpt-4o.state_safety-transitions.json'));
		const batches = s.messages.filter(m => m.role === 'assistant' && m.toolCalls === 2);
		expect(batches.length).toBe(3);
		for (const b of batches) {
			const at = s.messages.indexOf(b);
			expect(s.messages.slice(at + 1, at + 3).map(m => m.role)).toEqual(['tool', 'tool']);
		}
	});

	it('JSON lines dump (minimax via vLLM): read as one conversation; vLLM-style ids flagged for the Mistral API only', async () => {
		const s = await session(path.join(V1, 'event-dumps', 'sdk-goal-minimax-m2.7.events.jsonl'));
		expect(s.format).toBe('v1');
		const ids = s.findings.find(f => f.rule === 'tool-call-id')!;
		expect(ids.servers).toEqual(['mistral-api']);
	});

	it.each(['sdk-2025-09-28-early-format', 'sdk-2025-09-29-test-file-store'])('%s (Sept 2025 names): the system prompt alone, model from base_state', async folder => {
		const s = await session(path.join(V1, folder));
		expect(s.messages.map(m => m.role)).toEqual(['system']);
		expect(s.model).toMatch(/^gpt-4/);
	});

	it('a folder of conversations: every one is checked', async () => {
		const r = await checkSession(V1, '--json');
		const ids = r.json!.sessions.map(x => x.id);
		expect(ids).toEqual(expect.arrayContaining([...roles.keys()]));
	});
});
