// The condenser's view, as OpenHands V0 builds the next request from a condensed history: forgotten
// events and condensation actions leave, the last summary comes back as a user turn at its offset,
// and the task is put back second when the view lost it (memory/view.py, conversation_memory.py).
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {deriveMessages} from '../../source/domain/openhands/derive-messages.js';
import {parseEvent, type EventFacts} from '../../source/domain/openhands/event.js';
import {checkSession, OWN} from './helpers.js';

const EXPECTED = ['system#0', 'user#1', 'user#6', 'assistant+tc#7', 'tool#8', 'user#9'];

describe('condensed sessions (check-session)', () => {
	it('keep_first=2: the summary follows the task, so strict templates fail there; the condenser fix, not the config one', async () => {
		const r = await checkSession(path.join(OWN, 'trajectory-condensed-keep2.json'), '--json');
		const s = r.json!.sessions[0]!;
		expect(s.roles.map(x => `${x.role}#${x.eventId}`)).toEqual(EXPECTED);
		const strict = s.findings.find(f => f.rule === 'strict-alternation')!;
		expect(strict.eventIds).toEqual([1, 6]);
		expect(strict.message).toContain('user #6 (condensation summary');
		expect(strict.fix).toContain('enable_default_condenser = false');
		expect(strict.fix).not.toContain('enable_prompt_extensions');
	});

	it('keep_first=1: the task was forgotten and is put back before the summary', async () => {
		const r = await checkSession(path.join(OWN, 'trajectory-condensed-keep1.json'), '--json');
		const s = r.json!.sessions[0]!;
		expect(s.roles.map(x => `${x.role}#${x.eventId}`)).toEqual(EXPECTED);
		expect(s.findings.find(f => f.rule === 'strict-alternation')!.eventIds).toEqual([1, 6]);
	});
});

function facts(raw: Array<Record<string, unknown>>): EventFacts[] {
	return raw.map(r => {
		const parsed = parseEvent(r, null);
		if (!parsed.ok) throw new Error(parsed.error);
		return parsed.event;
	});
}

const sys = {id: 0, source: 'agent', action: 'system', args: {content: 'You are OpenHands agent'}};
const task = {id: 1, source: 'user', action: 'message', args: {content: 'Fix it'}};
const reply = (id: number) => ({id, source: 'agent', action: 'message', args: {content: `reply ${id}`}});
const ask = (id: number) => ({id, source: 'user', action: 'message', args: {content: `ask ${id}`}});

describe('history view', () => {
	it('drops forgotten ids and condensation requests; labels them; a condensation without summary adds nothing', () => {
		const events = facts([
			sys,
			task,
			reply(2),
			ask(3),
			{id: 4, source: 'agent', action: 'condensation_request', args: {}},
			{id: 5, source: 'agent', action: 'condensation', args: {forgotten_event_ids: [2, 3], forgotten_events_start_id: null, forgotten_events_end_id: null, summary: null, summary_offset: null}},
			reply(6),
		]);
		const {messages, roles} = deriveMessages(events, {promptExtensions: true});
		expect(messages.map(m => `${m.role}#${m.eventIds[0]}`)).toEqual(['system#0', 'user#1', 'assistant#6']);
		expect(roles.map(r => r.label)).toEqual(['system', 'user', 'forgotten', 'forgotten', '-', '-', 'assistant']);
	});

	it('only the most recent summary is inserted; an offset past the end appends, as list.insert does', () => {
		const cond = (id: number, summary: string, offset: number) => ({id, source: 'agent', action: 'condensation', args: {forgotten_events_start_id: 2, forgotten_events_end_id: 3, summary, summary_offset: offset}});
		const events = facts([sys, task, reply(2), ask(3), cond(4, 'old summary', 2), reply(5), cond(6, 'new summary', 99)]);
		const {messages} = deriveMessages(events, {promptExtensions: true});
		expect(messages.map(m => `${m.role}#${m.eventIds[0]}:${m.text}`)).toEqual(['system#0:You are OpenHands agent', 'user#1:Fix it', 'assistant#5:reply 5', 'user#6:new summary']);
	});

	it('without a condenser nothing moves: a history that starts with the task keeps it once', () => {
		const {messages} = deriveMessages(facts([task, reply(2), ask(3)]), {promptExtensions: true});
		expect(messages.map(m => `${m.role}#${m.eventIds[0]}`)).toEqual(['user#1', 'assistant#2', 'user#3']);
	});
});
