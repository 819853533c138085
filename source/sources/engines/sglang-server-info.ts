// SGLang's server info (server args, per-DP-rank memory, version). Current releases serve it at
// /server_info and log a deprecation warning on every /get_server_info call; releases before the
// rename have only /get_server_info (404 on the new name). The path that answered is handed back so
// the caller asks it directly next time, instead of a 404 and a retry on every poll.

import {getText, joinUrl} from './http.js';

export type ServerInfoPath = '/server_info' | '/get_server_info';

export interface ServerInfoAnswer {
	path: ServerInfoPath;
	body: unknown;
}

const OTHER: Record<ServerInfoPath, ServerInfoPath> = {'/server_info': '/get_server_info', '/get_server_info': '/server_info'};

/**
 * The server info from `known` (the path that answered before) or else /server_info first; the other
 * path only when that one answers 404 (an upgrade or downgrade behind the same URL). undefined when
 * nothing answers with JSON.
 */
export async function readServerInfo(url: string, timeoutMs: number, known: ServerInfoPath | null = null): Promise<ServerInfoAnswer | undefined> {
	const first = known ?? '/server_info';
	for (const path of [first, OTHER[first]]) {
		let answer: {status: number; body: string};
		try {
			answer = await getText(joinUrl(url, path), timeoutMs);
		} catch {
			return undefined;
		}
		if (answer.status === 404) continue;
		if (answer.status !== 200) return undefined;
		try {
			return {path, body: JSON.parse(answer.body) as unknown};
		} catch {
			return undefined;
		}
	}
	return undefined;
}
