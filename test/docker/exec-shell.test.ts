// `e` on a container opens a shell inside it in the cockpit's terminal pane: the built bin/stackdeck
// in a real pty at 46x19, on a Docker daemon of the test's own (never the machine's) with a
// busybox container named for this run, removed after. The shell is real: it runs what is typed.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type Docker from 'dockerode';
import {spawnScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {PREFIX, createStackContainer, ensureImage, removeTestContainers} from './engine-support.js';
import {hasBridge, startPrivateDaemon} from './private-daemon.js';

const daemon = await startPrivateDaemon();
const docker = daemon?.docker as Docker;
const WAIT = 40_000;

describe.skipIf(daemon === null)('e: a shell in the container, in the terminal pane', () => {
	let home: string;
	beforeAll(async () => {
		await ensureImage(docker);
		await createStackContainer(docker, 'shell', {bridge: await hasBridge(docker)});
		home = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-e2e-exec-'));
	}, 120_000);
	afterAll(async () => {
		if (daemon) await removeTestContainers(docker);
		await daemon?.dispose();
		if (home) rmSync(home, {recursive: true, force: true});
	});

	it('opens sh in the selected container, runs what is typed, Ctrl-Q gives the keyboard back', async () => {
		const s = spawnScreen(process.execPath, [STACKDECK_BIN, '--refresh', '500'], {cols: 46, rows: 19, env: {HOME: home, XDG_CONFIG_HOME: home, DOCKER_HOST: daemon!.host}});
		try {
			await s.waitFor(l => l.join('\n').includes(`${PREFIX}shell`.slice(0, 20)), WAIT, 'the test container listed');
			s.write('e');
			await s.waitFor(l => /╭─ 6 Aider/.test(l.join('\n')) && l.some(x => /[#$] *│$/.test(x)), WAIT, 'a shell prompt in the pane');
			expect(s.lines()[2]).toMatch(/sh sdtest-\w+-shell/);
			// Typed into the container: the answer comes from its shell, and its hostname is the container's.
			s.write('echo hi-$((40+2)); cat /etc/hostname\r');
			const id = (await docker.getContainer(`${PREFIX}shell`).inspect()).Id;
			await s.waitFor(l => l.join('\n').includes('hi-42') && l.join('\n').includes(id.slice(0, 12)), WAIT, 'the command run inside the container');
			s.write('\u0011');
			await s.waitFor(l => /Enter type/.test(l.join('\n')), WAIT, 'keyboard back to the cockpit');
			expect(s.lines().every(l => l.length <= 46)).toBe(true);
			s.write('q');
			await s.waitForText('Quitting ends them', WAIT);
			s.write('y');
			expect((await s.exited).exitCode).toBe(0);
		} finally {
			s.kill('SIGKILL');
		}
	}, 180_000);
});
