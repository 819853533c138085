// Reads Aider's chat history markdown (`.aider.chat.history.md`) into events: what the user sent,
// token counts, cost, edits, commits, undos and errors. Same rules as Aider's own reader:
// `# ` session headers, `#### ` user lines, `> ` tool lines, anything else assistant text.

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
	| {kind: 'tool'; text: string};

const TOKENS = /^Tokens: ([\d.]+k?) sent(?:, ([\d.]+k?) cache write)?(?:, ([\d.]+k?) cache hit)?, ([\d.]+k?) received\.(?: Cost: \$([\d.]+) message, \$([\d.]+) session\.)?$/;
const COST = /^Cost: \$([\d.]+) message, \$([\d.]+) session\.$/;
const COMMIT = /^Commit ([0-9a-f]{7,40}) (.*)$/;
const UNDO = /^Removed: ([0-9a-f]{7,40}) (.*)$/;
const EDIT = /^Applied edit to (.+)$/;
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
	if (ERRORS.some(re => re.test(text))) return [{kind: 'error', text}];
	return [{kind: 'tool', text}];
}

/** Parse whole lines of the chat history (no trailing partial line). */
export function parseChatHistory(lines: readonly string[]): AiderEvent[] {
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
		} else if (line.startsWith('#### ')) {
			flush();
			events.push({kind: 'user', text: line.slice(5).replace(/ {2}$/, '')});
		} else if (line.startsWith('> ') || line === '>') {
			flush();
			events.push(...parseToolLine(line.slice(2).replace(/ {2}$/, '').trimEnd()));
		} else if (line.startsWith('# ')) {
			flush();
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
