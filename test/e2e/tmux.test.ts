// `stackdeck tmux`: one cockpit pane per panel in a real tmux, on a private tmux server.

import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {STACKDECK_BIN} from '../support/paths.js';

let dir: string | undefined;
afterEach(() => {
	if (!dir) return;
	spawnSync('tmux', ['kill-server'], {env: tmuxEnv(dir)});
	rmSync(dir, {recursive: true, force: true});
	dir = undefined;
});

const shebang = () => readFileSync(STACKDECK_BIN, 'utf8').split('\n', 1)[0]!.split(/\s+/);
/** The Node flags of the launcher's shebang (`#!/usr/bin/env -S NAME=VALUE... node FLAGS`). */
const shebangFlags = () => shebang().slice(shebang().indexOf('node') + 1);
/** The environment the shebang sets (the C library's malloc settings). */
const shebangVariables = () => shebang().filter(word => /^[A-Z_]+=/.test(word));

/** The process a pane runs (its pid and command line), or its child where the pane's shell forked one. */
function paneProcess(pid: number): {pid: number; argv: string[]} {
	const argv = (p: number) => readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean);
	const isOurs = (a: string[]) => a.some(x => x.endsWith('stackdeck.js'));
	if (isOurs(argv(pid))) return {pid, argv: argv(pid)};
	const children = readdirSync(`/proc/${pid}/task`).flatMap(t => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
	const child = children.map(Number).find(c => isOurs(argv(c)));
	return child === undefined ? {pid, argv: argv(pid)} : {pid: child, argv: argv(child)};
}

/** A tmux server of our own (TMUX_TMPDIR) and an empty config folder; not inside anyone's tmux. */
function tmuxEnv(root: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, TMUX_TMPDIR: root, XDG_CONFIG_HOME: root, HOME: root, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
	delete env['TMUX'];
	delete env['TMUX_PANE'];
	return env;
}

describe('stackdeck tmux', () => {
	it('opens a window with one full-size cockpit pane per chosen panel, run with the launcher\'s Node flags', async () => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-tmux-'));
		const env = tmuxEnv(dir);
		// The user's tmux server is already running, started without the launcher's malloc settings.
		execFileSync('tmux', ['new-session', '-d', '-s', 'before'], {env});
		// As a user runs it: the launcher through its shebang (node from PATH).
		const out = execFileSync(STACKDECK_BIN, ['tmux', '--detach', 'memory', '1'], {env: {...env, PATH: `${path.dirname(process.execPath)}:${env['PATH'] ?? ''}`}, encoding: 'utf8'});
		const session = /session (\S+) started/.exec(out)?.[1];
		expect(session, out).toBeTruthy();
		const panes = () => execFileSync('tmux', ['list-panes', '-t', `${session}:stackdeck`, '-F', '#{pane_id}'], {env, encoding: 'utf8'}).trim().split('\n');
		expect(panes()).toHaveLength(2);
		const capture = (pane: string) => execFileSync('tmux', ['capture-pane', '-p', '-t', pane], {env, encoding: 'utf8'});
		const deadline = Date.now() + 20_000;
		let screens: string[] = [];
		while (Date.now() < deadline) {
			screens = panes().map(capture);
			if (screens[0]!.includes('Used') && screens[1]!.includes('╭─ 1 Containers')) break;
			await new Promise(r => setTimeout(r, 200));
		}
		expect(screens[0]).toContain('╭─ 3 Memory');
		expect(screens[0]).not.toContain('1 Containers');
		expect(screens[1]).toContain('╭─ 1 Containers');
		expect(screens[1]).not.toContain('3 Memory');
		const flags = shebangFlags();
		expect(flags.length).toBeGreaterThan(0);
		const pids = execFileSync('tmux', ['list-panes', '-t', `${session}:stackdeck`, '-F', '#{pane_pid}'], {env, encoding: 'utf8'}).trim().split('\n').map(Number);
		const variables = shebangVariables();
		expect(variables.length).toBeGreaterThan(0);
		for (const pid of pids) {
			const pane = paneProcess(pid);
			expect(pane.argv.slice(1, 1 + flags.length), pane.argv.join(' ')).toEqual(flags);
			// The malloc settings too: a pane starts from the tmux server's environment, not ours.
			const environ = readFileSync(`/proc/${pane.pid}/environ`, 'utf8').split('\0');
			for (const variable of variables) expect(environ).toContain(variable);
		}
	});

	it('an unknown panel exits 2 and starts nothing', () => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-tmux-'));
		const result = spawnSync(process.execPath, [STACKDECK_BIN, 'tmux', '--detach', 'gpu'], {env: tmuxEnv(dir), encoding: 'utf8'});
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('--panel takes one of');
		expect(spawnSync('tmux', ['list-sessions'], {env: tmuxEnv(dir)}).status).not.toBe(0);
	});
});
