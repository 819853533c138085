// Everyday flows on a phone (46x19): the built bin/stackdeck on the demo stack in a real pty, read
// back through a real terminal emulator.
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoScreen, untilBrokenModelCrashed, type DemoScreen} from '../support/demo-screen.js';

const run = promisify(execFile);
const WAIT = 40_000;
let demo: DemoScreen | undefined;
afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

function startDemo(cols = 46, rows = 19): DemoScreen {
	demo = startDemoScreen('stackdeck-e2e-phone-', cols, rows);
	return demo;
}

const tabStrip = (lines: string[]) => lines[lines.length - 2] ?? '';

describe('phone flows at 46x19 on the demo', () => {
	it('an engine that goes down while Containers is shown marks the Throughput tab and says so', async () => {
		const {s, dockerHost} = startDemo();
		await untilBrokenModelCrashed(s, WAIT);
		// Throughput first: the demo's sglang serves, its vllm (container exited) does not.
		s.write('2');
		await s.waitFor(l => /sglang\s+mistral/.test(l.join('\n')) && /unreachable since/.test(l.join('\n')), WAIT, 'engines read');
		s.write('1');
		await s.waitForText('╭─ 1 Containers', WAIT);
		const downBefore = Number(/(?:^|\s)2 !(\d+)/.exec(tabStrip(s.lines()))?.[1] ?? 0);
		await run('docker', ['stop', 'sglang'], {env: {...process.env, DOCKER_HOST: dockerHost()}, timeout: 20_000});
		await s.waitFor(l => Number(/(?:^|\s)2 !(\d+)/.exec(tabStrip(l))?.[1] ?? 0) === downBefore + 1, WAIT, 'the Throughput tab counting one more down');
		const lines = s.lines();
		expect(lines.some(l => l.includes('╭─ 1 Containers'))).toBe(true);
		expect(lines[0]).toMatch(/2 Throughput: .*sglang.* down/);
		expect(tabStrip(lines).length).toBeLessThanOrEqual(46);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 120_000);

	it('q with a running Aider session asks first; n stays, y quits', async () => {
		const {s} = startDemo();
		await s.waitForText('╭─ 1 Containers', WAIT);
		// The crash's error notice would replace "Aider started" in the header.
		await untilBrokenModelCrashed(s, WAIT);
		s.write('6');
		await s.waitForText('╭─ 6 Aider', WAIT);
		s.write('n');
		await s.waitForText('Aider started', WAIT);
		s.write('q');
		await s.waitForText('Quit stackdeck', WAIT);
		expect(s.text()).toMatch(/1 Aider session\s+running/);
		s.write('n');
		// The question is gone and Aider still runs (the header's notice may already show a newer
		// alert from the demo, such as broken-model exiting).
		await s.waitFor(l => !l.join('\n').includes('Quitting ends them') && !/1 Aider session\s+running/.test(l.join('\n')) && l.some(x => x.includes('╭─ 6 Aider')), WAIT, 'back on Aider');
		s.write('q');
		await s.waitForText('Quitting ends them', WAIT);
		s.write('y');
		expect((await s.exited).exitCode).toBe(0);
	}, 120_000);

	it('logs opened from the detail: Esc returns to the detail; g goes to the top, G to the end', async () => {
		const {s} = startDemo();
		await s.waitFor(l => l.join('\n').includes('SGLang (1)'), WAIT, 'containers');
		s.write('\r');
		await s.waitFor(l => /Image|image/.test(l.join('\n')), WAIT, 'the detail');
		const detail = s.lines().slice(2, 6).join('\n');
		s.write('l');
		await s.waitFor(l => /\[(follow|paused)/.test(l.join('\n')), WAIT, 'the log view');
		await s.waitFor(l => /\d+ lines/.test(l.join('\n')) && Number(/(\d+) lines/.exec(l.join('\n'))![1]) >= 14, WAIT, 'more lines than a page');
		s.write('g');
		// One press reaches the first line, however far above the window it is.
		await s.waitFor(l => /\[paused -\d+/.test(l.join('\n')) && /Starting OpenHands\.\.\./.test(l.join('\n')), WAIT, 'scrolled to the top');
		// Past the top: still a full page of lines, not a blank one.
		for (let i = 0; i < 5; i++) s.write('\u001B[5~');
		await new Promise(r => setTimeout(r, 300));
		const body = s.lines().slice(3, 17);
		expect(body.filter(l => /│\S/.test(l)).length).toBeGreaterThan(10);
		s.write('G');
		await s.waitFor(l => /\[follow\]/.test(l.join('\n')), WAIT, 'following the end again');
		s.write('\u001B');
		await s.waitFor(l => !/\[(follow|paused)/.test(l.join('\n')) && /Image|image/.test(l.join('\n')), WAIT, 'back on the detail');
		expect(s.lines().slice(2, 6).join('\n')).toBe(detail);
		s.write('\u001B');
		await s.waitForText('SGLang (1)', WAIT);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 120_000);
});
