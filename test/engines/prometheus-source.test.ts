// Engine figures through a real Prometheus (Debian's package) that scrapes two simulated engines
// every second: the same decode rates and hit ratios as scraping the engines directly (within 5%),
// from Prometheus's history on the first read, and a Prometheus that stops is shown as such.

import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {configSchema} from '../../source/config/schema.js';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {benchOnce} from '../../source/sources/engines/bench-client.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {throughputStatus} from '../../source/panels/throughput/status.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {localHost} from '../support/host.js';
import {freePort} from '../support/free-port.js';

const HAVE = spawnSync('prometheus', ['--version']).status === 0;
if (!HAVE) {
	if (process.env['CI'] === 'true') throw new Error('CI=true but the prometheus binary is missing: .ci/run installs Debian\'s prometheus');
	console.warn('[stackdeck] Prometheus tests SKIPPED: no prometheus binary (apt-get install prometheus)');
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

let dir: string;
let engines: SimEngine[] = [];
let prom: ChildProcess | undefined;
let promUrl: string;
let load = true;
let loaders: Promise<unknown> | undefined;

beforeAll(async () => {
	if (!HAVE) return;
	dir = mkdtempSync(join(tmpdir(), 'sd-prom-'));
	engines = [await startSimEngine({kind: 'sglang', port: 0, decodeTps: 120}), await startSimEngine({kind: 'vllm', port: 0, decodeTps: 90})];
	const port = await freePort();
	promUrl = `http://127.0.0.1:${port}`;
	writeFileSync(
		join(dir, 'prometheus.yml'),
		['global:', '  scrape_interval: 1s', '  evaluation_interval: 1s', 'scrape_configs:', '  - job_name: engines', '    static_configs:', `      - targets: [${engines.map(e => `'127.0.0.1:${e.port}'`).join(', ')}]`, ''].join('\n'),
	);
	prom = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {stdio: 'ignore'});
	for (let i = 0; i < 60; i++) {
		const ready = await fetch(`${promUrl}/-/ready`).then(r => r.ok, () => false);
		if (ready) break;
		await sleep(500);
	}
	// Steady load: two staggered request loops per engine, so one request is always decoding and
	// requests finish all the time (SGLang counts generated tokens when a request finishes).
	const loop = async (e: SimEngine, delay: number) => {
		await sleep(delay);
		while (load) await benchOnce({url: e.url, kind: e.kind, model: e.model, maxTokens: 60});
	};
	loaders = Promise.all(engines.flatMap(e => [loop(e, 0), loop(e, 300)]));
	// Enough history in Prometheus for the rate and latency windows.
	await sleep(16_000);
}, 90_000);

afterAll(async () => {
	load = false;
	await loaders;
	prom?.kill('SIGTERM');
	for (const e of engines) await e.stop();
	if (dir) rmSync(dir, {recursive: true, force: true});
});

function enginesConfig(extra: Record<string, unknown> = {}) {
	return configSchema.parse({engines: {probe: false, list: engines.map(e => ({name: e.kind, url: e.url}))}, ...extra});
}

describe.skipIf(!HAVE)('Prometheus as the engines\' source', () => {
	it('gives the same decode rates and hit ratios as scraping the engines, on its first read', async () => {
		const direct = createAppStore(initialState(true));
		const viaProm = createAppStore(initialState(true));
		const directSource = createEnginesSource({store: direct, config: enginesConfig(), refreshMs: 1000, env: {}, host: localHost()});
		const promSource = createEnginesSource({store: viaProm, config: enginesConfig({prometheus: {url: promUrl}}), refreshMs: 1000, env: {}, host: localHost()});
		await directSource.start?.();
		await promSource.start?.();
		// The direct source needs its own 10 s of scrapes; Prometheus has the history already.
		await promSource.poll!();
		const first = viaProm.getState().engines.rows;
		expect(first.every(r => r.state === 'up' && (r.figures?.decodeTps ?? 0) > 0)).toBe(true);
		for (let i = 0; i < 12; i++) {
			await directSource.poll!();
			await sleep(1000);
		}
		await Promise.all([directSource.poll!(), promSource.poll!()]);
		for (const e of engines) {
			const a = direct.getState().engines.rows.find(r => r.url === e.url)!;
			const b = viaProm.getState().engines.rows.find(r => r.url === e.url)!;
			expect(b.kind).toBe(e.kind);
			expect(b.via).toBe(promUrl);
			expect(a.via).toBeNull();
			const rate = (x: typeof a) => x.figures!.decodeTps!;
			expect(Math.abs(rate(b) - rate(a)) / rate(a), `${e.kind}: ${rate(b)} via Prometheus, ${rate(a)} direct`).toBeLessThan(0.05);
			const hit = (x: typeof a) => x.figures!.cacheHitRatioLifetime;
			if (hit(a) !== null) expect(Math.abs(hit(b)! - hit(a)!)).toBeLessThan(0.05);
		}
		expect(throughputStatus(viaProm.getState()).lines.join('\n')).toContain(`[via Prometheus ${promUrl}]`);
	}, 60_000);

	it('shows a Prometheus that stopped answering', async () => {
		const store = createAppStore(initialState(true));
		const source = createEnginesSource({store, config: enginesConfig({prometheus: {url: promUrl}}), refreshMs: 1000, env: {}, host: localHost()});
		await source.start?.();
		prom!.kill('SIGTERM');
		await new Promise(r => prom!.once('exit', r));
		await source.poll!();
		const row = store.getState().engines.rows[0]!;
		expect(row.state).toBe('unreachable');
		expect(row.downReason).toMatch(/^Prometheus: ECONNREFUSED/);
	}, 30_000);
});
