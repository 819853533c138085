// Two hosts and a Prometheus: `stackdeck demo --headless` run twice as [[hosts]], and Debian's
// prometheus on loopback scraping both demos' engines and a node_exporter every second. spark1 names
// the Prometheus (its engines' figures and its memory come from there), spark2 is read directly; the
// built cockpit in a real pty shows both side by side at 160x48, each engine row saying where its
// figures came from, and one host at a time through `h` at 46x19.

import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {STACKDECK_BIN} from '../support/paths.js';
import type {HeadlessDemo} from '../../source/bench/headless-demo.js';
import {hostEntry, startDemoHost, type DemoConfig} from '../support/demo-hosts.js';
import {freePort} from '../support/free-port.js';

const EXPORTER = ['/usr/bin/prometheus-node-exporter', '/usr/bin/node_exporter'].find(p => spawnSync(p, ['--version']).status === 0);
const HAVE = spawnSync('prometheus', ['--version']).status === 0 && EXPORTER !== undefined;
if (!HAVE) {
	if (process.env['CI'] === 'true') throw new Error('CI=true but prometheus or prometheus-node-exporter is missing: .ci/run installs them');
	console.warn('[stackdeck] two hosts with Prometheus SKIPPED: no prometheus or prometheus-node-exporter (apt-get install prometheus prometheus-node-exporter)');
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-two-hosts-prom-'));
const demos: Record<string, HeadlessDemo> = {};
const configs: Record<string, DemoConfig> = {};
let prom: ChildProcess | undefined;
let exporter: ChildProcess | undefined;
let promUrl = '';
let configPath = '';
let screen: PtyScreen | undefined;

beforeAll(async () => {
	if (!HAVE) return;
	for (const name of ['spark1', 'spark2']) {
		const started = await startDemoHost(dir, name);
		demos[name] = started.demo;
		configs[name] = started.config;
	}
	const exporterPort = await freePort();
	exporter = spawn(EXPORTER!, [`--web.listen-address=127.0.0.1:${exporterPort}`, '--collector.disable-defaults', '--collector.meminfo'], {stdio: 'ignore'});
	const port = await freePort();
	promUrl = `http://127.0.0.1:${port}`;
	const targets = Object.values(configs).flatMap(c => c.engines.list.map(e => `'${new URL(e.url).host}'`));
	writeFileSync(
		path.join(dir, 'prometheus.yml'),
		[
			'global:',
			'  scrape_interval: 1s',
			'  evaluation_interval: 1s',
			'scrape_configs:',
			'  - job_name: engines',
			'    static_configs:',
			`      - targets: [${targets.join(', ')}]`,
			'  - job_name: node',
			'    static_configs:',
			`      - targets: ['127.0.0.1:${exporterPort}']`,
			'',
		].join('\n'),
	);
	prom = spawn('prometheus', [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {stdio: 'ignore'});
	// Ready, with node_exporter and spark1's SGLang scraped at least once.
	const sglang1 = new URL(configs['spark1']!.engines.list.find(e => e.name === 'sglang')!.url).host;
	for (let i = 0; i < 120; i++) {
		const has = async (q: string) => ((await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(q)}`).then(r => r.json() as Promise<{data?: {result?: unknown[]}}>).catch(() => null))?.data?.result?.length ?? 0) > 0;
		if ((await has('node_memory_MemTotal_bytes')) && (await has(`up{instance="${sglang1}"} == 1`))) break;
		await sleep(500);
	}
	configPath = path.join(dir, 'config.toml');
	writeFileSync(configPath, ['[local]', 'enabled = false', '', ...hostEntry('spark1', configs['spark1']!, [`prometheus = "${promUrl}"`]), ...hostEntry('spark2', configs['spark2']!)].join('\n'));
}, 120_000);

afterAll(async () => {
	prom?.kill('SIGTERM');
	exporter?.kill('SIGTERM');
	for (const demo of Object.values(demos)) await demo.stop();
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

const port = (host: string, engine: string) => new URL(configs[host]!.engines.list.find(e => e.name === engine)!.url).port;

/** The index of a host's SGLang row in the Throughput panel ("> spark1 :40000 mistral-small-4  92.6"). */
function sglangRow(lines: string[], host: string): number {
	const at = `:${port(host, 'sglang')} `;
	return lines.findIndex(l => l.includes(`${host} `) && l.includes(at) && l.includes('mistral'));
}
function sglangRate(lines: string[], host: string): string | null {
	const i = sglangRow(lines, host);
	if (i < 0) return null;
	const at = `:${port(host, 'sglang')} `;
	return lines[i]!.slice(lines[i]!.indexOf(at) + at.length).match(/\s(\d+\.\d|–)\s/)?.[1] ?? null;
}
/** The line under a host's SGLang row: where its figures came from. */
const below = (lines: string[], host: string) => lines[sglangRow(lines, host) + 1] ?? '';

describe.skipIf(!HAVE)('two hosts and a Prometheus', () => {
	it('160x48: both hosts’ containers, engines and memory side by side; spark1’s figures say they came through Prometheus', async () => {
		const s = start(160, 48);
		await s.waitFor(l => l.some(x => x.includes('HOST')), 30_000, 'a HOST column');
		await s.waitFor(l => ['spark1', 'spark2'].every(h => l.some(x => new RegExp(`${h}\\s+sglang:`).test(x))), 30_000, 'both hosts’ sglang containers');
		// Engines: both serve with a decode rate; spark1's through Prometheus (said under its row), spark2's direct.
		await s.waitFor(l => /\d+\.\d/.test(sglangRate(l, 'spark1') ?? '') && /\d+\.\d/.test(sglangRate(l, 'spark2') ?? ''), 40_000, 'both hosts’ SGLang decode rates');
		await s.waitFor(l => below(l, 'spark1').includes(`via Prometheus ${promUrl}`), 20_000, 'spark1’s row naming the Prometheus');
		expect(below(s.lines(), 'spark2')).not.toContain('Prometheus');
		// spark1's Ollama has no series in Prometheus: it still names its model, read from the engine itself;
		// its stopped vLLM is down as Prometheus's failing scrape says.
		const row1 = (l: string[], engine: string) => l.find(x => x.includes('spark1 ') && x.includes(`:${port('spark1', engine)} `)) ?? '';
		await s.waitFor(l => row1(l, 'ollama').includes('qwen2.5'), 20_000, 'spark1’s Ollama naming its model');
		const under1 = (l: string[], engine: string) => l[l.indexOf(row1(l, engine)) + 1] ?? '';
		await s.waitFor(l => under1(l, 'vllm').includes('(Prometheus: up = 0'), 20_000, 'spark1’s vLLM down through Prometheus');
		// Memory: spark1's from node_exporter (this machine's MemTotal; a quiet machine uses under 1 GiB,
		// shown in MiB), spark2's from its simulated 128 GB Spark.
		const memTotal = Number(/MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))![1]) * 1024;
		const gib = (memTotal / 1024 ** 3).toFixed(1);
		await s.waitFor(
			l => l.some(x => new RegExp(`spark1\\s+[\\d.]+ [MG]iB / ${gib.replace('.', '\\.')} GiB \\d+%  via Prometheus`).test(x)) && l.some(x => /spark2\s+[\d.]+ GiB \/ 1[12]\d(\.\d)? GiB/.test(x)),
			30_000,
			'both hosts’ memory',
		);
		expect(s.lines().find(x => /spark2\s+[\d.]+ GiB \//.test(x))).not.toContain('Prometheus');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 180_000);

	it('46x19: `h` switches between the Prometheus-read host and the direct one', async () => {
		const s = start(46, 19);
		await s.waitForText('stackdeck');
		s.write('2');
		const p1 = `:${port('spark1', 'sglang')}`;
		const p2 = `:${port('spark2', 'sglang')}`;
		const shows = (l: string[], p: string) => l.some(x => x.includes(p));
		await s.waitFor(l => shows(l, p1) && l[0]!.includes('[spark1') && l.some(x => x.includes('via Prometheus')), 40_000, 'spark1’s engines via Prometheus');
		expect(shows(s.lines(), p2)).toBe(false);
		s.write('h');
		await s.waitFor(l => l[0]!.includes('[spark2') && shows(l, p2) && !shows(l, p1), 10_000, 'spark2’s engines after h');
		expect(s.lines().some(x => x.includes('via Prometheus'))).toBe(false);
		s.write('1');
		await s.waitFor(l => l.some(x => /sglang:/.test(x)), 10_000, 'spark2’s containers');
		expect(s.lines().length).toBeLessThanOrEqual(19);
		expect(s.lines().every(l => l.length <= 46)).toBe(true);
		s.write('h');
		await s.waitFor(l => l[0]!.includes('[spark1') && l.some(x => /sglang:/.test(x)), 10_000, 'spark1’s containers');
		s.write('q');
		expect((await s.exited).exitCode).toBe(0);
	}, 180_000);
});
