// Live tail of an OpenHands V1 conversation (CLI layout) in the built cockpit, in a real pty: new
// event files show up with the role the SDK sends them as, a partly written file is shown as such
// and read again once complete, and the finding appears when the follow-up lands after a tool result.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {V1ConversationWriter} from '../../../source/sim/openhands/v1-conversation.js';
import {spawnScreen, type PtyScreen} from '../../support/pty-screen.js';
import {STACKDECK_BIN} from '../../support/paths.js';

let screen: PtyScreen | undefined;
/** A row inside the panel's border matches. */
const has = (lines: string[], pattern: RegExp) => lines.some(x => pattern.test(x.replace(/^│/, '')));
const dirs: string[] = [];
afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

describe('V1 conversation in the cockpit', () => {
	it('tails new events, retries a partly written file, and flags user after tool', async () => {
		const home = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-v1-live-'));
		dirs.push(home);
		const stateDir = path.join(home, '.openhands');
		const c = new V1ConversationWriter(path.join(stateDir, 'conversations'), new Date());
		c.writeBaseState('running');
		c.system();
		c.user('Count the todo routes please');
		const config = path.join(home, 'config.toml');
		writeFileSync(config, `[openhands]\nstate_dir = ${JSON.stringify(stateDir)}\n`);
		screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', config, '--refresh', '250'], {cols: 46, rows: 19, env: {HOME: home, XDG_CONFIG_HOME: home}});
		const s = screen;
		await s.waitForText('stackdeck');
		s.write('5');
		await s.waitForText('Count th', 30_000);
		s.write('\r');
		await s.waitFor(l => has(l, /^\s*0 .*system/) && has(l, /^\s*1 .*user/), 30_000, 'system and user rows');

		// The agent's tool call and its result arrive while the view is open.
		c.tool('terminal', {command: 'grep -c todos src/server.ts'}, '3', {command: 'grep -c todos src/server.ts', kind: 'TerminalAction'});
		await s.waitFor(l => has(l, /^\s*2 .*assistant\+tc/) && has(l, /^\s*3 .*tool/), 30_000, 'tool call and result rows');
		expect(has(s.lines(), /^!/)).toBe(false);

		// A follow-up written in two parts: first cut short (shown as such), then whole.
		const id = 'b1c2d3e4-0000-4000-8000-000000000004';
		const file = path.join(c.dir, 'events', `event-00004-${id}.json`);
		const body = JSON.stringify({id, timestamp: '2026-12-01T10:00:00.000000', source: 'user', llm_message: {role: 'user', content: [{type: 'text', text: 'And the users routes?'}], thinking_blocks: []}, activated_skills: [], extended_content: [], kind: 'MessageEvent'});
		writeFileSync(file, body.slice(0, 60));
		await s.waitFor(l => has(l, /^\?\s*4 /), 30_000, 'partial file row');
		writeFileSync(file, body);
		await s.waitFor(l => has(l, /^!\s*4 .*user/), 30_000, 'follow-up read and flagged');
		await s.waitFor(l => l.join('\n').includes('mistral-order'), 30_000, 'mistral-order finding');

		// The folder does not record the SDK version: v picks the rules, and the view says which.
		expect(s.text()).toContain('V1 · SDK version not recorded');
		s.write('v');
		await s.waitForText('V1 · SDK 1.25.0 (picked with v)', 30_000);
	}, 150_000);
});
