// `e` on a container: a shell inside it, in the cockpit's terminal pane (the one Aider uses), through
// the real docker CLI against the same daemon the cockpit watches. bash when the image has it, else sh.

import type Docker from 'dockerode';

/** Runs in the container: bash if it is there, else sh (busybox and alpine images have only sh). */
export const SHELL_PICK = 'command -v bash >/dev/null && exec bash || exec sh';

/** The docker CLI's argument list for an interactive shell in `id`. */
export function execArgs(id: string): string[] {
	return ['exec', '-it', id, 'sh', '-c', SHELL_PICK];
}

/**
 * Whether this daemon can exec: an exec instance is created (never started) as a probe. A daemon
 * without the endpoint (the demo's simulated one) answers 404; the caller says so instead of
 * opening a pane whose docker CLI would fail.
 */
export async function canExec(docker: Docker, id: string): Promise<{ok: true} | {ok: false; why: string}> {
	try {
		await docker.getContainer(id).exec({Cmd: ['true'], AttachStdout: false, AttachStderr: false});
		return {ok: true};
	} catch (error) {
		const e = error as {statusCode?: number; json?: {message?: string}; message?: string};
		const said = e.json?.message ?? e.message ?? String(error);
		if (e.statusCode === 404 && /page not found/i.test(said)) return {ok: false, why: 'this Docker API has no exec (the demo simulates the daemon; exec needs a real Docker Engine)'};
		return {ok: false, why: said};
	}
}
