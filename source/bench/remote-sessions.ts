// Benchmark: listing another host's OpenHands sessions, where each file call is a command over ssh
// (a shell and a program started on that box). 200 V0 sessions and 20 V1 conversations are read
// through a Host over this machine's files that counts its calls, as the cockpit lists them every
// 5 s: the first listing reads every session (what every listing cost before the tree listing),
// the next ones only what moved (here: one live session writing an event between listings).

import {cpSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {RECENT_MS} from '../fs/stamp.js';
import type {HostFiles} from '../hosts/host.js';
import {createLocalHost} from '../hosts/local.js';
import {writeDemoSessions} from '../sim/openhands/demo-sessions.js';
import {createRemoteSessionLister} from '../sources/openhands/session-list.js';
import {hostFiles} from '../sources/openhands/state-files.js';
import {createRemoteV1Lister} from '../sources/openhands/v1/session-rows.js';
import type {Bench} from './types.js';

const V0_SESSIONS = 200;
const V1_CONVERSATIONS = 20;
/** The sessions source lists the state folder this often. */
const LISTING_S = 5;

export const remoteSessionsBench: Bench = {
	id: 'remote-sessions',
	async run() {
		const state = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-bench-remote-'));
		const host = createLocalHost({env: {}, docker: {socket_path: ''}});
		try {
			const demo = writeDemoSessions(state);
			const sessions = path.join(state, 'sessions');
			const conversations = path.join(state, 'conversations');
			const seeds = readdirSync(sessions);
			for (let i = seeds.length; i < V0_SESSIONS; i++) cpSync(path.join(sessions, seeds[i % seeds.length]!), path.join(sessions, `copy-${i}`), {recursive: true});
			for (let i = 1; i < V1_CONVERSATIONS; i++) cpSync(path.join(conversations, demo.v1), path.join(conversations, `copy${i}`), {recursive: true});
			let calls = 0;
			const counted = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => (...args: A) => (calls++, call(...args));
			const files: HostFiles = {
				...host.files,
				list: counted(host.files.list),
				readFile: counted(host.files.readFile),
				readFiles: counted(host.files.readFiles),
				stat: counted(host.files.stat),
				// As on a box whose files settled: the ones just written count as quiet (not changed within RECENT_MS).
				tree: counted(async (roots, depth, opts) => {
					const listing = await host.files.tree(roots, depth, opts);
					return {...listing, nowMs: listing.nowMs + RECENT_MS + 1000};
				}),
			};
			const remote = hostFiles({...host, label: 'bench', files});
			const v0 = createRemoteSessionLister(remote);
			const v1 = createRemoteV1Lister(remote);
			const listing = async () => {
				calls = 0;
				const rows = (await Promise.all([v0(state), v1(state)])).flat();
				if (rows.length !== V0_SESSIONS + V1_CONVERSATIONS) throw new Error(`listed ${rows.length} sessions of ${V0_SESSIONS + V1_CONVERSATIONS}`);
				return calls;
			};
			const first = await listing();
			const unchanged = await listing();
			demo.stepLive();
			const live = await listing();
			const perMinute = (n: number) => Math.round((n * 60) / LISTING_S);
			return [
				{
					name: `another host's sessions listed (${V0_SESSIONS} V0 + ${V1_CONVERSATIONS} V1)`,
					value: `${unchanged} commands a listing unchanged, ${live} with one session writing; ${first} reading every session (${(first / live).toFixed(0)}x)`,
					method: `file calls through a Host counted (each one ssh command there); at a listing every ${LISTING_S} s: ${perMinute(live)}/min instead of ${perMinute(first)}/min`,
					raw: {first, unchanged, live},
				},
			];
		} finally {
			host.close();
			rmSync(state, {recursive: true, force: true});
		}
	},
};
