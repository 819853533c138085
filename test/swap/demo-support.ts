// Helpers for swaps on `stackdeck demo`'s own stack: the demo started headless in a folder of its
// own (TMPDIR, HOME, XDG dirs), its config read back, `stackdeck swap` run against it with only that
// folder's environment, and the demo's files (meminfo, OpenHands' config, Aider's conf, journal).
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadConfig, locateConfig} from '../../source/config/load.js';
import type {Config} from '../../source/config/schema.js';
import {STACKDECK_BIN} from '../support/paths.js';

export interface HeadlessDemo {
	/** The test's own folder: TMPDIR, HOME and the XDG dirs live here. */
	root: string;
	env: NodeJS.ProcessEnv;
	configPath: string;
	config: Config;
	urls: {sglang: string; vllm: string; ollama: string};
	meminfo: string;
	openhandsToml: string;
	aiderConf: string;
	stateDir: string;
	journalFile: string;
	lockFile: string;
	stop(): Promise<void>;
}

/** The environment a user's shell would give: nothing from the test runner's (no DOCKER_HOST, no STACKDECK_MEMINFO). */
export function isolatedEnv(root: string): NodeJS.ProcessEnv {
	const dirs = {HOME: 'home', TMPDIR: 'tmp', XDG_CONFIG_HOME: 'config', XDG_STATE_HOME: 'state', XDG_CACHE_HOME: 'cache'};
	const env: NodeJS.ProcessEnv = {PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8'};
	for (const [name, dir] of Object.entries(dirs)) {
		env[name] = path.join(root, dir);
		mkdirSync(env[name]!, {recursive: true});
	}
	return env;
}

/** `stackdeck demo --headless` on free ports with short engine loads; resolves once its config is printed. */
export async function startHeadlessDemo(loadMs = 1500): Promise<HeadlessDemo> {
	const root = mkdtempSync(path.join(os.tmpdir(), 'sd-demo-swap-'));
	const env = isolatedEnv(root);
	const child = spawn(process.execPath, [STACKDECK_BIN, 'demo', '--headless', '--no-load', '--load-ms', String(loadMs), '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0'], {env, stdio: ['ignore', 'pipe', 'pipe']});
	let out = '';
	let err = '';
	child.stdout!.on('data', d => (out += d));
	child.stderr!.on('data', d => (err += d));
	const exited = new Promise<void>(r => child.once('exit', () => r()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(killer);
		}
		rmSync(root, {recursive: true, force: true, maxRetries: 5, retryDelay: 200});
	};
	try {
		const deadline = Date.now() + 30_000;
		while (!/\[aider\][^]*default_repo = /.test(out) && child.exitCode === null && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
		const configPath = /stackdeck --config (\S+)/.exec(out)?.[1];
		if (!configPath) throw new Error(`the demo did not print its config:\n${out}\n${err}`);
		const {config} = loadConfig(locateConfig(configPath));
		const url = (kind: string) => config.engines.list.find(e => e.kind === kind)!.url;
		const workDir = path.dirname(configPath);
		const stateDir = path.join(env['XDG_STATE_HOME']!, 'stackdeck');
		return {
			root,
			env,
			configPath,
			config,
			urls: {sglang: url('sglang'), vllm: url('vllm'), ollama: url('ollama')},
			meminfo: config.memory.meminfo_path!,
			openhandsToml: path.join(config.openhands.state_dir!, 'config.toml'),
			aiderConf: path.join(workDir, 'aider.conf.yml'),
			stateDir,
			journalFile: path.join(stateDir, 'swaps.jsonl'),
			lockFile: path.join(stateDir, 'swap.lock'),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

export interface DemoSwap {
	child: ChildProcess;
	/** Every JSON line printed so far (a test may watch it grow). */
	lines: Array<Record<string, unknown>>;
	stderr: () => string;
	done: Promise<{exitCode: number | null; signal: NodeJS.Signals | null; result: Record<string, unknown>}>;
}

/** `stackdeck --config <demo config> swap ARGS --json` as a script runs it. */
export function demoSwap(demo: HeadlessDemo, args: string[], configPath = demo.configPath): DemoSwap {
	const child = spawn(process.execPath, [STACKDECK_BIN, '--config', configPath, 'swap', ...args, '--json'], {env: {...demo.env, STACKDECK_SWAP_POLL_MS: '100'}, stdio: ['ignore', 'pipe', 'pipe']});
	const lines: Array<Record<string, unknown>> = [];
	let partial = '';
	let err = '';
	child.stdout!.on('data', (d: Buffer) => {
		partial += d.toString();
		const complete = partial.split('\n');
		partial = complete.pop()!;
		for (const l of complete) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
	});
	child.stderr!.on('data', d => (err += d));
	const done = new Promise<{exitCode: number | null; signal: NodeJS.Signals | null; result: Record<string, unknown>}>(resolve => {
		child.once('close', (exitCode, signal) => resolve({exitCode, signal, result: lines.find(l => l['type'] === 'result') ?? {}}));
	});
	return {child, lines, stderr: () => err, done};
}

/** MemAvailable of the demo's simulated Spark, in GB (10^9 bytes, as the swap's stages say). */
export function availableGb(meminfo: string): number {
	const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync(meminfo, 'utf8'));
	return (Number(m![1]) * 1024) / 1e9;
}

export function readJournal(demo: HeadlessDemo): Array<Record<string, unknown>> {
	try {
		return readFileSync(demo.journalFile, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as Record<string, unknown>);
	} catch {
		return [];
	}
}
