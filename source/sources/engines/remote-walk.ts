// One folder on another host, sized there with that box's own tools (sh, find, awk, timeout, stat,
// df: nothing installed) over the host's command channel: the walk has a time budget there, the
// command a deadline here, so a slow or gone host costs a bounded wait and never another host's.

import type {Host} from '../../hosts/host.js';
import {parseRemoteFolder, SUM_PROGRAM, WALK_SCRIPT, type RemoteFolder} from '../../domain/remote-folder.js';
import {printable} from '../../domain/text/printable.js';

export interface RemoteBudget {
	/** Seconds the walk may take there (timeout's budget); past it the size is a lower bound. */
	walkS: number;
	/** Milliseconds here until the command is given up (the connection, the walk, stat and df). */
	deadlineMs: number;
}

export const REMOTE_BUDGET: RemoteBudget = {walkS: 10, deadlineMs: 25_000};

/** Rejects when the host gives no answer (unreachable, no login, the deadline passed). */
export async function walkRemote(host: Host, folder: string, budget: RemoteBudget = REMOTE_BUDGET): Promise<RemoteFolder> {
	const r = await host.exec('sh', ['-c', WALK_SCRIPT, 'sh', String(budget.walkS), folder, SUM_PROGRAM], {timeoutMs: budget.deadlineMs});
	return parseRemoteFolder(r.stdout, r.stderr, folder);
}

/** Why a host gave no answer, short enough for a folder's line: "ECONNREFUSED", "no answer within 25 s". */
export function unreachableReason(error: unknown, budget: RemoteBudget = REMOTE_BUDGET): string {
	const code = (error as NodeJS.ErrnoException).code;
	const message = (error as Error).message ?? String(error);
	// The connection's own deadline names the address; the command's would repeat the whole script.
	if (code === 'ETIMEDOUT') return printable(/^connect to /.test(message) ? message : `no answer within ${Math.round(budget.deadlineMs / 1000)} s`);
	if (code && /^E[A-Z]+$/.test(code)) return code;
	return printable(message).slice(0, 80);
}
