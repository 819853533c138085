// `stackdeck status --json` as a script reads it: rates come from two readings a window apart, so
// a busy engine has a decode rate instead of null.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {STACKDECK_BIN} from '../support/paths.js';

let dir: string;
let sim: SimEngine;
let config: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'sd-status-'));
	sim = await startSimEngine({kind: 'sglang', port: 0, decodeTps: 200});
	config = join(dir, 'config.toml');
	writeFileSync(config, `[docker]\nenabled = false\n\n[engines]\nprobe = false\n[[engines.list]]\nname = "sglang"\nurl = "${sim.url}"\n`);
});
afterAll(async () => {
	await sim?.stop();
	rmSync(dir, {recursive: true, force: true});
});

type Status = {throughput: {engines: {name: string; decodeTps: number | null}[]}};

describe('stackdeck status', () => {
	it('--json has a decode rate for an engine that is generating, and --window 0 leaves it out', async () => {
		// Short replies back to back while status takes its two readings: SGLang counts generated
		// tokens when a request finishes, so the load must finish requests inside the window.
		const controller = new AbortController();
		const busy = (async () => {
			while (!controller.signal.aborted) {
				await fetch(`${sim.url}/v1/chat/completions`, {
					method: 'POST',
					headers: {'content-type': 'application/json'},
					body: JSON.stringify({model: sim.model, messages: [{role: 'user', content: 'one more line'}], max_tokens: 40}),
					signal: controller.signal,
				}).then(r => r.text(), () => undefined);
			}
		})();
		try {
			const two = await execa('node', [STACKDECK_BIN, '--config', config, 'status', '--json', '--window', '1500'], {reject: false});
			expect(two.exitCode).toBe(0);
			const rate = (JSON.parse(two.stdout) as Status).throughput.engines[0]!.decodeTps;
			expect(rate).not.toBeNull();
			expect(rate!).toBeGreaterThan(0);
			const one = await execa('node', [STACKDECK_BIN, 'status', '--json', '--window', '0', '--config', config], {reject: false});
			expect((JSON.parse(one.stdout) as Status).throughput.engines[0]!.decodeTps).toBeNull();
		} finally {
			controller.abort();
			await busy;
		}
	});

	it('refuses a window that is not a number of milliseconds', async () => {
		const bad = await execa('node', [STACKDECK_BIN, 'status', '--window', 'soon', '--config', config], {reject: false});
		expect(bad.exitCode).toBe(2);
		expect(bad.stderr).toContain('--window takes milliseconds');
	});
});
