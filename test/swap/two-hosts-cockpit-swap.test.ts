// The cockpit's `m` window swaps on the host `h` chose: two headless demos as [[hosts]], profiles
// that run on spark2 only, the built cockpit in a real pty. On spark1 the window has no profiles; after
// `h` it lists spark2's, and a swap there stops spark2's SGLang and starts its vLLM (as the docker CLI
// sees them through that demo's Docker Engine API socket) while spark1's containers are left alone.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import type {HeadlessDemo} from '../../source/bench/headless-demo.js';
import {hostEntry, startDemoHost, type DemoConfig} from '../support/demo-hosts.js';


const dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-swap-hosts-'));
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
	const c2 = configs['spark2']!;
	const url = (engine: string) => c2.engines.list.find(e => e.name === engine)!.url;
	const profile = (name: string, engine: string, kind: string, model: string, gb: number) => [`[profiles."${name}"]`, 'host = "spark2"', `url = "${url(engine)}"`, `kind = "${kind}"`, `served_model_name = "${model}"`, `memory_gb = ${gb}`, `container = "${engine}"`, 'load_timeout_s = 120', ''];
	configPath = path.join(dir, 'config.toml');
	writeFileSync(
		configPath,
		['[local]', 'enabled = false', '', ...hostEntry('spark1', configs['spark1']!), ...hostEntry('spark2', c2), ...profile('spark2-mistral', 'sglang', 'sglang', 'mistral-small-4', 72), ...profile('spark2-coder', 'vllm', 'vllm', 'qwen3-coder-next', 80)].join('\n'),
	);
}, 90_000);

afterAll(async () => {
	for (const demo of Object.values(demos)) await demo.stop();
	rmSync(dir, {recursive: true, force: true});
});

afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
});

const running = async (host: string) => (await execa('docker', ['ps', '--format', '{{.Names}}'], {env: {DOCKER_HOST: configs[host]!.docker.host}})).stdout.split('\n');

describe('the m window on the host h chose', () => {
	it('lists that host’s profiles and swaps there, leaving the other host alone', async () => {
		const home = mkdtempSync(path.join(dir, 'home-'));
		const s = (screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', configPath, '--refresh', '500'], {cols: 100, rows: 40, env: {XDG_CONFIG_HOME: home, HOME: home, XDG_STATE_HOME: path.join(home, 'state')}}));
		await s.waitFor(l => l[0]!.includes('[spark1'), 30_000, 'spark1 current');
		// spark1 runs none of the profiles.
		s.write('m');
		await s.waitForText('Swap model on spark1', 10_000);
		await s.waitForText('no profiles', 30_000);
		s.write('\x1b');
		await s.waitFor(l => !l.some(x => x.includes('Swap model')), 10_000, 'the window closed');
		s.write('h');
		await s.waitFor(l => l[0]!.includes('[spark2'), 10_000, 'spark2 current');
		s.write('m');
		await s.waitForText('Swap model on spark2', 10_000);
		await s.waitForText(/spark2-coder +80G fits/, 30_000);
		expect(s.lines().some(x => /spark2-mistral +72G serving/.test(x))).toBe(true);
		s.write('j');
		s.write('\r');
		await s.waitForText(/swap to spark2-coder/, 30_000);
		s.write('y');
		// The demo keeps requests going on spark2's SGLang: force past the wait for them.
		await s.waitForText(/wait for requests on spark2-mistral/, 30_000);
		s.write('f');
		// The swap runs on spark2's daemon: its vLLM up, its SGLang stopped.
		await s.waitFor(l => l.some(x => /spark2-coder serves qwen3-coder-next/.test(x)), 120_000, 'the swap to finish');
		expect(await running('spark2')).toContain('vllm');
		expect(await running('spark2')).not.toContain('sglang');
		// spark1 untouched.
		expect(await running('spark1')).toContain('sglang');
		expect(await running('spark1')).not.toContain('vllm');
		s.write('\x1b');
		s.write('q');
	}, 240_000);
});
