// Whole-file edits, Aider's default edit format for models it does not know: a path on its own
// line, then a fenced block with the file's new content. Applied files are committed with git
// when the folder is a repo and auto-commits are on, printing Aider's `Commit <hash> <msg>`.

import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {git} from './git.js';

export interface WholeEdit {
	file: string;
	content: string;
}

export function parseWholeEdits(reply: string): WholeEdit[] {
	const lines = reply.split('\n');
	const edits: WholeEdit[] = [];
	for (let i = 0; i + 1 < lines.length; i++) {
		const name = lines[i]!.trim().replace(/^`|`$/g, '').replace(/:$/, '');
		if (!/^[\w./-]+\.[\w]+$/.test(name) || !lines[i + 1]!.startsWith('```')) continue;
		const end = lines.findIndex((l, j) => j > i + 1 && l.startsWith('```'));
		if (end < 0) break;
		edits.push({file: name, content: `${lines.slice(i + 2, end).join('\n')}\n`});
		i = end;
	}
	return edits;
}

export function applyEdits(root: string, edits: readonly WholeEdit[]): string[] {
	const applied: string[] = [];
	for (const edit of edits) {
		const full = path.resolve(root, edit.file);
		if (!full.startsWith(path.resolve(root) + path.sep)) continue;
		mkdirSync(path.dirname(full), {recursive: true});
		writeFileSync(full, edit.content);
		applied.push(edit.file);
	}
	return applied;
}

/** Commit the files; returns the short hash, or throws with git's message. */
export function commitFiles(root: string, files: readonly string[], message: string): string {
	git(root, ['add', '--', ...files]);
	git(root, ['-c', 'user.name=aider', '-c', 'user.email=aider@aider.chat', 'commit', '-q', '-m', message, '--', ...files]);
	return git(root, ['rev-parse', '--short=7', 'HEAD']);
}

/** /undo: reset the last aider commit, keeping Aider's output lines. */
export function undoCommit(root: string, hash: string): {removed: string; now: string} {
	const removed = git(root, ['log', '-1', '--format=%h %s', hash]);
	git(root, ['reset', '--hard', 'HEAD~1']);
	const now = git(root, ['log', '-1', '--format=%h %s']);
	return {removed, now};
}
