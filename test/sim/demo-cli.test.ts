// `stackdeck demo --headless` as a user runs it: prints endpoints and a config, a busy port is
// replaced and reported, curl-able endpoints, exit 0 on SIGTERM with nothing left behind.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import net from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadConfig, locateConfig} from '../../source/config/load.js';
import {STACKDECK_BIN} from '../support/paths.js';

let busy: net.Server;
let busyPort = 0;
beforeAll(async () => {
	busy = net.createServer();
	await new Promise<void>(r => busy.listen(0, '127.0.0.1', () => r()));
	busyPort = (busy.address() as net.AddressInfo).port;
});
afterAll(async () => {
	await new Promise(r => busy.close(r));
});

describe('stackdeck demo --headless', () => {
	it('serves, reports a busy port, and exits 0 on SIGTERM leaving no listener or temp folder', async () => {
		expect(existsSync(STACKDECK_BIN)).toBe(true);
		const child = spawn(process.execPath, [STACKDECK_BIN, 'demo', '--headless', '--port-sglang', String(busyPort), '--port-vllm', '0', '--port-ollama', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let err = '';
		child.stdout.on('data', d => (out += d));
		child.stderr.on('data', d => (err += d));
		const exited = new Promise<number | null>(r => child.on('exit', code => r(code)));
		try {
			const deadline = Date.now() + 20_000;
			while (!/default_repo = /.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise(r => setTimeout(r, 100));
			expect(out, err).toContain('--- config.toml ---');
			expect(out).toContain(`sglang: port ${busyPort} is busy; serving on`);
			const configPath = /stackdeck --config (\S+)/.exec(out)![1]!;
			const {config} = loadConfig(locateConfig(configPath));
			expect(config.engines.list).toHaveLength(3);
			const byKind = Object.fromEntries(config.engines.list.map(e => [e.kind, e.url]));
			expect(byKind['sglang']).not.toContain(`:${busyPort}`);
			expect(out).toContain(byKind['sglang']!);
			const json = async <T,>(url: string) => (await (await fetch(url)).json()) as T;
			expect((await json<{data: Array<{owned_by: string}>}>(`${byKind['sglang']}/v1/models`)).data[0]!.owned_by).toBe('sglang');
			// vLLM's container is stopped (it does not fit beside SGLang): its port refuses until `docker start vllm`.
			await expect(fetch(`${byKind['vllm']}/version`)).rejects.toThrow();
			expect(out).toMatch(/DOCKER_HOST=unix:\/\/\S+\/docker\.sock/);
			expect(config.docker.enabled).toBe(true);
			expect(out).toContain(`DOCKER_HOST=${config.docker.host}`);
			expect((await json<{version: string}>(`${byKind['ollama']}/api/version`)).version).toEqual(expect.any(String));
			const stateDir = config.openhands.state_dir!;
			expect(existsSync(stateDir)).toBe(true);

			child.kill('SIGTERM');
			expect(await exited).toBe(0);
			expect(existsSync(stateDir)).toBe(false);
			for (const url of Object.values(byKind)) await expect(fetch(`${url}/v1/models`)).rejects.toThrow();
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});

	it('--json prints one JSON object: the config path, the engines\' URLs, the Docker socket', async () => {
		const child = spawn(process.execPath, [STACKDECK_BIN, 'demo', '--headless', '--json', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let err = '';
		child.stdout.on('data', d => (out += d));
		child.stderr.on('data', d => (err += d));
		const exited = new Promise<number | null>(r => child.on('exit', code => r(code)));
		const parsed = (): Record<string, unknown> | null => {
			try {
				return JSON.parse(out) as Record<string, unknown>;
			} catch {
				return null;
			}
		};
		try {
			const deadline = Date.now() + 20_000;
			while (parsed() === null && Date.now() < deadline && child.exitCode === null) await new Promise(r => setTimeout(r, 100));
			const info = parsed() as {config: string; dockerHost: string; engines: Array<{kind: string; url: string}>} | null;
			expect(info, `${out}\n${err}`).not.toBeNull();
			const {config} = loadConfig(locateConfig(info!.config));
			expect(info!.dockerHost).toBe(config.docker.host);
			expect(info!.dockerHost).toMatch(/^unix:\/\/.+\/docker\.sock$/);
			expect(Object.fromEntries(info!.engines.map(e => [e.kind, e.url]))).toEqual(Object.fromEntries(config.engines.list.map(e => [e.kind, e.url])));
			const sglang = info!.engines.find(e => e.kind === 'sglang')!;
			expect(((await (await fetch(`${sglang.url}/v1/models`)).json()) as {data: Array<{owned_by: string}>}).data[0]!.owned_by).toBe('sglang');
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
			// Nothing but the object on stdout, even after the stop.
			expect(parsed()).not.toBeNull();
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});
});
