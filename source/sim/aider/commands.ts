// The chat commands: /add /drop /run (and `!`) /diff /undo /clear /reset /tokens /help /exit /quit,
// picked by any unambiguous prefix, with Aider's output lines (commands.py).

import {existsSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Chat} from './chat.js';
import {addOutcome, createQuestion, dropMatches, filesUnder, hasWildcard, matchGlob, wildcardNoMatch} from './chat-files.js';
import {confirm} from './confirm.js';
import {undoCommit} from './edits.js';
import {git, headCommit, isGitignored, repoFiles} from './git.js';
import {estimateTokens} from './llm.js';
import {pyFixed1} from './py-format.js';
import {outputLineCount, runInPty} from './shell.js';
import {crlf, out} from './ui.js';

export const COMMANDS = ['/add', '/clear', '/diff', '/drop', '/exit', '/help', '/quit', '/reset', '/run', '/tokens', '/undo'];

const HELP = [
	'/add    Add files to the chat so aider can edit them or review them in detail',
	'/clear  Clear the chat history',
	'/diff   Display the diff of changes since the last message',
	'/drop   Remove files from the chat session to free up context space',
	'/exit   Exit the application',
	'/reset  Drop all files and clear the chat history',
	'/run    Run a shell command and optionally add the output to the chat (alias: !)',
	'/tokens Report on the number of tokens used by the current chat context',
	'/undo   Undo the last git commit if it was done by aider',
].join('\n');

/** The command a typed name means (an exact name, or the one command it is a prefix of), or the error to print. */
export function resolveCommand(name: string): {command: string} | {error: string} {
	const matches = COMMANDS.filter(k => k.startsWith(name));
	if (matches.length === 0) return {error: `Invalid command: ${name}`};
	if (matches.includes(name)) return {command: name};
	if (matches.length > 1) return {error: `Ambiguous command: ${matches.join(', ')}`};
	return {command: matches[0]!};
}

/** Runs a `/` or `!` line; 'exit' for /exit and /quit. */
export async function command(chat: Chat, line: string): Promise<'exit' | 'done'> {
	const trimmed = line.trim();
	if (trimmed.startsWith('!')) {
		await cmdRun(chat, trimmed.slice(1));
		return 'done';
	}
	const name = trimmed.split(/\s+/)[0]!;
	const rest = trimmed.slice(name.length).trim();
	const resolved = resolveCommand(name);
	if ('error' in resolved) {
		chat.ui.error(resolved.error);
		return 'done';
	}
	switch (resolved.command) {
		case '/exit':
		case '/quit':
			return 'exit';
		case '/add':
			await cmdAdd(chat, rest);
			break;
		case '/drop':
			cmdDrop(chat, rest);
			break;
		case '/run':
			await cmdRun(chat, rest);
			break;
		case '/diff':
			await cmdDiff(chat);
			break;
		case '/clear':
			chat.messages = [];
			chat.ui.tool('All chat history cleared.');
			break;
		case '/reset':
			chat.files = [];
			chat.messages = [];
			chat.ui.tool('All files dropped and chat history cleared.');
			break;
		case '/undo':
			cmdUndo(chat);
			break;
		case '/tokens':
			cmdTokens(chat);
			break;
		default:
			chat.ui.tool(HELP);
	}
	return 'done';
}

/** /add <files/globs>: `Added <rel> to the chat`, or offers to create a file that does not exist. */
async function cmdAdd(chat: Chat, rest: string): Promise<void> {
	const base = chat.root ?? chat.cwd;
	for (const word of rest.split(/\s+/).filter(Boolean)) {
		let matched: string[];
		const full = path.resolve(chat.cwd, word);
		if (hasWildcard(word)) {
			matched = matchGlob(path.relative(base, full), repoFiles(chat.root));
			if (matched.length === 0) {
				chat.ui.error(wildcardNoMatch(full));
				continue;
			}
		} else if (existsSync(full) && statSync(full).isDirectory()) {
			matched = filesUnder(path.relative(base, full), repoFiles(chat.root));
		} else if (existsSync(full)) {
			matched = [path.relative(base, full)];
		} else {
			if (!(await confirm(chat, createQuestion(word, full)))) continue;
			writeFileSync(full, '', {flag: 'a'});
			matched = [path.relative(base, full)];
		}
		for (const rel of matched) {
			// git is asked about gitignore only for files not in the chat yet.
			const outcome = addOutcome(rel, chat.files, !chat.files.includes(rel) && isGitignored(chat.root, rel));
			if (outcome.added) {
				chat.files.push(rel);
				chat.ui.tool(outcome.message);
			} else chat.ui.error(outcome.error);
		}
	}
}

/** /drop [files]: all files, or the named ones (globs too). */
function cmdDrop(chat: Chat, rest: string): void {
	const words = rest.split(/\s+/).filter(Boolean);
	if (words.length === 0) {
		chat.ui.tool('Dropping all files from the chat session.');
		chat.files = [];
		return;
	}
	const base = chat.root ?? chat.cwd;
	for (const word of words) {
		const rel = path.relative(base, path.resolve(chat.cwd, word));
		for (const file of dropMatches(rel, hasWildcard(word), chat.files)) {
			chat.files = chat.files.filter(f => f !== file);
			chat.ui.tool(`Removed ${file} from the chat`);
		}
	}
}

/** /run and `!`: run it, then offer to add the output to the chat; a failed command prefills the next prompt. */
async function cmdRun(chat: Chat, commandLine: string): Promise<void> {
	if (!commandLine.trim()) return;
	const {output, code} = await runInPty(chat, commandLine);
	const tokens = estimateTokens(output);
	const add = await confirm(chat, `Add ${pyFixed1(tokens / 1000)}k tokens of command output to the chat?`);
	if (!add) return;
	chat.messages.push({role: 'user', content: `I ran this command:\n\n${commandLine}\n\nAnd got this output:\n\n${output}`}, {role: 'assistant', content: 'Ok.'});
	chat.ui.tool(`Added ${outputLineCount(output)} lines of output to the chat.`);
	if (code !== 0) chat.prefill = "What's wrong? Fix";
}

/** /diff: what changed since the commit before the last message, through git diff. */
async function cmdDiff(chat: Chat): Promise<void> {
	if (!chat.root) {
		chat.ui.error('No git repository found.');
		return;
	}
	const now = headCommit(chat.root);
	const before = chat.commitBeforeMessage;
	if (!before || before === now) {
		chat.ui.warning('No changes to display since the last message.');
		return;
	}
	chat.ui.tool(`Diff since ${before.slice(0, 7)}...`);
	if (chat.ui.args.pretty) {
		await runInPty(chat, `git diff ${before}`);
		return;
	}
	out(crlf(git(chat.root, ['diff', before])) + '\r\n');
}

function cmdUndo(chat: Chat): void {
	if (!chat.root) chat.ui.error('No git repository found.');
	else if (chat.aiderCommits.length === 0) chat.ui.error('The last commit was not made by aider in this chat session.');
	else {
		const {removed, now} = undoCommit(chat.root, chat.aiderCommits.pop()!);
		chat.ui.tool(`Removed: ${removed}`);
		chat.ui.tool(`Now at:  ${now}`);
	}
}

function cmdTokens(chat: Chat): void {
	const total = chat.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
	chat.ui.tool(`Approximate context window usage for ${chat.model}, in tokens:`);
	chat.ui.tool(`$ 0.0000 ${String(total).padStart(8)} tokens total`);
}
