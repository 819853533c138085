// A host's memory through Prometheus: Debian's prometheus-node-exporter (meminfo collector only) and
// prometheus, both on loopback, the exporter scraped every second; a [[hosts]] entry with
// `prometheus` and no ssh shows the box's MemTotal and MemAvailable from node_exporter's series, says
// where they came from, and a Prometheus that goes away is shown as such.

import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {STACKDECK_BIN} from '../support/paths.js';
import {freePort} from '../support/free-port.js';

const EXPORTER = ['/usr/bin/prometheus-node-exporter', '/usr/bin/node_exporter'].find(p => spawnSync(p, ['--version']).status === 0);
const HAVE = spawnSync('prometheus', ['--version']).status === 0 && EXPORTER !== undefined;
if (!HAVE) {
	if (process.env['CI'] === 'true') throw new Error('CI=true but prometheus or prometheus-node-exporter is missing: .ci/run installs them');
	console.warn('[stackdeck] Prometheus host-memory tests SKIPPED: no prometheus or prometheus-node-exporter (apt-get install prometheus prometheus-node-exporter)');
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

let dir: string;
let prom: ChildProcess | undefined;
let exporter: ChildProcess | undefined;
let promUrl: string;
let config: string;

beforeAll(async () => {
	if (!HAVE) return;
	dir = mkdtempSync(join(tmpdir(), 'sd-prom-mem-'));
	const exporterPort = await freePort();
	exporter = spawn(EXPORTER!, [`--web.listen-address=127.0.0.1:${exporterPort}`, '--collector.disable-defaults', '--collector.meminfo'], {stdio: 'ignore'});
	const port = await freePort();
	promUrl = `http://127.0.0.1:${port}`;
	writeFileSync(join(dir, 'prometheus.yml'), ['global:', '  scrape_interval: 1s', 'scrape_configs:', '  - job_name: node', '    static_configs:', `      - targets: ['127.0.0.1:${exporterPort}']`, ''].join('\n'));
	prom = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {stdio: 'ignore'});
	// Ready, and the exporter scraped at least once. A starting Prometheus answers 503 with a plain-text
	// body, so a body that is not JSON counts as not ready yet.
	for (let i = 0; i < 120; i++) {
		const r = await fetch(`${promUrl}/api/v1/query?query=node_memory_MemTotal_bytes`).then(r => r.json() as Promise<{data?: {result?: unknown[]}}>).catch(() => null);
		if ((r?.data?.result?.length ?? 0) > 0) break;
		await sleep(500);
	}
	config = join(dir, 'config.toml');
	writeFileSync(config, ['[docker]', 'enabled = false', '[engines]', 'probe = false', '[[hosts]]', 'name = "box"', `prometheus = "${promUrl}"`, 'probe_host = "127.0.0.1"', ''].join('\n'));
}, 90_000);

afterAll(() => {
	prom?.kill('SIGTERM');
	exporter?.kill('SIGTERM');
	if (dir) rmSync(dir, {recursive: true, force: true});
});

const status = async () => JSON.parse((await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', config, '--window', '0'], {reject: false, env: {HOME: dir}})).stdout) as Record<string, any>;

describe.skipIf(!HAVE)('host memory through Prometheus (node_exporter)', () => {
	it('shows the box’s MemTotal and MemAvailable from node_exporter, naming the Prometheus', async () => {
		const out = await status();
		const box = out['hosts'].find((h: {id: string}) => h.id === 'box');
		const meminfo = readFileSync('/proc/meminfo', 'utf8');
		const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(meminfo)![1]) * 1024;
		expect(box.memoryError).toBeNull();
		expect(box.memory).toMatchObject({totalBytes: kb('MemTotal'), via: promUrl});
		// Available memory moves; within 10% of this moment's reading (taken a scrape apart).
		const used = kb('MemTotal') - kb('MemAvailable');
		expect(Math.abs(box.memory.usedBytes - used)).toBeLessThan(kb('MemTotal') * 0.1);
	}, 60_000);

	it('a Prometheus that is gone is shown as such on that host', async () => {
		prom?.kill('SIGTERM');
		await new Promise(r => prom!.once('exit', r));
		const out = await status();
		const box = out['hosts'].find((h: {id: string}) => h.id === 'box');
		expect(box.memory).toBeNull();
		expect(box.memoryError).toMatch(/Prometheus.*(ECONNREFUSED|refused)/i);
	}, 60_000);
});
