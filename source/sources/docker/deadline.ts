// Every Docker request gets a deadline: a daemon that accepts the connection but never answers (hung,
// or stopped with SIGSTOP) must not hang `status` or leave the panel waiting forever. The request is
// aborted (its socket freed) and the error names the daemon, the request and the limit.

/** Long enough for a busy daemon's inspect or one-shot stats (which waits ~1 s for a CPU sample). */
export const DOCKER_DEADLINE_MS = 10_000;

export class DockerDeadlineError extends Error {
	readonly deadline = true;
}

export async function withDeadline<T>(endpoint: string, what: string, ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const expired = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			controller.abort();
			reject(new DockerDeadlineError(`Docker daemon at ${endpoint} did not answer ${what} within ${Math.round(ms / 1000)} s (hung or stopped); retrying`));
		}, ms);
		timer.unref?.();
	});
	try {
		return await Promise.race([run(controller.signal), expired]);
	} finally {
		clearTimeout(timer);
	}
}
