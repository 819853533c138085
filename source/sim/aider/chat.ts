// One chat session's state, shared by the loop, the commands and the message exchange, and the
// prompt settings every prompt of the session uses.

import type {Ui} from './ui.js';
import {note, out} from './ui.js';
import type {ChatMessage} from './llm.js';
import type {ModelCosts} from './cost.js';
import {Keyboard, type PromptOptions} from './prompt.js';

export interface Chat {
	ui: Ui;
	model: string;
	/** The git repo's top folder, when the fake runs inside one. */
	root: string | undefined;
	cwd: string;
	/** Files in the chat, relative to the repo root (or cwd). */
	files: string[];
	messages: ChatMessage[];
	/** Short hashes of the commits this session made, for /undo. */
	aiderCommits: string[];
	costs: ModelCosts;
	sessionCost: number;
	/** The keyboard, opened on first use. */
	keys: Keyboard | undefined;
	/** Text for the next chat prompt's line. */
	prefill: string | undefined;
	/** HEAD before the last message, for /diff. */
	commitBeforeMessage: string | undefined;
}

/** Ends the session with an exit status (a confirm interrupted with Ctrl-C twice). */
export class Exit extends Error {
	constructor(readonly code: number) {
		super(`exit ${code}`);
	}
}

/** The keyboard, opened on first use (a --message run with --yes-always never reads it). */
export function keyboard(chat: Chat): Keyboard {
	chat.keys ??= new Keyboard(process.stdin);
	return chat.keys;
}

export function promptOptions(chat: Chat, prefix: string, initial?: string): PromptOptions {
	return {
		prefix,
		fancy: chat.ui.args.fancyInput,
		cpr: process.env['PROMPT_TOOLKIT_NO_CPR'] !== '1',
		write: out,
		onCpr: ms => note('cpr', {ms: ms ?? null, answered: ms !== undefined}),
		...(initial ? {initial} : {}),
	};
}
