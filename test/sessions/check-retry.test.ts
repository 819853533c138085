// A background check that cannot read every event is no result: the row says what was not read
// (never "✓"), the other sessions are still checked, and the failed one is tried again later.
import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it, vi} from 'vitest';
import {defaultConfig} from '../../source/config/schema.js';
import {createAppStore} from '../../source/store/index.js';
import {setSessions, setSessionCheckFailed, type SessionRow} from '../../source/store/slices/sessions.js';
import {createOpenhandsSource, retryDelayMs} from '../../source/sources/openhands/openhands-source.js';
import {sessionsStatus} from '../../source/panels/sessions/status.js';
import {OWN} from './helpers.js';
import {localHost} from '../support/host.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-check-retry-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
afterEach(() => vi.useRealTimers());

const BLOCKED = '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f';
const OTHER = '0a0b0c0d0e0f40418283848586878889';

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 10_000): Promise<T> {
	const end = performance.now() + ms;
	for (;;) {
		const value = probe();
		if (value) return value;
		if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise(r => setTimeout(r, 25));
	}
}

describe('a session whose events cannot all be read', () => {
	it('is shown unchecked with the reason, the other is checked, and it is checked once readable', async () => {
		const state = path.join(tmp, 'state');
		cpSync(path.join(OWN, 'state'), state, {recursive: true});
		const event = path.join(state, 'sessions', BLOCKED, 'events', '4.json');
		const saved = path.join(tmp, '4.json');
		cpSync(event, saved);
		rmSync(event);
		// A FIFO is refused without a read: the check stands for any event file that cannot be read now.
		execFileSync('mkfifo', [event]);
		const config = defaultConfig();
		config.openhands.state_dir = state;
		const store = createAppStore();
		const source = createOpenhandsSource({store, config, refreshMs: 1000, env: {HOME: tmp}, host: localHost()}, 200);
		await source.start?.();
		try {
			await source.poll?.();
			const rowOf = (id: string) => store.getState().sessions.sessions.find(r => r.id === id)!;
			const blocked = rowOf(BLOCKED);
			expect(blocked.findings).toBeNull();
			expect(blocked.checkError).toMatch(/^1 event file not read \(.*4\.json.*not a regular file.*\); retrying$/);
			expect(rowOf(OTHER).findings).toEqual(expect.any(Number));
			expect(sessionsStatus(store.getState()).lines.join('\n')).toContain(`${BLOCKED} "List the files" 11 events, ?, not checked: 1 event file not read`);

			rmSync(event);
			cpSync(saved, event);
			// Not before its delay: a box that just timed out is not asked again at once.
			await source.poll?.();
			await new Promise(r => setTimeout(r, 300));
			expect(rowOf(BLOCKED).checkError).toMatch(/not read/);
			vi.useFakeTimers({toFake: ['Date'], now: Date.now() + retryDelayMs(1) + 1});
			await source.poll?.();
			const checked = await until(`the retried check: ${JSON.stringify(rowOf(BLOCKED))}`, () => (rowOf(BLOCKED).findings !== null ? rowOf(BLOCKED) : null));
			expect(checked).toMatchObject({findings: expect.any(Number), checkedAt: 11, checkError: null});
		} finally {
			await source.stop?.();
		}
	});

	it('keeps its reason across a new listing, and waits longer after each failure', () => {
		const row: SessionRow = {id: 'a', dir: '/s/a', title: null, createdAt: null, updatedAt: null, eventCount: 3, agentState: null, model: null, findings: null, rules: [], checkedAt: null, error: null};
		const failed = setSessionCheckFailed(setSessions(createAppStore().getState().sessions, [row], 1), 'a', 'spark2: list timed out; retrying');
		const relisted = setSessions(failed, [{...row, eventCount: 4}], 2);
		expect(relisted.sessions[0]).toMatchObject({eventCount: 4, findings: null, checkError: 'spark2: list timed out; retrying'});
		expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 300_000]);
	});
});
