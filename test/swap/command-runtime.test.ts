// `stackdeck swap` on profiles run by start/stop commands (servers outside Docker): the simulated
// engines as separate processes holding the demo host's memory. A swap, a refusal that stops
// nothing, a broken target rolled back, and a run killed with SIGKILL that leaves no stuck lock.
import {spawn} from 'node:child_process';
import {existsSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {STACKDECK_BIN} from '../support/paths.js';
import {AIDER_YML, availableGb, commandProfileToml, freePort, journalLines, models, swapCli, until, workspace, type EngineSpec, type Workspace} from './support.js';

let ws: Workspace;
let ports: {sglang: number; vllm: number; broken: number};

const commandProfile = (name: string, o: EngineSpec) => commandProfileToml(ws, name, o);

function profiles() {
	return {
		sglang: {kind: 'sglang', model: 'mistral-small-4', port: ports.sglang, memoryGb: 72},
		vllm: {kind: 'vllm', model: 'qwen3-coder-next', port: ports.vllm, memoryGb: 80},
		broken: {kind: 'vllm', model: 'broken-model', port: ports.broken, memoryGb: 40, fail: 'RuntimeError: CUDA error: out of memory while loading shard'},
	};
}

async function startSglang(): Promise<void> {
	const p = profiles().sglang;
	const cfg = readFileSync(ws.configPath, 'utf8');
	const start = /start_command = (".*")/.exec(cfg.slice(cfg.indexOf('[profiles."mistral-small-4"]')))![1]!;
	await execa('sh', ['-c', JSON.parse(start) as string]);
	await until(async () => (await models(`http://127.0.0.1:${p.port}`)) !== null, 'sglang to serve');
}

beforeAll(async () => {
	ws = workspace();
	ports = {sglang: await freePort(), vllm: await freePort(), broken: await freePort()};
	const p = profiles();
	writeFileSync(
		ws.configPath,
		[
			'[docker]',
			'enabled = false',
			'',
			commandProfile('mistral-small-4', p.sglang),
			commandProfile('qwen3-coder-next', p.vllm),
			commandProfile('broken-model', p.broken),
			'[profiles.huge]',
			'runtime = "command"',
			'kind = "vllm"',
			`url = "http://127.0.0.1:${await freePort()}"`,
			'served_model_name = "huge"',
			'memory_gb = 200',
			'start_command = "false"',
			'stop_command = "true"',
			'',
		].join('\n'),
	);
	await startSglang();
}, 60_000);

afterAll(async () => {
	for (const name of ['mistral-small-4', 'qwen3-coder-next', 'broken-model']) {
		const pidFile = path.join(ws.dir, `${name}.pid`);
		if (existsSync(pidFile)) await execa('sh', ['-c', `kill $(cat '${pidFile}') 2>/dev/null; true`]);
	}
	rmSync(ws.dir, {recursive: true, force: true});
});

describe('stackdeck swap with the command runtime', {timeout: 180_000}, () => {
	it('lists the profiles with what serves and what fits', async () => {
		const run = await swapCli(ws, []);
		expect(run.exitCode, run.stderr).toBe(0);
		const rows = Object.fromEntries(run.lines.map(l => [l['name'], l]));
		expect(rows['mistral-small-4']!['serving']).toBe(true);
		expect(rows['qwen3-coder-next']!['fits']).toBe(true);
		expect(rows['huge']!['fits']).toBe(false);
	});

	it('refuses a swap that does not fit before anything stops', async () => {
		const run = await swapCli(ws, ['huge', '--yes']);
		expect(run.exitCode).toBe(2);
		expect(run.result['outcome']).toBe('refused');
		expect(String(run.result['message'])).toMatch(/short/);
		expect(run.lines.some(l => l['type'] === 'stage')).toBe(false);
		expect(await models(`http://127.0.0.1:${ports.sglang}`)).toEqual(['mistral-small-4']);
	});

	it('rolls back a swap to a model that fails to load: SGLang serves again', async () => {
		const run = await swapCli(ws, ['broken-model', '--yes']);
		expect(run.exitCode, JSON.stringify(run.lines)).toBe(1);
		expect(run.result['outcome']).toBe('failed');
		expect(String(run.result['message'])).toMatch(/rolled back/);
		expect(await models(`http://127.0.0.1:${ports.sglang}`)).toEqual(['mistral-small-4']);
		expect(await models(`http://127.0.0.1:${ports.broken}`)).toBeNull();
		expect(availableGb(ws)).toBe(128 - 6 - 72);
		// Clients stay on the engine that serves.
		expect(readFileSync(ws.aiderConf, 'utf8')).toBe(AIDER_YML);
	});

	it('swaps SGLang for vLLM: memory released and taken again, clients rewritten, journal line', async () => {
		expect(availableGb(ws)).toBe(50);
		const run = await swapCli(ws, ['qwen3-coder-next', '--yes']);
		expect(run.exitCode, JSON.stringify(run.lines)).toBe(0);
		const memoryStage = run.lines.find(l => l['type'] === 'stage' && String(l['title']).startsWith('wait for 72 GB') && l['state'] === 'done');
		expect(memoryStage?.['detail']).toMatch(/122 GB available \(\+72 GB\)/);
		expect(await models(`http://127.0.0.1:${ports.sglang}`)).toBeNull();
		expect(await models(`http://127.0.0.1:${ports.vllm}`)).toEqual(['qwen3-coder-next']);
		expect(availableGb(ws)).toBe(128 - 6 - 80);
		const toml = readFileSync(ws.openhandsToml, 'utf8');
		expect(toml).toContain('model = "openai/qwen3-coder-next"');
		expect(toml).toContain(`base_url = "http://host.docker.internal:${ports.vllm}/v1"`);
		expect(toml).toContain('# the model OpenHands asks for');
		expect(readFileSync(ws.aiderConf, 'utf8')).toContain(`model: openai/qwen3-coder-next   # the model\nopenai-api-base: "http://127.0.0.1:${ports.vllm}/v1"`);
		const last = journalLines(ws).at(-1)!;
		expect(last).toMatchObject({to: 'qwen3-coder-next', from: ['mistral-small-4'], outcome: 'swapped'});
		expect(last['loadMs']).toBeGreaterThan(0);
		expect(statSync(path.join(ws.dir, 'xdg-state', 'stackdeck', 'swaps.jsonl')).mode & 0o777).toBe(0o600);
		// `status` names the contract as met.
		const status = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', ws.configPath], {reject: false, env: {STACKDECK_MEMINFO: ws.meminfo}});
		expect(status.stdout).toMatch(/"openhandsContract": \{\s*"state": "met"/);
	});

	it('a swap killed with SIGKILL half-way leaves no lock that blocks the next one', async () => {
		// Make the target's load slow enough to kill the run during it.
		const cfg = readFileSync(ws.configPath, 'utf8');
		writeFileSync(ws.configPath, cfg.replace(/(\[profiles\."mistral-small-4"\][\s\S]*?)'--load-ms' '600'/, "$1'--load-ms' '10000'"));
		expect(readFileSync(ws.configPath, 'utf8')).toContain("'--load-ms' '10000'");
		// The earlier start's log goes, so only this start's shards are read below.
		const serverLog = path.join(ws.dir, 'mistral-small-4.log');
		rmSync(serverLog, {force: true});
		const child = spawn(process.execPath, [STACKDECK_BIN, 'swap', '--config', ws.configPath, '--json', '--yes', 'mistral-small-4'], {
			env: {...process.env, XDG_STATE_HOME: path.join(ws.dir, 'xdg-state'), STACKDECK_MEMINFO: ws.meminfo, STACKDECK_SWAP_POLL_MS: '100'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', d => (out += d));
		await until(() => /"title":"start mistral-small-4[^"]*","state":"running"/.test(out), 'the start stage');
		// Killed once the start command's server logs its first shard: it listens only after the whole
		// 10 s load, so the swap is still waiting, and the server outlives the swap as an orphaned load.
		await until(() => existsSync(serverLog) && /checkpoint shards: 1\//.test(readFileSync(serverLog, 'utf8')), 'the start command\'s server to load');
		const lock = path.join(ws.dir, 'xdg-state', 'stackdeck', 'swap.lock');
		expect(existsSync(lock), `the swap ended before it could be killed:\n${out}`).toBe(true);
		child.kill('SIGKILL');
		await new Promise(r => child.on('exit', r));
		expect(existsSync(lock)).toBe(true);
		// The next swap takes the stale lock over.
		await until(async () => (await models(`http://127.0.0.1:${ports.sglang}`)) !== null, 'the orphaned load to finish');
		const run = await swapCli(ws, ['qwen3-coder-next', '--yes']);
		expect(run.result['message']).not.toMatch(/another swap is running/);
		expect(run.exitCode, JSON.stringify(run.lines)).toBe(0);
		expect(await models(`http://127.0.0.1:${ports.vllm}`)).toEqual(['qwen3-coder-next']);
		expect(existsSync(lock)).toBe(false);
	}, 90_000);
});
