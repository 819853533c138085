// The V1 conversations are listed again every few seconds: a conversation whose folders and state
// files are unchanged keeps its row; an event written, a status change in base_state.json, a title
// in meta.json, a conversation removed are all seen at the next listing.
import {renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {RECENT_MS} from '../../../source/fs/stamp.js';
import {V1ConversationWriter} from '../../../source/sim/openhands/v1-conversation.js';
import {conversationsUnder, v1Roots} from '../../../source/sources/openhands/v1/layout.js';
import {createV1Lister, v1Row} from '../../../source/sources/openhands/v1/session-rows.js';
import {tempDir} from '../../support/temp-dir.js';

/** A lister's clock RECENT_MS past now: the files these tests just wrote count as quiet. */
const LATER = () => Date.now() + RECENT_MS + 1000;

function twoConversations(): {state: string; a: V1ConversationWriter; b: V1ConversationWriter} {
	const state = tempDir('sd-v1-lister-');
	const [a, b] = [0, 1].map(() => {
		const c = new V1ConversationWriter(path.join(state, 'conversations'), new Date('2026-12-01T10:00:00Z'));
		c.writeBaseState('running');
		c.system();
		c.user('Add pagination to GET /todos.');
		return c;
	}) as [V1ConversationWriter, V1ConversationWriter];
	return {state, a, b};
}

const byId = <T extends {id: string}>(rows: T[]) => Object.fromEntries(rows.map(r => [r.id, r]));
const idOf = (c: V1ConversationWriter) => path.basename(c.dir);

describe('listing V1 conversations again', () => {
	it('lists what reading every conversation gives, and keeps the rows of unchanged ones', () => {
		const {state} = twoConversations();
		const list = createV1Lister(LATER);
		const first = list(state);
		expect(first).toEqual(v1Roots(state).flatMap(conversationsUnder).map(v1Row));
		expect(first).toHaveLength(2);
		const second = byId(list(state));
		for (const row of first) expect(second[row.id]).toBe(row);
	});

	it('sees an event written, a status change, a title, and a conversation removed', () => {
		const {state, a, b} = twoConversations();
		const list = createV1Lister(LATER);
		const before = byId(list(state))[idOf(a)]!;
		a.user('Also cap limit at 100.');
		expect(byId(list(state))[idOf(a)]!.eventCount).toBe(before.eventCount + 1);
		a.writeBaseState('finished');
		expect(byId(list(state))[idOf(a)]!.agentState).toBe('finished');
		const meta = path.join(a.dir, 'meta.json');
		writeFileSync(`${meta}.tmp`, JSON.stringify({title: 'Pagination for /todos'}));
		renameSync(`${meta}.tmp`, meta);
		expect(byId(list(state))[idOf(a)]!.title).toBe('Pagination for /todos');
		rmSync(b.dir, {recursive: true});
		expect(list(state).map(r => r.id)).toEqual([idOf(a)]);
	});

	it('does not keep a conversation changed just now', () => {
		const {state, a} = twoConversations();
		const list = createV1Lister(Date.now);
		const first = byId(list(state))[idOf(a)];
		const second = byId(list(state))[idOf(a)];
		expect(second).not.toBe(first);
		expect(second).toEqual(first);
	});
});
