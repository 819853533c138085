// The known_hosts files ssh reads for the user (~/.ssh/known_hosts and known_hosts2, then the system's
// /etc/ssh/ssh_known_hosts and ssh_known_hosts2), read afresh at each SSH connect so a key the user just
// accepted counts at the next retry. Missing files are normal; unreadable ones are reported.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseKnownHosts, type KnownHostsEntry} from '../../domain/containers/known-hosts.js';

export interface KnownHostsFiles {
	entries: KnownHostsEntry[];
	/** The user's file as the user would type it ("~/.ssh/known_hosts"), for advice. */
	userFile: string;
	/** Files that exist but could not be read, with why. */
	problems: string[];
}

export const SYSTEM_KNOWN_HOSTS = ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'];

export function readKnownHosts(home: string, systemFiles: readonly string[] = SYSTEM_KNOWN_HOSTS): KnownHostsFiles {
	const user = ['known_hosts', 'known_hosts2'].map(name => ({path: join(home, '.ssh', name), shown: `~/.ssh/${name}`}));
	const entries: KnownHostsEntry[] = [];
	const problems: string[] = [];
	for (const {path, shown} of [...user, ...systemFiles.map(p => ({path: p, shown: p}))]) {
		let text: string;
		try {
			text = readFileSync(path, 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? '';
			if (code !== 'ENOENT' && code !== 'ENOTDIR') problems.push(`${shown} unreadable (${code || (error as Error).message})`);
			continue;
		}
		entries.push(...parseKnownHosts(text, shown));
	}
	return {entries, userFile: user[0]!.shown, problems};
}
