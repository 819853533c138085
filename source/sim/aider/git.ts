// The git questions the fake Aider asks: the repo root, its tracked files, HEAD, whether a path is
// gitignored, and a diff. Output through a pipe (no pager, no colour), errors as thrown by git.

import {execFileSync} from 'node:child_process';

export function git(cwd: string, args: string[]): string {
	return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, GIT_PAGER: 'cat'}}).trim();
}

export function gitRoot(cwd: string): string | undefined {
	try {
		return git(cwd, ['rev-parse', '--show-toplevel']);
	} catch {
		return undefined;
	}
}

/** The tracked files, repo-relative; none without a repo. */
export function repoFiles(root: string | undefined): string[] {
	if (!root) return [];
	try {
		return git(root, ['ls-files']).split('\n').filter(Boolean);
	} catch {
		return [];
	}
}

export function gitFileCount(root: string): number {
	return repoFiles(root).length;
}

export function headCommit(root: string | undefined): string | undefined {
	if (!root) return undefined;
	try {
		return git(root, ['rev-parse', 'HEAD']);
	} catch {
		return undefined;
	}
}

/** `git check-ignore`: true when the repo-relative path is gitignored (and not tracked). */
export function isGitignored(root: string | undefined, rel: string): boolean {
	if (!root) return false;
	try {
		execFileSync('git', ['check-ignore', '-q', '--', rel], {cwd: root, stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}
