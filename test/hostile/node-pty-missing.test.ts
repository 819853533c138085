// A machine where node-pty cannot load (Termux has no prebuilt binary, musl neither): every command
// still works, and the Aider panel and the `term` pane say what is missing and what to do.
// The built binary runs with a preload that makes @lydell/node-pty's binary package unresolvable,
// as on a platform without one.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {AiderManager} from '../../source/sources/aider/manager.js';
import {ptyMissingMessage} from '../../source/terminal-pane/pty.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {configSchema} from '../../source/config/schema.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sd-no-pty-'));
const hide = path.join(tmp, 'hide-node-pty.cjs');
writeFileSync(
	hide,
	`const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
	if (request.startsWith('@lydell/node-pty-')) {
		const error = new Error("Cannot find module '" + request + "'");
		error.code = 'MODULE_NOT_FOUND';
		throw error;
	}
	return resolve.call(this, request, ...rest);
};
`,
);
// No config, no Docker, no state: the same quiet machine for every run.
const env = {...process.env, XDG_CONFIG_HOME: tmp, XDG_STATE_HOME: tmp, HOME: tmp, DOCKER_HOST: `unix://${path.join(tmp, 'no-docker.sock')}`};
const withoutPty = {...env, NODE_OPTIONS: `--require ${hide}`};

let screen: PtyScreen | undefined;
afterEach(() => screen?.kill('SIGKILL'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

/** The screen's text with the frame's borders taken out and whitespace collapsed (wrapped lines joined). */
const flat = (lines: string[]) =>
	lines
		.join(' ')
		.replace(/[│┃║|╭╮╰╯─]/g, ' ')
		.replace(/\s+/g, ' ');

describe('node-pty that cannot load', () => {
	it('`stackdeck status` works as it does with node-pty', () => {
		const normal = spawnSync(process.execPath, [STACKDECK_BIN, 'status'], {env, cwd: tmp, encoding: 'utf8', timeout: 60_000});
		const broken = spawnSync(process.execPath, [STACKDECK_BIN, 'status'], {env: withoutPty, cwd: tmp, encoding: 'utf8', timeout: 60_000});
		expect(broken.stderr).not.toMatch(/node-pty|Error:/);
		expect(broken.status).toBe(normal.status);
		expect(broken.stdout).toContain('Aider\n  no sessions');
		expect(broken.stdout.split('\n').filter(l => /^\S/.test(l))).toEqual(normal.stdout.split('\n').filter(l => /^\S/.test(l)));
	}, 120_000);

	it('the term pane and the Aider panel say what is missing and what to do, on a phone-sized screen', async () => {
		screen = spawnScreen(process.execPath, [STACKDECK_BIN, 'term', '--', '/bin/sh'], {cols: 46, rows: 19, cwd: tmp, env: withoutPty});
		await screen.waitFor(l => flat(l).includes('run the command in a terminal (or tmux pane) of its own'), 20_000, 'the term pane saying node-pty is missing');
		expect(flat(screen.lines())).toContain(`the terminal pane needs node-pty, which has no prebuilt binary for ${process.platform}-${process.arch}`);
		// n: a new Aider session, in the Aider panel the term pane opened.
		screen.write('n');
		await screen.waitFor(l => flat(l).includes('press t to open Aider in a tmux pane'), 10_000, 'the Aider panel saying node-pty is missing');
		expect(screen.lines().length).toBe(19);
		screen.write('q');
		expect((await screen.exited).exitCode).toBe(0);
	}, 60_000);

	it('a pane start with an unloadable node-pty fails with the message, and nothing is started', () => {
		const store = createAppStore(initialState(true));
		const manager = new AiderManager(store, configSchema.parse({}), {PATH: process.env['PATH'] ?? ''}, () => {
			throw new Error('The @lydell/node-pty package currently does not support your platform: android-arm64');
		});
		expect(manager.startCommand({file: 'sh', args: []})).toBeUndefined();
		expect(store.getState().aider.sessions).toEqual([]);
		expect(store.getState().aider.error).toBe(ptyMissingMessage(new Error('does not support your platform'), false));
		expect(ptyMissingMessage(new Error('The @lydell/node-pty package currently does not support your platform: android-arm64'), true, 'android', 'arm64')).toBe(
			'the terminal pane needs node-pty, which has no prebuilt binary for android-arm64: run stackdeck inside tmux and press t to open Aider in a tmux pane, or run `aider` in a terminal of its own. Everything else works without it.',
		);
	});
});
