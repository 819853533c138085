// Starting and stopping a profile's server for each runtime: a Docker container (stop with a
// generous timeout, confirm it exited), a start/stop command pair, or an Ollama model (preload
// with keep_alive -1, unload with keep_alive 0; the server itself keeps running).

import {demuxBuffer} from '../../sources/docker/demux.js';
import type {SwapProfile} from '../../domain/swap/profile.js';
import {sleep, type SwapEnv} from '../../sources/swap/env.js';
import {answers, isServing} from '../../sources/swap/probe.js';

function docker(env: SwapEnv, p: SwapProfile) {
	if (!env.docker) throw new Error(`${p.name}: runs in container but Docker is not reachable (check [docker] in the config and the socket)`);
	return env.docker;
}

function dockerMessage(error: unknown): string {
	const e = error as {json?: {message?: string}; message?: string};
	return e.json?.message ?? e.message ?? String(error);
}

export async function startServer(p: SwapProfile, env: SwapEnv, signal: AbortSignal, log: (line: string) => void): Promise<string> {
	const r = p.runtime;
	if (r.type === 'docker') {
		try {
			await docker(env, p).getContainer(r.container).start();
		} catch (error) {
			if ((error as {statusCode?: number}).statusCode !== 304) throw new Error(`docker start ${r.container}: ${dockerMessage(error)}`);
		}
		return `container ${r.container} started`;
	}
	if (r.type === 'command') {
		const result = await env.exec(r.start, signal);
		for (const line of result.output.split('\n').filter(l => l.trim())) log(line);
		if (result.exitCode !== 0) throw new Error(`start_command exited ${result.exitCode}: ${lastLines(result.output, 3)}`);
		return 'start_command done';
	}
	if (r.type === 'ollama') {
		// No prompt and keep_alive -1: Ollama loads the model and keeps it until told otherwise.
		const res = await env.fetch(`${p.url}/api/generate`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({model: r.model, keep_alive: -1}), signal});
		const text = await res.text();
		if (!res.ok) throw new Error(`Ollama preload of ${r.model}: HTTP ${res.status} ${text.slice(0, 200)}`);
		return `Ollama loaded ${r.model}`;
	}
	throw new Error(`${p.name} has no runtime to start it`);
}

export async function stopServer(p: SwapProfile, env: SwapEnv, signal: AbortSignal): Promise<string> {
	const r = p.runtime;
	if (r.type === 'docker') {
		const container = docker(env, p).getContainer(r.container);
		try {
			await container.stop({t: p.stopTimeoutS});
		} catch (error) {
			const status = (error as {statusCode?: number}).statusCode;
			if (status !== 304) throw new Error(`docker stop ${r.container}: ${dockerMessage(error)}`);
		}
		const state = await container.inspect();
		if (state.State.Running) throw new Error(`container ${r.container} still running after docker stop -t ${p.stopTimeoutS}`);
		return `container ${r.container} ${state.State.Status}`;
	}
	if (r.type === 'command') {
		const result = await env.exec(r.stop, signal);
		if (result.exitCode !== 0) throw new Error(`stop_command exited ${result.exitCode}: ${lastLines(result.output, 3)}`);
		for (let i = 0; i < 600 && (await answers(p, env)); i++) await sleep(env.pollMs, signal);
		if (await answers(p, env)) throw new Error(`${p.url} still answers after stop_command`);
		return 'stop_command done; server gone';
	}
	if (r.type === 'ollama') {
		const res = await env.fetch(`${p.url}/api/generate`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({model: r.model, keep_alive: 0}), signal});
		const text = await res.text();
		if (!res.ok) throw new Error(`Ollama unload of ${r.model}: HTTP ${res.status} ${text.slice(0, 200)}`);
		for (let i = 0; i < 600 && (await isServing(p, env)); i++) await sleep(env.pollMs, signal);
		if (await isServing(p, env)) throw new Error(`Ollama still lists ${r.model} in /api/ps after keep_alive 0`);
		return `Ollama unloaded ${r.model}`;
	}
	throw new Error(`${p.name} has no runtime to stop it`);
}

/** Why the server can no longer come up (its container exited), or null. */
export async function deadReason(p: SwapProfile, env: SwapEnv): Promise<string | null> {
	if (p.runtime.type !== 'docker' || !env.docker) return null;
	try {
		const state = await env.docker.getContainer(p.runtime.container).inspect();
		if (state.State.Running) return null;
		return `container ${p.runtime.container} ${state.State.Status} (exit code ${state.State.ExitCode}${state.State.Error ? `: ${state.State.Error}` : ''})`;
	} catch (error) {
		return `container ${p.runtime.container}: ${dockerMessage(error)}`;
	}
}

/** The server's log lines since `sinceMs` (Docker only), newest last. */
export async function logLines(p: SwapProfile, env: SwapEnv, sinceMs: number, tail = 200): Promise<string[]> {
	if (p.runtime.type !== 'docker' || !env.docker) return [];
	try {
		const container = env.docker.getContainer(p.runtime.container);
		const info = await container.inspect();
		const buf = await container.logs({stdout: true, stderr: true, follow: false, tail, since: Math.floor(sinceMs / 1000)});
		const text = demuxBuffer(Buffer.isBuffer(buf) ? buf : Buffer.from(buf as unknown as string), Boolean(info.Config.Tty))
			.map(f => f.text)
			.join('');
		return text.split(/\r?\n/).filter(l => l.trim() !== '');
	} catch {
		return [];
	}
}

export function lastLines(text: string, n: number): string {
	return text.split('\n').filter(l => l.trim()).slice(-n).join(' | ') || '(no output)';
}

