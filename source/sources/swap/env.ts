// What a swap needs from the outside world, handed in: a Docker client, a shell, HTTP, the host's
// memory, a state folder and a clock. The cockpit and `stackdeck swap` build it from the config;
// tests build it around real servers and containers.

import type {HostMemory} from '../../domain/swap/plan.js';

/** The part of a dockerode container a swap uses. */
export interface SwapContainer {
	start(): Promise<unknown>;
	stop(options: {t: number}): Promise<unknown>;
	restart(options: {t: number}): Promise<unknown>;
	inspect(): Promise<{State: {Running: boolean; Status: string; ExitCode: number; Error?: string}; Config: {Tty?: boolean}}>;
	logs(options: {stdout: true; stderr: true; follow: false; tail?: number; since?: number}): Promise<Buffer>;
}

export interface SwapDocker {
	getContainer(name: string): SwapContainer;
}

export interface ExecResult {
	exitCode: number;
	output: string;
}

export interface SwapEnv {
	/** null when Docker is not configured or not reachable. */
	docker: SwapDocker | null;
	/** Runs a shell command line (`sh -c`), output merged. */
	exec(command: string, signal: AbortSignal): Promise<ExecResult>;
	fetch: typeof fetch;
	/** Host memory from the Memory panel's source (/proc/meminfo or STACKDECK_MEMINFO). */
	readMemory(): Promise<HostMemory | null>;
	/** $XDG_STATE_HOME/stackdeck: the lock and the journal live here. */
	stateDir: string;
	/** How often the waits poll (ms). */
	pollMs: number;
	now(): number;
}

/** Sleeps, or rejects with an AbortError when the signal fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(abortError());
		const timer = setTimeout(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(abortError());
		};
		signal.addEventListener('abort', onAbort, {once: true});
	});
}

export function abortError(): Error {
	const error = new Error('cancelled');
	error.name = 'AbortError';
	return error;
}
