// Text fields, help and logs on a phone (46x19): the built bin/stackdeck on the demo stack in a real
// pty, read back through a real terminal emulator. A paste or a phone keyboard's word arrives in one
// write; it must all land in the field, `?` included, with the end of it in view.
import {afterEach, describe, expect, it} from 'vitest';
import type {PtyScreen} from '../support/pty-screen.js';
import {startDemoScreen, untilBrokenModelCrashed, type DemoScreen} from '../support/demo-screen.js';

const WAIT = 40_000;
let demo: DemoScreen | undefined;
afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

function startDemo(cols = 46, rows = 19): PtyScreen {
	demo = startDemoScreen('stackdeck-e2e-fields-', cols, rows);
	return demo.s;
}

describe('text fields at 46x19 on the demo', () => {
	it('a paste into the log filter lands whole, ? included, and its end stays in view', async () => {
		const s = startDemo();
		await s.waitFor(l => l.join('\n').includes('SGLang (1)'), WAIT, 'containers');
		s.write('l');
		await s.waitFor(l => /openhands \[(follow|paused)/.test(l.join('\n')) && /limit=20/.test(l.join('\n')), WAIT, 'the openhands log');
		s.write('/');
		await s.waitFor(l => l.some(x => x.includes('/_')), WAIT, 'the filter field');
		// One write, as a paste sends it: a request line copied from the log, `?` in it, longer than the field.
		const pasted = 'GET /api/conversations?limit=20 HTTP/1.1" 200';
		s.write(pasted);
		await s.waitFor(l => l.some(x => /HTTP\/1\.1" 200_/.test(x)), WAIT, 'the end of the pasted text in the field');
		let lines = s.lines();
		const field = lines.find(x => /HTTP\/1\.1" 200_/.test(x))!;
		// The start scrolled off to the left behind "…"; help did not open over the field.
		expect(field).toMatch(/│\/…/);
		expect(lines.join('\n')).not.toMatch(/Keys \(|╭─ Help/);
		expect(lines.every(l => l.length <= 46)).toBe(true);
		// Every line left is one of the matching requests (folded at the panel's edge).
		expect(lines.join('\n')).toMatch(/conve\s*│\s*│rsations\?limit=20/);
		expect(lines.join('\n')).not.toContain('ns/config');
		// A short paste after it shows the counts again, once there is room.
		s.write('\u007F\u007F\u007F\u007F');
		await s.waitFor(l => l.some(x => /HTTP\/1\.1"_/.test(x)), WAIT, 'four characters erased');
		s.write('\u001B');
		await s.waitFor(l => !l.some(x => /│\/.*_/.test(x)) && /ns\/config/.test(l.join('\n')), WAIT, 'filter cleared, every line back');
		// A short word typed in one write, `?` and all, with the counts beside it.
		s.write('/');
		s.write('?limit=20');
		await s.waitFor(l => l.some(x => /\/\?limit=20_\s+\d+ of \d+/.test(x)), WAIT, 'the short filter with its counts');
		lines = s.lines();
		expect(lines.join('\n')).not.toMatch(/Keys \(|╭─ Help/);
		// While the field is typed, q is a letter; Esc ends it and q quits again.
		s.write('q');
		await s.waitFor(l => l.some(x => /\?limit=20q"?_/.test(x)), WAIT, 'q typed into the field');
		s.write('\u001B');
		await s.waitFor(l => !l.join('\n').includes('limit=20q'), WAIT, 'filter closed');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 240_000);

	it('help opens at the current panel\'s keys, pages by a screen, and digits jump to a panel\'s keys', async () => {
		const s = startDemo();
		await s.waitFor(l => l.join('\n').includes('SGLang (1)'), WAIT, 'containers');
		const first = (l: string[]) => Number(/Keys (\d+)-(\d+) of/.exec(l.join('\n'))?.[1] ?? -1);
		const last = (l: string[]) => Number(/Keys (\d+)-(\d+) of/.exec(l.join('\n'))?.[2] ?? -1);
		const heading = (l: string[], title: string) => l.some(x => new RegExp(`^│${title}\\s+│$`).test(x));
		s.write('?');
		await s.waitFor(l => first(l) > 0, WAIT, 'help');
		let lines = s.lines();
		// The Containers keys at the top, not Global's.
		expect(lines[3]).toMatch(/^│Containers\s+│$/);
		expect(lines.join('\n')).toMatch(/1-7 a panel's keys/);
		const top = first(lines);
		const shown = last(lines) - top + 1;
		expect(shown).toBeGreaterThanOrEqual(10);
		s.write('\u001B[6~');
		await s.waitFor(l => first(l) !== top, WAIT, 'a page down');
		// A page is a screen of keys (one line overlaps), not one line.
		expect(first(s.lines()) - top).toBeGreaterThanOrEqual(shown - 1);
		s.write('6');
		await s.waitFor(l => heading(l, 'Aider') && /Give the keyboard back/.test(l.join('\n')), WAIT, 'the Aider keys');
		s.write('7');
		await s.waitFor(l => heading(l, 'Doctor'), WAIT, 'the Doctor keys');
		lines = s.lines();
		expect(lines.every(l => l.length <= 46)).toBe(true);
		expect(lines.join('\n')).not.toMatch(/a b c d e/);
		// Esc closes help on the panel it was opened from; help opened on Aider starts at its keys.
		s.write('\u001B');
		await s.waitForText('╭─ 1 Containers', WAIT);
		s.write('6');
		await s.waitForText('╭─ 6 Aider', WAIT);
		s.write('?');
		await s.waitFor(l => heading(l, 'Aider') && /Give the keyboard back/.test(l.join('\n')), WAIT, 'help at the Aider keys');
		s.write('\u001B');
		await s.waitForText('╭─ 6 Aider', WAIT);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 240_000);

	it('e on the demo says clearly that its Docker API has no exec', async () => {
		const s = startDemo();
		await s.waitFor(l => l.join('\n').includes('SGLang (1)'), WAIT, 'containers');
		await untilBrokenModelCrashed(s, WAIT);
		s.write('e');
		await s.waitFor(l => /exec openhands: this Docker/.test(l[0] ?? ''), WAIT, 'the notice');
		expect(s.lines().some(l => l.includes('╭─ 1 Containers'))).toBe(true);
		// The whole notice, word-wrapped, in the jobs and notices log.
		const words = (l: string[]) => l.map(x => x.replace(/[│╭╮╰╯─]/g, ' ')).join(' ').replace(/\s+/g, ' ');
		s.write('!');
		await s.waitFor(l => /this Docker API has no exec \(the demo simulates the daemon; exec needs a real Docker Engine\)/.test(words(l)), WAIT, 'the whole notice in the log');
		s.write('\u001B');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 240_000);
});
