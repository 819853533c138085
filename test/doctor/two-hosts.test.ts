// The Doctor on every host: two headless demos as [[hosts]], the built cockpit in a real pty. The
// second host's Docker and engine checks run against its own daemon and engines, their findings
// named "spark2/…"; stopping its SGLang container with the docker CLI (through that demo's Docker
// Engine API socket) turns its base-URL check to a failure naming spark2, while spark1's stays ok.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import type {HeadlessDemo} from '../../source/bench/headless-demo.js';
import {hostEntry, startDemoHost, type DemoConfig} from '../support/demo-hosts.js';


const dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-doctor-hosts-'));
const demos: Record<string, HeadlessDemo> = {};
const configs: Record<string, DemoConfig> = {};
let configPath = '';
let screen: PtyScreen | undefined;


beforeAll(async () => {
	for (const name of ['spark1', 'spark2']) {
		const started = await startDemoHost(dir, name);
		demos[name] = started.demo;
		configs[name] = started.config;
	}
	configPath = path.join(dir, 'config.toml');
	writeFileSync(configPath, ['[local]', 'enabled = false', '', ...hostEntry('spark1', configs['spark1']!), ...hostEntry('spark2', configs['spark2']!)].join('\n'));
}, 90_000);

afterAll(async () => {
	for (const demo of Object.values(demos)) await demo.stop();
	rmSync(dir, {recursive: true, force: true});
});

afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
});

/** The status mark before a check's id on its list row ("✓ spark2/openhands.base-url  …"). */
function mark(l: string[], id: string): string | null {
	const re = new RegExp(`(\\S+) ${id.replace(/[./]/g, '\\$&')} `);
	for (const x of l) {
		const m = re.exec(x);
		if (m) return m[1]!;
	}
	return null;
}

describe('the Doctor on two hosts', () => {
	it('checks the second host’s containers and engines, and a stopped engine there is a finding naming spark2', async () => {
		const home = mkdtempSync(path.join(dir, 'home-'));
		const s = (screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', configPath, '--refresh', '500'], {cols: 160, rows: 48, env: {XDG_CONFIG_HOME: home, HOME: home}}));
		await s.waitForText('stackdeck');
		s.write('7');
		// Only the base-URL check, both hosts' rows: spark1's (first host, plain id) and spark2's.
		s.write('/');
		s.write('openhands.base-url');
		s.write('\r');
		await s.waitFor(l => mark(l, 'spark2/openhands.base-url') !== null && mark(l, 'openhands.base-url') !== null, 60_000, 'both hosts’ base-URL checks');
		const okMark = mark(s.lines(), 'openhands.base-url');
		expect(['✓', '+']).toContain(okMark);
		expect(mark(s.lines(), 'spark2/openhands.base-url')).toBe(okMark);
		// Stop spark2's SGLang through its own Docker Engine API socket, with the docker CLI.
		await execa('docker', ['stop', 'sglang'], {env: {DOCKER_HOST: configs['spark2']!.docker.host}});
		s.write('r');
		await s.waitFor(l => (l.find(x => x.includes(' spark2/openhands.base-url ')) ?? '').includes('is down'), 60_000, 'spark2’s base-URL check failing');
		const lines = s.lines();
		expect(['✗', 'X']).toContain(mark(lines, 'spark2/openhands.base-url'));
		// spark1's engine still serves: its check is unchanged.
		expect(mark(lines, 'openhands.base-url')).toBe(okMark);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 180_000);
});
