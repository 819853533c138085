// parseEvent checks events with plain code first and asks zod only about the ones it rejects. The two
// must accept exactly the same events, or an event would be shown as valid that zod would refuse.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {expect, it} from 'vitest';
import {looksLikeRawEvent, parseEvent, rawEventSchema} from '../../source/domain/openhands/event.js';
import {FIXTURES, HAVE_FIXTURES, noticeMissingFixtures} from '../support/paths.js';
import {OWN} from './helpers.js';

noticeMissingFixtures('event guard (real events)');

function eventFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) out.push(...eventFiles(file));
		else if (/^\d+\.json$/.test(name) && path.basename(dir) === 'events') out.push(file);
	}
	return out;
}

const base = {
	id: 7,
	timestamp: '2026-03-02T10:00:00.000000',
	source: 'agent',
	message: 'Running command: ls',
	cause: 6,
	action: 'run',
	args: {command: 'ls'},
	tool_call_metadata: {function_name: 'execute_bash', tool_call_id: 'c1', total_calls_in_response: 1, model_response: {id: 'r'}},
	hidden: false,
};
const values: unknown[] = [null, undefined, '', 'x', 0, 3, 1.5, -2, Infinity, 2 ** 60, true, false, {}, [], [1], {a: 1}];
const fields = ['id', 'timestamp', 'source', 'message', 'cause', 'action', 'observation', 'content', 'args', 'extras', 'tool_call_metadata', 'hidden'];
const metaFields = ['function_name', 'tool_call_id', 'total_calls_in_response', 'model_response'];

function agree(value: unknown): void {
	expect({value, guard: looksLikeRawEvent(value)}).toEqual({value, guard: rawEventSchema.safeParse(value).success});
}

it('accepts and refuses exactly what the zod schema does, field by field', () => {
	for (const top of [null, undefined, 1, 'event', [], [base], {}]) agree(top);
	agree(base);
	for (const key of fields) for (const v of values) agree({...base, [key]: v});
	for (const key of metaFields) for (const v of values) agree({...base, tool_call_metadata: {...base.tool_call_metadata, [key]: v}});
	const {id: _id, ...noId} = base;
	agree(noId);
});

it('a refused event still gets zod’s message naming the field', () => {
	const parsed = parseEvent({...base, cause: 'six'}, 7);
	expect(parsed).toEqual({ok: false, error: expect.stringContaining('cause')});
	expect(parseEvent({...base, tool_call_metadata: {tool_call_id: 5}}, 7)).toEqual({ok: false, error: expect.stringContaining('tool_call_metadata.tool_call_id')});
});

it('agrees on every event file in the project’s own fixtures', () => {
	const files = eventFiles(OWN);
	expect(files.length).toBeGreaterThan(10);
	for (const file of files) agree(JSON.parse(readFileSync(file, 'utf8')));
});

it.skipIf(!HAVE_FIXTURES)('agrees on every real event file in ../shared/fixtures/openhands', () => {
	const files = eventFiles(path.join(FIXTURES, 'openhands'));
	expect(files.length).toBeGreaterThan(10);
	for (const file of files) agree(JSON.parse(readFileSync(file, 'utf8')));
});
