// Project repositories for the Doctor: the folders under the project dirs that are git repositories,
// and the identity and timezone of their recent commits (read with the user's own git).

import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import type {CommitFact, RepoFact} from '../../domain/doctor/facts.js';
import type {DoctorIo} from './io.js';

const SEP = '\x1f';

/** `git log --format` output with our separator, one commit a line. */
export function parseCommitLines(stdout: string): CommitFact[] {
	return stdout
		.split('\n')
		.filter(l => l.includes(SEP))
		.map(line => {
			const [authorName = '', authorEmail = '', authorDate = '', committerName = '', committerEmail = '', committerDate = ''] = line.split(SEP);
			const tz = (raw: string) => raw.trim().split(' ')[1] ?? '';
			return {authorName, authorEmail, committerName, committerEmail, authorTz: tz(authorDate), committerTz: tz(committerDate)};
		});
}

/** The project dirs themselves when they are repositories, else their direct subfolders that are. */
export async function findRepos(dirs: readonly string[], limit = 20): Promise<string[]> {
	const repos: string[] = [];
	for (const dir of dirs) {
		let entries;
		try {
			entries = await readdir(dir, {withFileTypes: true});
		} catch {
			continue;
		}
		if (entries.some(e => e.name === '.git')) {
			repos.push(dir);
			continue;
		}
		for (const e of entries) {
			if (!e.isDirectory() || e.name.startsWith('.')) continue;
			try {
				const inner = await readdir(join(dir, e.name));
				if (inner.includes('.git')) repos.push(join(dir, e.name));
			} catch {
				// unreadable subfolder: not a repository we can check
			}
			if (repos.length >= limit) return repos;
		}
	}
	return repos;
}

export async function repoFact(io: DoctorIo, path: string, commits = 20): Promise<RepoFact> {
	const format = ['%an', '%ae', '%ad', '%cn', '%ce', '%cd'].join(SEP);
	const out = await io.run('git', ['-C', path, 'log', `-n${commits}`, '--date=raw', `--format=${format}`], {timeoutMs: 5000});
	if (out.code !== 0) return {path, error: out.code === 127 ? 'git not found' : 'git log failed (an empty repository?)', commits: []};
	return {path, error: null, commits: parseCommitLines(out.stdout)};
}
