// Two hosts side by side: `stackdeck demo --headless` run twice (each its own Docker Engine API socket,
// ports and TMPDIR), a config with both as [[hosts]], and the built cockpit in a real pty. One demo is
// frozen (SIGSTOP), thawed, then killed while the other's figures keep moving.

import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import type {HeadlessDemo} from '../../source/bench/headless-demo.js';
import {hostEntry, startDemoHost, type DemoConfig} from '../support/demo-hosts.js';


const dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-two-hosts-'));
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
	for (const demo of Object.values(demos)) {
		// A frozen demo cannot act on SIGTERM: let it run first.
		try {
			process.kill(demo.pid, 'SIGCONT');
		} catch {
			// Already gone.
		}
		await demo.stop();
	}
	rmSync(dir, {recursive: true, force: true});
});

afterEach(() => {
	screen?.kill('SIGKILL');
	screen = undefined;
});

function start(cols: number, rows: number): PtyScreen {
	const home = mkdtempSync(path.join(dir, 'home-'));
	screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', configPath, '--refresh', '500'], {cols, rows, env: {XDG_CONFIG_HOME: home, HOME: home}});
	return screen;
}

/** The port of a demo's engine with this name ("sglang"): its row is named :PORT. */
const port = (host: string, engine: string) => new URL(configs[host]!.engines.list.find(e => e.name === engine)!.url).port;

/** The decode rate on a host's SGLang row of the Throughput panel ("> spark1 :40000 mistral-small-4  92.6"). */
function sglangRate(lines: string[], host: string): string | null {
	const at = `:${port(host, 'sglang')} `;
	const row = lines.find(l => l.includes(`${host} `) && l.includes(at) && l.includes('mistral'));
	return row?.slice(row.indexOf(at) + at.length).match(/\s(\d+\.\d|–)\s/)?.[1] ?? null;
}

describe('two hosts side by side', () => {
	it('160x48: both hosts’ containers, engines and memory, each row naming its host', async () => {
		const s = start(160, 48);
		await s.waitFor(l => l.some(x => x.includes('HOST')), 30_000, 'a HOST column');
		// Containers: the same stack on both, each row under its host.
		await s.waitFor(l => ['spark1', 'spark2'].every(h => l.some(x => new RegExp(`${h}\\s+sglang:`).test(x))), 30_000, 'both hosts’ sglang containers');
		await s.waitFor(l => ['spark1', 'spark2'].every(h => l.some(x => new RegExp(`${h}\\s+openhands:`).test(x))), 30_000, 'both hosts’ openhands containers');
		// Engines: each demo's SGLang on its own port, under its host, serving with figures.
		await s.waitFor(l => sglangRate(l, 'spark1') !== null && sglangRate(l, 'spark2') !== null, 30_000, 'both hosts’ engines');
		// Memory: one line per host with its simulated 128 GB Spark.
		await s.waitFor(l => ['spark1', 'spark2'].every(h => l.some(x => new RegExp(`${h}\\s+[\\d.]+ GiB / 1[12]\\d(\\.\\d)? GiB`).test(x))), 30_000, 'both hosts’ memory');
		// The header names both hosts, the current one in brackets.
		expect(s.lines()[0]).toMatch(/\[spark1[^\]]*\] spark2/);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 180_000);

	it('46x19: one host at a time, `h` switches, the header says which', async () => {
		const s = start(46, 19);
		await s.waitForText('stackdeck');
		s.write('2');
		const p1 = `:${port('spark1', 'sglang')}`;
		const p2 = `:${port('spark2', 'sglang')}`;
		const shows = (l: string[], p: string) => l.some(x => x.includes(p));
		await s.waitFor(l => shows(l, p1) && l[0]!.includes('[spark1'), 30_000, 'spark1’s engines');
		expect(shows(s.lines(), p2)).toBe(false);
		s.write('h');
		await s.waitFor(l => l[0]!.includes('[spark2') && shows(l, p2) && !shows(l, p1), 10_000, 'spark2’s engines after h');
		s.write('1');
		await s.waitFor(l => l.some(x => /sglang:/.test(x)), 10_000, 'spark2’s containers');
		// Every frame fits the phone.
		expect(s.lines().length).toBeLessThanOrEqual(19);
		expect(s.lines().every(l => l.length <= 46)).toBe(true);
		s.write('h');
		await s.waitFor(l => l[0]!.includes('[spark1'), 10_000, 'back to spark1');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 180_000);

	it('status --json lists both hosts, up, and every record names its host', async () => {
		const r = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', configPath, '--window', '1000'], {reject: false, env: {HOME: dir}});
		const out = JSON.parse(r.stdout) as Record<string, any>;
		expect(out['hosts'].map((h: {id: string}) => h.id)).toEqual(['spark1', 'spark2']);
		for (const h of out['hosts']) {
			expect(h).toMatchObject({docker: {connection: 'up'}, engines: {up: 2, total: 3}});
			expect(h.memory.totalBytes).toBeGreaterThan(100 * 1024 ** 3);
		}
		const containers = out['containers'].containers as {hostId: string; name: string}[];
		for (const h of ['spark1', 'spark2']) expect(containers.filter(c => c.hostId === h).map(c => c.name)).toContain('sglang');
		const text = await execa(process.execPath, [STACKDECK_BIN, 'status', '--config', configPath, '--window', '0'], {reject: false, env: {HOME: dir}});
		expect(text.stdout).toMatch(/^Hosts\n {2}spark1 +\S+.*docker up.*\n {2}spark2 +\S+.*docker up/m);
	}, 180_000);

	it('a swap on the second host: `swap NAME` takes the profile’s host, `--host` names it; the first host is left alone', async () => {
		const c2 = configs['spark2']!;
		const url = (engine: string) => c2.engines.list.find(e => e.name === engine)!.url;
		const swapConfig = path.join(dir, 'swap.toml');
		const profile = (name: string, engine: string, kind: string, model: string, gb: number) => [`[profiles."${name}"]`, 'host = "spark2"', `url = "${url(engine)}"`, `kind = "${kind}"`, `served_model_name = "${model}"`, `memory_gb = ${gb}`, `container = "${engine}"`, 'load_timeout_s = 120', ''];
		writeFileSync(swapConfig, [readFileSync(configPath, 'utf8'), ...profile('spark2-mistral', 'sglang', 'sglang', 'mistral-small-4', 72), ...profile('spark2-coder', 'vllm', 'vllm', 'qwen3-coder-next', 80)].join('\n'));
		/** Running containers of a demo, as the docker CLI lists them through its Engine API socket. */
		const running = async (host: string) => (await execa('docker', ['ps', '--format', '{{.Names}}'], {env: {DOCKER_HOST: configs[host]!.docker.host}})).stdout.split('\n');
		const swap = async (...args: string[]) => {
			const r = await execa(process.execPath, [STACKDECK_BIN, 'swap', '--config', swapConfig, '--json', '--yes', '--force', ...args], {reject: false, env: {HOME: dir, XDG_STATE_HOME: path.join(dir, 'state')}});
			const lines = r.stdout.split('\n').filter(Boolean).map(l => JSON.parse(l) as Record<string, any>);
			return {code: r.exitCode, plan: lines.find(l => l['type'] === 'plan'), result: lines.find(l => l['type'] === 'result')!};
		};
		expect(await running('spark2')).toContain('sglang');
		const there = await swap('spark2-coder');
		expect(there.result).toMatchObject({outcome: 'swapped'});
		expect(there.code).toBe(0);
		expect(there.plan).toMatchObject({host: 'spark2', target: 'spark2-coder', stop: ['spark2-mistral']});
		expect(await running('spark2')).toEqual(expect.arrayContaining(['vllm']));
		expect(await running('spark2')).not.toContain('sglang');
		// spark1 was not touched: its SGLang serves, its vLLM stays stopped.
		expect(await running('spark1')).toContain('sglang');
		expect(await running('spark1')).not.toContain('vllm');
		const back = await swap('spark2-mistral', '--host', 'spark2');
		expect(back.result).toMatchObject({outcome: 'swapped'});
		expect(await running('spark2')).toContain('sglang');
		expect(await running('spark2')).not.toContain('vllm');
		// A host that is not configured is refused before anything runs.
		expect((await swap('spark2-mistral', '--host', 'spark9')).code).toBe(2);
	}, 300_000);

	it('a frozen host never holds up the other: its figures keep moving, the frozen one is shown down, then both come back; killed, it stays down', async () => {
		const s = start(160, 48);
		await s.waitFor(l => sglangRate(l, 'spark1') !== null && sglangRate(l, 'spark2') !== null, 30_000, 'both hosts’ engines');
		const frozen = demos['spark2']!;
		process.kill(frozen.pid, 'SIGSTOP');
		try {
			// spark2's requests hang: its rows go unreachable once their deadlines pass…
			await s.waitFor(l => sglangRate(l, 'spark2') === '–' && l.some(x => /spark2: down /.test(x)), 60_000, 'spark2 shown down');
			// …while spark1's figures keep changing, frame after frame.
			const seen = new Set<string>();
			await s.waitFor(
				l => {
					const rate = sglangRate(l, 'spark1');
					if (rate && rate !== '–') seen.add(rate);
					return seen.size >= 4;
				},
				60_000,
				'spark1’s rate moving while spark2 hangs',
			);
			expect(s.lines()[0]).toMatch(/spark2 (down|!\d)/);
		} finally {
			process.kill(frozen.pid, 'SIGCONT');
		}
		// Thawed: spark2's daemon and engines answer again.
		await s.waitFor(l => !l.some(x => /spark2: down /.test(x)) && (sglangRate(l, 'spark2') ?? '–') !== '–', 60_000, 'spark2 back');
		// Killed: its daemon and engines refuse; it is shown down with its age, spark1 goes on.
		process.kill(frozen.pid, 'SIGKILL');
		await s.waitFor(l => l.some(x => /spark2: down [\dhms.]+ \(since \d\d:\d\d:\d\d\); retrying/.test(x)), 40_000, 'spark2’s Docker down with its age');
		const seen = new Set<string>();
		await s.waitFor(
			l => {
				const rate = sglangRate(l, 'spark1');
				if (rate && rate !== '–') seen.add(rate);
				return seen.size >= 3;
			},
			60_000,
			'spark1’s rate moving after spark2 died',
		);
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 180_000);
});
