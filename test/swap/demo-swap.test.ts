// `stackdeck swap` on `stackdeck demo`'s own stack, as a script runs it: the built binary against the
// demo's config, its Docker Engine API, its simulated Spark's meminfo and its client files.
import {copyFileSync, existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {STACKDECK_BIN} from '../support/paths.js';
import {models} from './support.js';
import {availableGb, demoSwap, readJournal, startHeadlessDemo, type HeadlessDemo} from './demo-support.js';

let demo: HeadlessDemo;

beforeAll(async () => {
	demo = await startHeadlessDemo(1500);
}, 60_000);

afterAll(async () => {
	await demo?.stop();
});

const stages = (lines: Array<Record<string, unknown>>) => lines.filter(l => l['type'] === 'stage');

/** The demo's MemAvailable, sampled every 100 ms until `done` settles. */
async function sampleMemory<T>(meminfo: string, done: Promise<T>): Promise<{result: T; samples: number[]}> {
	const samples = [availableGb(meminfo)];
	const timer = setInterval(() => {
		try {
			samples.push(availableGb(meminfo));
		} catch {
			// Between the writer's rename and our read: the next sample comes.
		}
	}, 100);
	try {
		const result = await done;
		samples.push(availableGb(meminfo));
		return {result, samples};
	} finally {
		clearInterval(timer);
	}
}

describe('stackdeck swap on the demo stack', {timeout: 120_000}, () => {
	it('refuses a model that does not fit before anything stops (exit 2)', async () => {
		// A copy of the demo's config with one more profile: Qwen3-235B-A22B in FP8 holds ~235 GB of
		// weights, more than the Spark's 128 GB whatever stops.
		const copy = path.join(path.dirname(demo.configPath), 'config-with-235b.toml');
		copyFileSync(demo.configPath, copy);
		writeFileSync(copy, `${readFileSync(copy, 'utf8')}\n[profiles.qwen3-235b-fp8]\ncontainer = "vllm"\nkind = "vllm"\nurl = ${JSON.stringify(demo.urls.vllm)}\nserved_model_name = "qwen3-235b"\nmemory_gb = 240\n`);
		const before = availableGb(demo.meminfo);
		const run = demoSwap(demo, ['qwen3-235b-fp8', '--yes'], copy);
		const {exitCode, result} = await run.done;
		expect(exitCode, run.stderr()).toBe(2);
		expect(result).toMatchObject({outcome: 'refused'});
		const plan = run.lines.find(l => l['type'] === 'plan')!;
		expect(plan).toMatchObject({fits: false, stop: ['mistral-small-4']});
		expect(String(plan['refusal'])).toMatch(/GB short even with every other profile stopped/);
		// Nothing ran: no stage, SGLang still serves, vLLM still stopped, the memory as it was.
		expect(stages(run.lines)).toEqual([]);
		expect(await models(demo.urls.sglang)).toEqual(['mistral-small-4']);
		expect(await models(demo.urls.vllm)).toBeNull();
		expect(Math.abs(availableGb(demo.meminfo) - before)).toBeLessThan(2);
		expect(existsSync(demo.lockFile)).toBe(false);
		expect(readJournal(demo).at(-1)).toMatchObject({to: 'qwen3-235b-fp8', outcome: 'refused'});
	});

	it('swaps SGLang for vLLM: only vLLM serves, memory released and taken again, both clients follow, one journal line', async () => {
		const journalBefore = readJournal(demo).length;
		const run = demoSwap(demo, ['qwen3-coder-next', '--yes']);
		const {result: done, samples} = await sampleMemory(demo.meminfo, run.done);
		expect(done.exitCode, run.stderr()).toBe(0);
		expect(done.result).toMatchObject({outcome: 'swapped'});
		expect(run.lines[0]).toMatchObject({type: 'plan', target: 'qwen3-coder-next', stop: ['mistral-small-4'], keep: ['qwen2.5-32b'], fits: true});
		// The demo's broken-model runs for its first 4 s without serving: a swap planned then stops
		// that load first (a stage of its own), one planned later finds it exited.
		const plan = run.lines[0] as {stopLoading: string[]};
		expect(plan.stopLoading.filter(name => name !== 'broken-model')).toEqual([]);
		const finished = stages(run.lines).filter(l => l['state'] === 'done').map(l => l['title']);
		if (plan.stopLoading.length > 0) expect(finished.splice(1, 1)).toEqual(['stop broken-model']);
		expect(finished).toEqual([
			'read host memory',
			'wait for requests on mistral-small-4 to finish',
			'stop mistral-small-4',
			'wait for 72 GB of memory to come back',
			'start qwen3-coder-next and wait until it serves',
		]);

		// Only vLLM serves, and lists its model; Ollama (another group) kept running.
		expect(await models(demo.urls.vllm)).toEqual(['qwen3-coder-next']);
		expect(await models(demo.urls.sglang)).toBeNull();
		expect(await models(demo.urls.ollama)).not.toBeNull();

		// The Spark's memory: SGLang's ~72 GB came back, then vLLM took ~78 GB.
		const start = samples[0]!;
		const peak = Math.max(...samples);
		const end = samples.at(-1)!;
		expect(peak - start).toBeGreaterThan(60);
		expect(peak - end).toBeGreaterThan(60);
		// The stage saw it too: at least 80% of SGLang's 72 GB back before vLLM started.
		const back = /\(\+(\d+) GB\)/.exec(String(stages(run.lines).find(l => l['title'] === 'wait for 72 GB of memory to come back' && l['state'] === 'done')!['detail']));
		expect(Number(back?.[1])).toBeGreaterThanOrEqual(57);

		// OpenHands (through host.docker.internal from its container) and Aider point at vLLM.
		const port = new URL(demo.urls.vllm).port;
		const toml = readFileSync(demo.openhandsToml, 'utf8');
		expect(toml).toContain('model = "openai/qwen3-coder-next"');
		expect(toml).toContain(`base_url = "http://host.docker.internal:${port}/v1"`);
		const yml = readFileSync(demo.aiderConf, 'utf8');
		expect(yml).toBe(`# ~/.aider.conf.yml as the seed has it\nmodel: openai/qwen3-coder-next\nopenai-api-base: ${demo.urls.vllm}/v1\nauto-commits: true\n`);
		expect(done.result['clients']).toEqual(expect.arrayContaining(['openhands restarted']));

		const journal = readJournal(demo).slice(journalBefore);
		expect(journal).toHaveLength(1);
		expect(journal[0]).toMatchObject({from: ['mistral-small-4'], to: 'qwen3-coder-next', outcome: 'swapped'});
		expect((journal[0]!['stages'] as unknown[]).length).toBe(5 + plan.stopLoading.length);
		expect(statSync(demo.journalFile).mode & 0o077).toBe(0);
		expect(existsSync(demo.lockFile)).toBe(false);

		// OpenHands, as the Doctor reads it from its container and config.toml, uses what serves now.
		const doctor = await execa(process.execPath, [STACKDECK_BIN, '--config', demo.configPath, 'doctor', '--json'], {reject: false, env: demo.env, extendEnv: false});
		const checks = (JSON.parse(doctor.stdout) as {checks: Array<{id: string; status: string; title: string}>}).checks;
		for (const id of ['openhands.model-served', 'openhands.base-url']) expect(checks.find(c => c.id === id), id).toMatchObject({status: 'ok'});
	});

	it('a swap to broken-model fails (exit 1) and rolls back: vLLM serves again, the clients stay on it', async () => {
		const run = demoSwap(demo, ['broken-model', '--yes']);
		const {exitCode, result} = await run.done;
		expect(exitCode, run.stderr()).toBe(1);
		expect(result).toMatchObject({outcome: 'failed'});
		expect(String(result['message'])).toMatch(/broken-model exited .*last log lines/);
		expect(stages(run.lines).some(l => l['title'] === 'stop qwen3-coder-next' && l['state'] === 'undone')).toBe(true);
		expect(await models(demo.urls.vllm)).toEqual(['qwen3-coder-next']);
		expect(await models(demo.urls.sglang)).toBeNull();
		expect(readFileSync(demo.openhandsToml, 'utf8')).toContain('model = "openai/qwen3-coder-next"');
		expect(readJournal(demo).at(-1)).toMatchObject({to: 'broken-model', outcome: 'failed'});
	});

	it('a swap killed with SIGKILL half-way leaves no lock that blocks the next one', async () => {
		const killed = demoSwap(demo, ['mistral-small-4', '--yes']);
		// Killed while it waits for vLLM's memory to come back: vLLM is stopped, SGLang not started.
		const deadline = Date.now() + 30_000;
		while (!killed.lines.some(l => l['type'] === 'stage' && String(l['title']).startsWith('wait for 80 GB')) && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
		expect(existsSync(demo.lockFile)).toBe(true);
		killed.child.kill('SIGKILL');
		expect((await killed.done).signal).toBe('SIGKILL');
		// The dead run's lock is still on disk; the next swap takes it over.
		expect(existsSync(demo.lockFile)).toBe(true);

		// vLLM's 80 GB may still be on its way back (the demo releases it over 1.5 s): until then the
		// next swap is refused as not fitting, and is tried again as a user would.
		let next = demoSwap(demo, ['mistral-small-4', '--yes']);
		let {exitCode, result} = await next.done;
		for (let i = 0; i < 10 && exitCode === 2 && /does not fit|short/.test(String((result as {message?: string} | undefined)?.message)); i++) {
			await new Promise(r => setTimeout(r, 1000));
			next = demoSwap(demo, ['mistral-small-4', '--yes']);
			({exitCode, result} = await next.done);
		}
		expect(exitCode, `${next.stderr()}\n${JSON.stringify(next.lines)}`).toBe(0);
		expect(result).toMatchObject({outcome: 'swapped'});
		expect(await models(demo.urls.sglang)).toEqual(['mistral-small-4']);
		expect(await models(demo.urls.vllm)).toBeNull();
		expect(readFileSync(demo.openhandsToml, 'utf8')).toContain('model = "openai/mistral-small-4"');
		expect(readFileSync(demo.aiderConf, 'utf8')).toContain('model: openai/mistral-small-4');
		expect(existsSync(demo.lockFile)).toBe(false);
	});
});
