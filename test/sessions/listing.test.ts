// The session list is read again every few seconds: a listing that finds the same rows leaves the
// slice as it is (no render), one that finds a change replaces it.
import {describe, expect, it} from 'vitest';
import {createAppStore, update} from '../../source/store/index.js';
import {initialSessions, setSessionCheck, setSessions, type SessionRow} from '../../source/store/slices/sessions.js';

const row = (id: string, eventCount = 3): SessionRow => ({id, dir: `/state/sessions/${id}`, title: id, createdAt: '2026-01-01T00:00:00', updatedAt: '2026-01-02T00:00:00', eventCount, agentState: null, model: null, findings: null, rules: [], checkedAt: null, error: null, v1: {eventsDir: `/e/${id}`, layout: 'sdk'}});

describe('session listing', () => {
	it('the same rows listed again notify no subscriber; a changed row does, and shows', () => {
		const store = createAppStore();
		update(store, 'sessions', s => setSessions(s, [row('a'), row('b')], 1000));
		const first = store.getState().sessions;
		expect(first.updatedAt).toBe(1000);
		let notified = 0;
		store.subscribe(() => notified++);
		// New objects with equal fields (a fresh read of the same files).
		update(store, 'sessions', s => setSessions(s, [row('a'), row('b')], 2000));
		expect(notified).toBe(0);
		expect(store.getState().sessions).toBe(first);
		update(store, 'sessions', s => setSessions(s, [row('a'), row('b', 4)], 3000));
		expect(notified).toBe(1);
		expect(store.getState().sessions.sessions.find(r => r.id === 'b')?.eventCount).toBe(4);
		expect(store.getState().sessions.updatedAt).toBe(3000);
	});

	it('a checked row listed again as it was notifies no subscriber', () => {
		const store = createAppStore();
		update(store, 'sessions', s => setSessions(s, [row('a'), row('b')], 1000));
		update(store, 'sessions', s => setSessionCheck(s, 'a', {findings: 2, rules: [], agentState: 'finished', eventCount: 3}));
		const checked = store.getState().sessions;
		let notified = 0;
		store.subscribe(() => notified++);
		update(store, 'sessions', s => setSessions(s, [row('a'), row('b')], 2000));
		expect(notified).toBe(0);
		expect(store.getState().sessions).toBe(checked);
		expect(checked.sessions.find(r => r.id === 'a')).toMatchObject({findings: 2, checkedAt: 3, checkError: null});
	});

	it('the first listing is kept even when it finds nothing: the list is no longer "reading"', () => {
		const listed = setSessions(initialSessions(), [], 5);
		expect(listed.updatedAt).toBe(5);
		expect(setSessions(listed, [], 6)).toBe(listed);
	});
});
