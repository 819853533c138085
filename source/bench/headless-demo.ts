// `stackdeck demo --headless --load` in its own process, as a user runs it beside the cockpit: the
// config it prints is what the cockpit under measure (or test) is pointed at.
import {spawn, type ChildProcess} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The launcher a user runs (bin/stackdeck.js), from dist/bench/ or source/bench/ alike. */
export const STACKDECK_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'stackdeck.js');

export interface HeadlessDemo {
	configPath: string;
	pid: number;
	/** Everything it printed so far (the endpoints, DOCKER_HOST, the config). */
	output(): string;
	stop(): Promise<void>;
}

/** `env`: extra environment (TMPDIR: where its folder, socket and files go). */
export async function startHeadlessDemo(bin = STACKDECK_BIN, env: NodeJS.ProcessEnv = {}): Promise<HeadlessDemo> {
	const child: ChildProcess = spawn(process.execPath, [bin, 'demo', '--headless', '--load', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, ...env},
	});
	let out = '';
	let err = '';
	child.stdout!.on('data', d => (out += d));
	child.stderr!.on('data', d => (err += d));
	const exited = new Promise<void>(r => child.on('exit', () => r()));
	const deadline = Date.now() + 30_000;
	while (!/default_repo = /.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise(r => setTimeout(r, 100));
	const configPath = /stackdeck --config (\S+)/.exec(out)?.[1];
	if (!configPath) {
		child.kill('SIGKILL');
		throw new Error(`stackdeck demo --headless printed no config:\n${out}\n${err}`);
	}
	return {
		configPath,
		pid: child.pid!,
		output: () => out,
		async stop() {
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise(r => setTimeout(r, 5000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
		},
	};
}
