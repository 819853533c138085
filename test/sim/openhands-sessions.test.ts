// The demo's OpenHands state is in the V0 file-store layout and format, and each session shows the
// role sequence it is there for.
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {writeDemoSessions} from '../../source/sim/openhands/demo-sessions.js';
import {FIXTURES, HAVE_FIXTURES, noticeMissingFixtures} from '../support/paths.js';
import {shape} from './helpers.js';

const stateDir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-sim-oh-'));
afterAll(() => rmSync(stateDir, {recursive: true, force: true}));
const sessions = writeDemoSessions(stateDir);
noticeMissingFixtures('OpenHands session format');

type Ev = Record<string, unknown> & {id: number; args?: Record<string, unknown>; extras?: Record<string, unknown>};

function readEvents(dir: string): {events: Ev[]; raw: string[]} {
	const names = readdirSync(path.join(dir, 'events')).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
	const raw = names.map(n => readFileSync(path.join(dir, 'events', n), 'utf8'));
	names.forEach((n, i) => expect(n).toBe(`${i}.json`));
	return {events: raw.map(r => JSON.parse(r) as Ev), raw};
}

/** V0's event -> LLM role mapping (research/openhands-events.md 3.1), enough for these sessions. */
function roles(events: Ev[]): string[] {
	const out: string[] = [];
	for (const e of events) {
		const tcm = e['tool_call_metadata'] !== undefined;
		if (e['action'] === 'system') out.push('system');
		else if (e['action'] === 'message') out.push(e['source'] === 'user' ? 'user' : 'assistant');
		else if (e['action'] === 'finish') out.push('assistant');
		else if (e['action'] && tcm) out.push('assistant+tc');
		else if (e['observation'] === 'recall' && e.extras?.['recall_type'] === 'workspace_context') out.push('user');
		else if (e['observation'] && e['observation'] !== 'agent_state_changed' && e['observation'] !== 'recall') out.push(tcm ? 'tool' : 'user');
	}
	return out;
}

const dirOf = (id: string) => path.join(stateDir, 'sessions', id);

describe('demo OpenHands sessions', () => {
	it('writes sessions/<32 hex>/metadata.json and events/<n>.json as OpenHands V0 does', () => {
		const ids = readdirSync(path.join(stateDir, 'sessions'));
		expect(ids.sort()).toEqual([sessions.clean, sessions.promptExtensions, sessions.errorAfterTool, sessions.live].sort());
		for (const id of ids) {
			expect(id).toMatch(/^[0-9a-f]{32}$/);
			const meta = JSON.parse(readFileSync(path.join(dirOf(id), 'metadata.json'), 'utf8')) as Record<string, unknown>;
			expect(meta['conversation_id']).toBe(id);
			expect(meta['last_updated_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
			const {events, raw} = readEvents(dirOf(id));
			events.forEach((e, i) => expect(e.id).toBe(i));
			for (const text of raw) {
				expect(text).toMatch(/^\{"id": \d+, "timestamp": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}", "source": "(agent|user|environment)", "message": /);
				expect(text).not.toMatch(/[^\x00-\x7f]/);
			}
			if (HAVE_FIXTURES) {
				const real = JSON.parse(readFileSync(path.join(FIXTURES, 'openhands', 'v0-file-store-0.48.0', 'sessions', '63b4315947a049e2b7a51249b3d4fcc3', 'metadata.json'), 'utf8'));
				expect(shape(meta)).toEqual(shape(real));
			}
		}
	});

	it('gives each session the role sequence it demonstrates', () => {
		expect(roles(readEvents(dirOf(sessions.clean)).events)).toEqual(['system', 'user', 'assistant+tc', 'tool', 'assistant+tc', 'tool', 'assistant']);
		expect(roles(readEvents(dirOf(sessions.promptExtensions)).events)).toEqual(['system', 'user', 'user', 'assistant+tc', 'tool', 'assistant+tc', 'tool', 'assistant']);
		const err = readEvents(dirOf(sessions.errorAfterTool)).events;
		expect(roles(err)).toEqual(['system', 'user', 'assistant+tc', 'tool', 'user', 'assistant+tc', 'tool', 'assistant']);
		const error = err.find(e => e['observation'] === 'error')!;
		expect(error).not.toHaveProperty('cause');
		expect(error).not.toHaveProperty('tool_call_metadata');
		expect(err[error.id - 1]!['observation']).toBe('run');
	});

	it('matches the real 0.48.0 events key for key where the event kinds are the same', () => {
		if (!HAVE_FIXTURES) return;
		const realDir = path.join(FIXTURES, 'openhands', 'v0-file-store-0.48.0', 'sessions', '63b4315947a049e2b7a51249b3d4fcc3');
		const real = readEvents(realDir).events;
		const ours = readEvents(dirOf(sessions.promptExtensions)).events;
		const pick = (list: Ev[], test: (e: Ev) => boolean) => list.find(test)!;
		const kinds: Array<(e: Ev) => boolean> = [
			e => e['observation'] === 'agent_state_changed',
			e => e['action'] === 'change_agent_state',
			e => e['action'] === 'message' && e['source'] === 'user',
			e => e['action'] === 'recall',
			e => e['observation'] === 'recall',
		];
		// runtime_hosts is a map of URL -> port: its keys differ per run.
		const norm = (e: Ev) => (e.extras?.['runtime_hosts'] ? {...e, extras: {...e.extras, runtime_hosts: {}}} : e);
		for (const kind of kinds) expect(shape(norm(pick(ours, kind)))).toEqual(shape(norm(pick(real, kind))));
		const system = pick(ours, e => e['action'] === 'system');
		expect(Object.keys(system.args!)).toEqual(Object.keys(pick(real, e => e['action'] === 'system').args!));
		// A tool action: same top-level key order, and the same tool_call_metadata / llm_metrics shapes.
		const ourTool = pick(ours, e => e['action'] === 'run');
		const realTool = pick(real, e => e['action'] === 'run_ipython');
		expect(Object.keys(ourTool).filter(k => k !== 'args')).toEqual(Object.keys(realTool).filter(k => k !== 'args'));
		expect(shape(ourTool['llm_metrics'])).toEqual(shape(realTool['llm_metrics']));
		const tcm = (e: Ev) => e['tool_call_metadata'] as {model_response: Record<string, unknown>};
		expect(Object.keys(tcm(ourTool))).toEqual(Object.keys(tcm(realTool)));
		expect(Object.keys(tcm(ourTool).model_response)).toEqual(Object.keys(tcm(realTool).model_response));
		const finish = pick(ours, e => e['action'] === 'finish');
		expect(Object.keys(finish.args!)).toEqual(Object.keys(pick(real, e => e['action'] === 'finish').args!));
	});

	it('grows the live session one step at a time, with metadata kept current', () => {
		const before = readEvents(dirOf(sessions.live)).events.length;
		for (let i = 0; i < 6; i++) expect(sessions.stepLive()).toBe(true);
		const after = readEvents(dirOf(sessions.live)).events;
		expect(after.length).toBeGreaterThan(before + 6);
		const meta = JSON.parse(readFileSync(path.join(dirOf(sessions.live), 'metadata.json'), 'utf8')) as {total_tokens: number};
		expect(meta.total_tokens).toBeGreaterThan(0);
		expect(roles(after).slice(0, 3)).toEqual(['system', 'user', 'user']);
	});

	it('writes an event_cache page after every 25th event: the same dicts as the event files, as json.dumps prints them', () => {
		// The live session grows past 25 events in a few steps.
		while (readEvents(dirOf(sessions.live)).events.length < 50) expect(sessions.stepLive()).toBe(true);
		const {events, raw} = readEvents(dirOf(sessions.live));
		const cache = path.join(dirOf(sessions.live), 'event_cache');
		const pages = readdirSync(cache).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
		const full = Math.floor(events.length / 25);
		expect(pages).toEqual([...Array(full).keys()].map(n => `${n * 25}-${n * 25 + 25}.json`));
		const first = readFileSync(path.join(cache, '0-25.json'), 'utf8');
		expect(first).toBe(`[${raw.slice(0, 25).join(', ')}]`);
		expect(JSON.parse(readFileSync(path.join(cache, pages.at(-1)!), 'utf8'))).toEqual(events.slice((full - 1) * 25, full * 25));
	});
});

describe('demo OpenHands V1 conversation', () => {
	it('is written beside the V0 sessions in the V1 CLI layout, with a finding a Mistral server rejects', async () => {
		const dir = path.join(stateDir, 'conversations', sessions.v1);
		expect(sessions.v1).toMatch(/^[0-9a-f]{32}$/);
		const names = readdirSync(path.join(dir, 'events')).filter(n => n !== '.eventlog.lock').sort();
		names.forEach((n, i) => expect(n).toMatch(new RegExp(`^event-${String(i).padStart(5, '0')}-[0-9a-f-]{36}\\.json$`)));
		for (const n of names) {
			const text = readFileSync(path.join(dir, 'events', n), 'utf8');
			// model_dump_json(exclude_none=True): compact, kind last, no nulls.
			expect(text).toMatch(/^\{"id":"[0-9a-f-]{36}","timestamp":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}","source":"(agent|user|environment)",.*"kind":"[A-Za-z]+"\}$/);
			expect(text).not.toContain('null');
		}
		const base = JSON.parse(readFileSync(path.join(dir, 'base_state.json'), 'utf8')) as {agent: {llm: {model: string}}; execution_status: string};
		expect(base.agent.llm.model).toBe('openai/mistral-small-4');
		expect(base.execution_status).toBe('error');
		const {checkSession} = await import('../sessions/helpers.js');
		const r = await checkSession(dir, '--json', '--rules', 'mistral');
		const findings = r.json!.sessions[0]!.findings;
		expect(findings.find(f => f.rule === 'mistral-order')!.servers).toContain('mistral-api');
		expect(findings.find(f => f.rule === 'error-reason')!.message).toContain("Unexpected role 'user' after role 'tool'");
	});
});
