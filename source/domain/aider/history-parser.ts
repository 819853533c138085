// Reads Aider's chat history markdown (`.aider.chat.history.md`) into events: what the user sent,
// token counts, cost, edits, commits, undos and errors. Same rules as Aider's own reader:
// `# ` session headers, `#### ` user lines, `> ` tool lines, anything else assistant text. Also
// which files are in the chat: `/add`, `/drop`, `/reset`, files given at launch, and a yes to
// Aider's "Add file to the chat?" (its subject line, the file, is the tool line just before it).

import {parseTokenCount} from './tokens.js';

export type AiderEvent =
	| {kind: 'session-start'; at: string}
	| {kind: 'user'; text: string}
	| {kind: 'assistant'; text: string}
	| {kind: 'tokens'; sent: number; received: number; cacheWrite?: number; cacheHit?: number}
	| {kind: 'cost'; message: number; session: number}
	| {kind: 'edit'; file: string}
	| {kind: 'commit'; hash: string; message: string}
	| {kind: 'undo'; hash: string; message: string}
	| {kind: 'error'; text: string}
	| {kind: 'chat-add'; file: string; readOnly?: boolean}
	| {kind: 'chat-drop'; file: string}
	| {kind: 'chat-drop-all'}
	| {kind: 'confirm'; question: string; answer: string}
	| {kind: 'tool'; text: string};

/** What a read of the history needs from the one before (a confirm's subject may come in an earlier read). */
export interface ParseCarry {
	lastTool?: string;
}

// Counts as format_tokens writes them ("790", "4.2k", "12k"); a malformed one ("1.") makes the line
// not a token report, so one bad line cannot turn the session's total into NaN.
const COUNT = String.raw`(\d+(?:\.\d+)?k?)`;
const TOKENS = new RegExp(String.raw`^Tokens: ${COUNT} sent(?:, ${COUNT} cache write)?(?:, ${COUNT} cache hit)?, ${COUNT} received\.(?: Cost: \$([\d.]+) message, \$([\d.]+) session\.)?$`);
const COST = /^Cost: \$([\d.]+) message, \$([\d.]+) session\.$/;
const COMMIT = /^Commit ([0-9a-f]{7,40}) (.*)$/;
const UNDO = /^Removed: ([0-9a-f]{7,40}) (.*)$/;
const EDIT = /^Applied edit to (.+)$/;
// `Added N lines of output to the chat.` (/run) names no file, so it is checked first.
const RUN_OUTPUT = /^Added \d+ lines? of output to the chat\.$/;
const ADDED_READ_ONLY = /^Added (.+) to the chat \(read-only\)\.$|^Added (.+) to read-only files\.$/;
const ADDED = /^Added (.+) to the chat\.?$/;
const REMOVED = /^Removed (?:read-only file )?(.+) from the chat$/;
const DROP_ALL = /^Dropping all files from the chat session|^All files dropped and chat history cleared\.$/;
const CONFIRM = /^(.+?\?) \(Y\)es\/\(N\)o(?:\/\(A\)ll)?(?:\/\(S\)kip all)?(?:\/\(D\)on't ask again)? \[(?:Yes|No)\]: ?(\S*)$/;
const ERRORS = [
	/^litellm\.\w+Error: /,
	/^Retrying in [\d.]+ seconds\.\.\.$/,
	/^Empty response received from LLM/,
	/^The API provider is not able to authenticate you/,
	/^The API provider's servers are down or overloaded/,
	/^The API provider timed out/,
	/has hit a token limit!$/,
	/^Unable to commit: /,
	/^The LLM did not conform to the edit format\.$/,
];

/** One tool line (without the `> ` prefix and trailing spaces) as an event. */
export function parseToolLine(text: string): AiderEvent[] {
	const tokens = TOKENS.exec(text);
	if (tokens) {
		const events: AiderEvent[] = [
			{
				kind: 'tokens',
				sent: parseTokenCount(tokens[1]!),
				received: parseTokenCount(tokens[4]!),
				...(tokens[2] ? {cacheWrite: parseTokenCount(tokens[2])} : {}),
				...(tokens[3] ? {cacheHit: parseTokenCount(tokens[3])} : {}),
			},
		];
		if (tokens[5] && tokens[6]) events.push({kind: 'cost', message: Number(tokens[5]), session: Number(tokens[6])});
		return events;
	}
	const cost = COST.exec(text);
	if (cost) return [{kind: 'cost', message: Number(cost[1]), session: Number(cost[2])}];
	const commit = COMMIT.exec(text);
	if (commit) return [{kind: 'commit', hash: commit[1]!, message: commit[2]!}];
	const undo = UNDO.exec(text);
	if (undo) return [{kind: 'undo', hash: undo[1]!, message: undo[2]!}];
	const edit = EDIT.exec(text);
	if (edit) return [{kind: 'edit', file: edit[1]!}];
	if (RUN_OUTPUT.test(text)) return [{kind: 'tool', text}];
	const readOnly = ADDED_READ_ONLY.exec(text);
	if (readOnly) return [{kind: 'chat-add', file: (readOnly[1] ?? readOnly[2])!, readOnly: true}];
	const added = ADDED.exec(text);
	if (added) return [{kind: 'chat-add', file: added[1]!}];
	const removed = REMOVED.exec(text);
	if (removed) return [{kind: 'chat-drop', file: removed[1]!}];
	if (DROP_ALL.test(text)) return [{kind: 'chat-drop-all'}];
	const confirm = CONFIRM.exec(text);
	if (confirm) return [{kind: 'confirm', question: confirm[1]!, answer: confirm[2]!.toLowerCase()}];
	if (ERRORS.some(re => re.test(text))) return [{kind: 'error', text}];
	return [{kind: 'tool', text}];
}

/** Parse whole lines of the chat history (no trailing partial line); `carry` links successive reads. */
export function parseChatHistory(lines: readonly string[], carry: ParseCarry = {}): AiderEvent[] {
	const events: AiderEvent[] = [];
	let assistant: string[] = [];
	const flush = () => {
		const text = assistant.join('\n').trim();
		if (text) events.push({kind: 'assistant', text});
		assistant = [];
	};
	for (const raw of lines) {
		const line = raw.replace(/\r$/, '');
		if (line.startsWith('# aider chat started at ')) {
			flush();
			events.push({kind: 'session-start', at: line.slice('# aider chat started at '.length).trim()});
			carry.lastTool = undefined;
		} else if (line.startsWith('#### ')) {
			flush();
			events.push({kind: 'user', text: line.slice(5).replace(/ {2}$/, '')});
			carry.lastTool = undefined;
		} else if (line.startsWith('> ') || line === '>') {
			flush();
			const text = line.slice(2).replace(/ {2}$/, '').trimEnd();
			const parsed = parseToolLine(text);
			events.push(...parsed);
			// A yes (or all) to "Add file to the chat?" adds its subject, the tool line printed just before.
			const confirm = parsed[0]?.kind === 'confirm' ? parsed[0] : undefined;
			if (confirm?.question === 'Add file to the chat?' && /^[ya]/.test(confirm.answer) && carry.lastTool) events.push({kind: 'chat-add', file: carry.lastTool});
			if (text) carry.lastTool = text;
		} else if (line.startsWith('# ')) {
			flush();
		} else if (assistant.length === 0 && carry.lastTool?.startsWith('Tokens: ') && COST.test(line.replace(/ {2}$/, '').trimEnd())) {
			// With cache writes and hits Aider prints the cost on a second line, and only the first
			// line of a tool message gets the "> " prefix in the history.
			const cost = COST.exec(line.replace(/ {2}$/, '').trimEnd())!;
			events.push({kind: 'cost', message: Number(cost[1]), session: Number(cost[2])});
			carry.lastTool = undefined;
		} else {
			assistant.push(line);
		}
	}
	flush();
	return events;
}

/** Split appended text into complete lines and the unfinished rest (kept for the next read). */
export function splitLines(carry: string, chunk: string): {lines: string[]; rest: string} {
	const text = carry + chunk;
	const parts = text.split('\n');
	const rest = parts.pop() ?? '';
	return {lines: parts, rest};
}
