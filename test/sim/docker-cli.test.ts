// The real docker CLI against the demo's Engine API socket: every command a user would try on the
// demo stack succeeds, and stopping/starting engine containers moves the engines and the memory.
import {execFile, execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseMeminfo} from '../../source/domain/meminfo.js';
import {startDemoStack, type DemoStack} from '../../source/sim/index.js';

const run = promisify(execFile);
const LOAD_MS = 1200;

function cliInstalled(): boolean {
	try {
		execFileSync('docker', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}
const haveCli = cliInstalled();
if (!haveCli && process.env['CI'] !== 'true') console.warn('[stackdeck] docker CLI tests SKIPPED: no `docker` command on PATH (apt-get install docker.io)');

let stack: DemoStack;
beforeAll(async () => {
	stack = await startDemoStack({ports: {sglang: 0, vllm: 0, ollama: 0}, load: false, live: false, loadMs: LOAD_MS, crashAfterMs: 800});
});
afterAll(async () => {
	await stack?.stop();
});

async function docker(...args: string[]): Promise<string> {
	const {stdout} = await run('docker', args, {env: {...process.env, DOCKER_HOST: stack.dockerHost, DOCKER_CONTEXT: '', DOCKER_CONFIG: stack.workDir}, timeout: 20_000});
	return stdout;
}

const engine = (kind: string) => stack.engines.find(e => e.kind === kind)!;
const available = () => parseMeminfo(readFileSync(stack.meminfoPath, 'utf8')).availableBytes;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe.runIf(haveCli || process.env['CI'] === 'true')('docker CLI on the demo socket', () => {
	it('ps -a lists the stack: running services, vllm exited, broken-model exited with an error', async () => {
		const out = await docker('ps', '-a', '--format', '{{.Names}}\t{{.Image}}\t{{.Status}}');
		const rows = Object.fromEntries(out.trim().split('\n').map(l => [l.split('\t')[0], l.split('\t').slice(1)]));
		for (const name of ['openhands', 'sglang', 'ollama', 'gitea', 'tor', 'code-server']) expect(rows[name]?.[1], name).toMatch(/^Up /);
		expect(Object.keys(rows).some(n => n.startsWith('openhands-runtime-'))).toBe(true);
		expect(rows['vllm']![1]).toMatch(/^Exited \(0\)/);
		expect(rows['sglang']![0]).toBe('lmsysorg/sglang:v0.5.5');
		// broken-model dies 0.8 s after it starts here.
		for (let i = 0; i < 50 && !/Exited \(1\)/.test(rows['broken-model']?.[1] ?? ''); i++) {
			await sleep(100);
			const again = await docker('ps', '-a', '--filter', 'name=broken-model', '--format', '{{.Status}}');
			rows['broken-model'] = ['', again.trim()];
		}
		expect(rows['broken-model']![1]).toMatch(/^Exited \(1\)/);
		const {stderr} = await run('docker', ['logs', 'broken-model'], {env: {...process.env, DOCKER_HOST: stack.dockerHost}});
		expect(stderr).toContain('OSError: mistralai/Mistral-Small-4-v2 does not appear to have a file named config.json');
	});

	it('inspect sglang: image, masked-worthy env, mounts, port, restart policy, log config', async () => {
		const [info] = JSON.parse(await docker('inspect', 'sglang')) as Array<Record<string, any>>;
		expect(info!['Config'].Image).toBe('lmsysorg/sglang:v0.5.5');
		expect(info!['State'].Running).toBe(true);
		expect(info!['HostConfig'].RestartPolicy.Name).toBe('unless-stopped');
		expect(info!['HostConfig'].LogConfig).toEqual({Type: 'json-file', Config: {'max-file': '3', 'max-size': '10m'}});
		expect(info!['NetworkSettings'].Ports['30000/tcp'][0].HostPort).toBe(String(engine('sglang').port));
		const [oh] = JSON.parse(await docker('inspect', 'openhands')) as Array<Record<string, any>>;
		expect(oh!['Config'].Env).toContain('LLM_API_KEY=not-needed-local');
		const mounts = (oh!['Mounts'] as Array<{Source: string; Destination: string; RW: boolean}>).map(m => [m.Source, m.Destination, m.RW]);
		expect(mounts).toContainEqual([stack.stateDir, '/.openhands-state', true]);
		expect(mounts).toContainEqual([stack.configToml, '/app/config.toml', false]);
	});

	it('logs --tail 5 sglang and stats --no-stream', async () => {
		const {stdout, stderr} = await run('docker', ['logs', '--tail', '5', 'sglang'], {env: {...process.env, DOCKER_HOST: stack.dockerHost}});
		const lines = `${stdout}${stderr}`.trim().split('\n');
		expect(lines).toHaveLength(5);
		expect(lines.at(-1)).toContain('The server is fired up and ready to roll!');
		const stats = await docker('stats', '--no-stream', '--format', '{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}');
		const row = stats.split('\n').find(l => l.startsWith('sglang\t'))!;
		expect(row).toMatch(/^sglang\t\d+\.\d+%\t[\d.]+GiB \/ 121\.7GiB$/);
	});

	it('stop sglang: its port refuses at once and its memory comes back within two seconds', async () => {
		const since = Math.floor(Date.now() / 1000) - 1;
		const before = available();
		await fetch(`${engine('sglang').url}/v1/models`).then(r => expect(r.status).toBe(200));
		await docker('stop', 'sglang');
		await expect(fetch(`${engine('sglang').url}/v1/models`)).rejects.toThrow();
		let after = available();
		for (let i = 0; i < 40 && after - before < 60 * 1024 ** 3; i++) {
			await sleep(100);
			after = available();
		}
		// SGLang held 44.61 GiB of weights + 22.5 GiB of KV cache and CUDA graphs.
		expect((after - before) / 1024 ** 3).toBeGreaterThan(60);
		const events = await docker('events', '--since', String(since), '--until', String(Math.floor(Date.now() / 1000) + 1), '--filter', 'container=sglang', '--format', '{{.Action}}');
		// --since has a one-second grain: the stack's own create/start can fall inside it when this runs first.
		const actions = events.trim().split('\n');
		expect(actions.slice(actions.indexOf('kill'))).toEqual(['kill', 'die', 'stop']);
	});

	it('start vllm: /health 503 while loading, then /v1/models lists the Qwen model within the load time', async () => {
		const url = engine('vllm').url;
		await expect(fetch(`${url}/v1/models`)).rejects.toThrow();
		await docker('start', 'vllm');
		const health = await fetch(`${url}/health`);
		expect(health.status).toBe(503);
		expect((await fetch(`${url}/v1/models`)).status).toBe(503);
		const started = Date.now();
		let ids: string[] = [];
		while (Date.now() - started < LOAD_MS + 5000) {
			const res = await fetch(`${url}/v1/models`);
			if (res.status === 200) {
				ids = ((await res.json()) as {data: Array<{id: string}>}).data.map(m => m.id);
				break;
			}
			await sleep(100);
		}
		expect(ids).toEqual(['qwen3-coder-next']);
		const logs = await run('docker', ['logs', 'vllm'], {env: {...process.env, DOCKER_HOST: stack.dockerHost}});
		expect(logs.stderr).toMatch(/Loading safetensors checkpoint shards: 100% Completed \| 10\/10/);
		expect(logs.stdout).toContain('Application startup complete.');
	});

	it('restart ollama and events --since replay the actions in order', async () => {
		const since = (Date.now() / 1000).toFixed(3);
		await docker('restart', 'ollama');
		const out = await docker('events', '--since', since, '--until', String(Math.ceil(Date.now() / 1000) + 1), '--format', '{{json .}}');
		const actions = out.trim().split('\n').map(l => JSON.parse(l) as {Action: string; Actor: {Attributes: {name: string}}}).filter(e => e.Actor.Attributes.name === 'ollama').map(e => e.Action);
		expect(actions).toEqual(['kill', 'die', 'stop', 'start', 'restart']);
		expect(await docker('ps', '--filter', 'name=ollama', '--format', '{{.Status}}')).toMatch(/^Up /);
	});
});
