// The terminal pane widget with real programs: vim and less draw into a real pty, the emulator's
// rows match what they drew, resizing the pane resizes the program, and floods of output or
// binary garbage neither freeze nor break the pane.

import {afterEach, describe, expect, it} from 'vitest';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {PaneSession} from '../../source/terminal-pane/session.js';
import {loadNodePty} from '../../source/terminal-pane/pty.js';
import {rowText} from '../../source/terminal-pane/rows.js';
import {aiderEnv} from '../../source/domain/aider/command-line.js';
import {tempDir} from '../support/temp-dir.js';

const live: PaneSession[] = [];
afterEach(() => {
	for (const p of live.splice(0)) p.dispose();
});

function start(file: string, args: string[], cols = 40, rows = 12, cwd?: string): PaneSession {
	const env = aiderEnv({...process.env, LANG: 'C.UTF-8'});
	const pane = new PaneSession({file, args, cols, rows, env, ...(cwd ? {cwd} : {})}, loadNodePty());
	live.push(pane);
	return pane;
}

async function until(pane: PaneSession, ok: (rows: string[]) => boolean, what: string, ms = 8000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!ok(pane.view(pane.cols, pane.rows, false).map(rowText))) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${pane.view(pane.cols, pane.rows, false).map(rowText).join('\n')}`);
		await new Promise(r => setTimeout(r, 30));
	}
}

const dir = tempDir('pane-');
const numbered = path.join(dir, 'numbers.txt');
writeFileSync(numbered, Array.from({length: 100}, (_, i) => `line ${i + 1}`).join('\n') + '\n');

describe('terminal pane with real programs', () => {
	it('shows what vim drew, styled, and resizing the pane resizes vim', async () => {
		const pane = start('vim', ['-u', 'NONE', '-N', '-n', '-i', 'NONE', numbered], 40, 12);
		await until(pane, r => r[0]?.startsWith('line 1') === true && r[10]?.startsWith('line 11') === true, 'vim to draw the file');
		const rows = pane.view(40, 12, true).map(rowText);
		expect(rows).toHaveLength(12);
		expect(rows.every(r => r.length === 40)).toBe(true);
		expect(rows[0]!.trimEnd()).toBe('line 1');
		// The cursor is drawn where vim put it: top-left, as an inverse cell.
		expect(pane.view(40, 12, true)[0]![0]).toMatchObject({text: 'l', inverse: true});
		pane.resize(30, 8);
		// Vim may read the typed :echo before it handles SIGWINCH, and its redraw then clears the
		// message: ask again until the answer stays on screen.
		for (let i = 0; i < 10; i++) {
			pane.write(':echo &columns . "x" . &lines\r');
			const shown = await until(pane, r => r[7]?.startsWith('30x8') === true, 'vim to see the new size', 1000).then(
				() => true,
				() => false,
			);
			if (shown) break;
		}
		await until(pane, r => r[7]?.startsWith('30x8') === true, 'vim to see the new size');
		expect(pane.view(30, 8, false).map(rowText)[6]!.trimEnd()).toBe('line 7');
		pane.write('\u001B:q!\r');
		expect((await pane.whenExited()).code).toBe(0);
	}, 20_000);

	it('shows less paging a file, and scrolls back through output', async () => {
		const pane = start('less', [numbered], 30, 10);
		await until(pane, r => r[0] === 'line 1'.padEnd(30) && r[8]!.startsWith('line 9'), 'less to page');
		pane.write(' ');
		await until(pane, r => r.some(l => l.startsWith('line 18')), 'the next page');
		pane.write('q');
		await pane.whenExited();
	}, 20_000);

	it('keeps the cockpit responsive through 10 MB of output and shows its end', async () => {
		let worstLag = 0;
		let last = Date.now();
		const timer = setInterval(() => {
			worstLag = Math.max(worstLag, Date.now() - last - 20);
			last = Date.now();
		}, 20);
		const started = Date.now();
		const pane = start('sh', ['-c', "yes 'the quick brown fox jumps over the lazy dog' | head -c 10485760; echo; echo END-OF-FLOOD; sleep 0.2"], 60, 10);
		const exit = await pane.whenExited();
		clearInterval(timer);
		expect(exit.code).toBe(0);
		expect(pane.bytesIn).toBeGreaterThan(10_000_000);
		await until(pane, r => r.some(l => l.startsWith('END-OF-FLOOD')), 'the end marker');
		console.log(`10 MB flood: ${Date.now() - started} ms, worst event-loop lag ${worstLag} ms`);
		expect(worstLag).toBeLessThan(1500);
	}, 60_000);

	it('renders binary garbage as printable cells without throwing', async () => {
		const pane = start('sh', ['-c', 'head -c 300000 /dev/urandom; printf "\\033[0m\\033c"; echo after-garbage; sleep 0.2'], 40, 8);
		const exit = await pane.whenExited();
		expect(exit.code).toBe(0);
		await until(pane, r => r.some(l => l.startsWith('after-garbage')), 'text after the garbage');
		const spans = pane.view(40, 8, false).flat();
		expect(spans.every(s => !/[\u0000-\u001f\u007f]/.test(s.text))).toBe(true);
	}, 30_000);
});
