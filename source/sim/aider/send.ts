// One message to the model: the chat files and history sent to the OpenAI-compatible endpoint,
// the reply streamed (repainted like rich Live when pretty), then Aider's token/cost line, whole-file
// edits with their commit, offers to add mentioned files and to run suggested shell commands, and
// on retryable errors Aider's back-off (0.25 s doubling to 32 s; FAKE_AIDER_FAST_RETRY shrinks the sleeps).

import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Chat} from './chat.js';
import {confirm} from './confirm.js';
import {messageCost, tokensLine} from './cost.js';
import {applyEdits, commitFiles, parseWholeEdits} from './edits.js';
import {headCommit, repoFiles} from './git.js';
import {appendInputHistory} from './history.js';
import {LiveReply} from './live-repaint.js';
import {LlmError, streamChat, type ChatMessage} from './llm.js';
import {pyFixed1} from './py-format.js';
import {mentionedFiles, shellSuggestions} from './reply.js';
import {runInPty} from './shell.js';
import {Spinner} from './spinner.js';
import {out, sleep} from './ui.js';

const SYSTEM =
	'Act as an expert software developer. Always use best practices when coding. To change a file, reply with its path on a line of its own, then a fenced code block with the whole new content of the file.';

/** The user message: each readable chat file as `path` + fenced content, then the request. */
function userContent(chat: Chat, text: string): string {
	const files = chat.files
		.map(f => {
			try {
				return `${f}\n\`\`\`\n${readFileSync(path.resolve(chat.root ?? chat.cwd, f), 'utf8')}\`\`\``;
			} catch {
				return '';
			}
		})
		.filter(Boolean);
	return files.length ? `${files.join('\n\n')}\n\n${text}` : text;
}

export async function send(chat: Chat, text: string): Promise<void> {
	const {ui} = chat;
	const {args} = ui;
	ui.log.user(text);
	chat.commitBeforeMessage = headCommit(chat.root);
	const messages: ChatMessage[] = [{role: 'system', content: SYSTEM}, ...chat.messages, {role: 'user', content: userContent(chat, text)}];
	const served = chat.model.replace(/^openai\//, '');
	let delay = 0.125;
	const fast = !!process.env['FAKE_AIDER_FAST_RETRY'];
	for (;;) {
		let started = false;
		const live = args.pretty && args.stream ? new LiveReply(ui) : undefined;
		const spinner = new Spinner(ui, chat.model);
		try {
			const reply = await streamChat(
				args.apiBase ?? 'https://api.openai.com/v1',
				args.apiKey ?? '',
				served,
				messages,
				chunk => {
					if (!started) {
						spinner.stop();
						started = true;
					}
					if (!args.stream) return;
					if (live) live.add(chunk);
					else ui.assistantChunk(chunk);
				},
				args.stream,
			);
			spinner.stop();
			if (live) {
				live.finish();
				out('\r\n');
			} else {
				if (!args.stream) ui.assistantChunk(reply.text);
				out('\r\n\r\n');
			}
			if (!reply.text.trim()) {
				ui.warning('Empty response received from LLM. Check your provider account?');
				return;
			}
			ui.log.assistant(reply.text);
			chat.messages.push({role: 'user', content: text}, {role: 'assistant', content: reply.text});
			const cost = messageCost(chat.costs, reply.promptTokens, reply.completionTokens);
			chat.sessionCost += cost;
			ui.tool(tokensLine(reply.promptTokens, reply.completionTokens, chat.costs, cost, chat.sessionCost));
			const applied = applyReplyEdits(chat, text, reply.text);
			await offerMentionedFiles(chat, reply.text, applied);
			if (args.suggestShellCommands) await offerShellCommands(chat, reply.text);
			return;
		} catch (error) {
			spinner.stop();
			if (!(error instanceof LlmError)) throw error;
			if (error.description) {
				ui.warning(error.message);
				ui.error(error.description);
			} else ui.error(error.message);
			if (!error.retry) return;
			delay *= 2;
			if (delay > 60) return;
			ui.tool(`Retrying in ${pyFixed1(delay)} seconds...`);
			await sleep(fast ? 10 : delay * 1000);
		}
	}
}

/** Writes the reply's whole-file edits (`Applied edit to <f>`) and commits them; returns the files edited. */
function applyReplyEdits(chat: Chat, text: string, reply: string): string[] {
	const {ui} = chat;
	const edits = parseWholeEdits(reply);
	if (edits.length === 0) return [];
	const applied = applyEdits(chat.root ?? chat.cwd, edits);
	for (const f of applied) ui.tool(`Applied edit to ${f}`);
	if (chat.root && ui.args.autoCommits && applied.length) {
		const message = `aider: ${text.split('\n')[0]!.slice(0, 60)}`;
		try {
			const hash = commitFiles(chat.root, applied, message);
			chat.aiderCommits.push(hash);
			ui.tool(`Commit ${hash} ${message}`, true);
			ui.tool('You can use /undo to undo and discard each aider commit.');
		} catch (error) {
			ui.error(`Unable to commit: ${(error as Error).message.split('\n')[0]}`);
		}
	}
	return applied;
}

/** "Add file to the chat?" for each repo file the reply names. */
async function offerMentionedFiles(chat: Chat, reply: string, edited: readonly string[]): Promise<void> {
	for (const file of mentionedFiles(reply, repoFiles(chat.root), chat.files, edited)) {
		if (await confirm(chat, 'Add file to the chat?', {subject: file})) chat.files.push(file);
	}
}

/** "Run shell command(s)?" (explicit yes) for each suggested block, then "Add command output to the chat?". */
async function offerShellCommands(chat: Chat, reply: string): Promise<void> {
	for (const commands of shellSuggestions(reply)) {
		const question = commands.length === 1 ? 'Run shell command?' : 'Run shell commands?';
		if (!(await confirm(chat, question, {subject: commands.join('\n'), explicitYes: true}))) continue;
		let output = '';
		for (const command of commands) {
			appendInputHistory(chat.ui.args.inputHistory, `/run ${command}`);
			output += (await runInPty(chat, command)).output;
		}
		if (output.trim() && (await confirm(chat, 'Add command output to the chat?'))) {
			chat.messages.push({role: 'user', content: output}, {role: 'assistant', content: 'Ok.'});
		}
	}
}
