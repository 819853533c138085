// Aider's yes/no questions (io.confirm_ask): the subject line (reverse video) first, then
// `<question> (Y)es/(N)o [Yes]: `. Answers are prefixes of yes/no/skip/all; anything else gets
// `Please answer with one of: ...`; Enter and Ctrl-D take the default. --yes-always prints only the
// subject and answers yes, or no for questions that need an explicit yes. The question and answer
// go to the chat log either way.

import {type Chat, Exit, keyboard, promptOptions} from './chat.js';
import {readPrompt} from './prompt.js';
import {note, out} from './ui.js';

export const ANSWERS = ['yes', 'no', 'skip', 'all'];

export function confirmQuestion(question: string): string {
	return `${question} (Y)es/(N)o [Yes]: `;
}

/** The answer's letter (y, n, s, a) for what was typed; y (the default) for nothing; undefined when invalid. */
export function parseAnswer(typed: string): string | undefined {
	const text = typed.trim().toLowerCase();
	if (!text) return 'y';
	return ANSWERS.some(v => v.startsWith(text)) ? text[0] : undefined;
}

/** --yes-always: yes, except to questions that need an explicit yes. */
export function yesAlwaysAnswer(explicitYes: boolean): string {
	return explicitYes ? 'n' : 'y';
}

/** Whether the answer means yes: `all` counts unless the question needs an explicit yes. */
export function isYes(answer: string, explicitYes: boolean): boolean {
	return explicitYes ? answer === 'y' : answer === 'y' || answer === 'a';
}

export interface ConfirmOptions {
	/** Printed first, in reverse video: the file, command or similar the question is about. */
	subject?: string;
	/** "Run shell command?": --yes-always answers no. */
	explicitYes?: boolean;
}

export async function confirm(chat: Chat, question: string, {subject, explicitYes = false}: ConfirmOptions = {}): Promise<boolean> {
	const {ui} = chat;
	const full = confirmQuestion(question);
	if (subject) ui.tool(subject, true);
	let answer: string | undefined;
	if (ui.args.yesAlways) {
		answer = yesAlwaysAnswer(explicitYes);
	} else {
		if (ui.args.notifications) out('\u0007');
		for (;;) {
			const result = await readPrompt(keyboard(chat), promptOptions(chat, full));
			if (result.kind === 'interrupt') throw new Exit(0);
			answer = parseAnswer(result.kind === 'eof' ? '' : result.text);
			if (answer) break;
			ui.error(`Please answer with one of: ${ANSWERS.join(', ')}`);
		}
	}
	ui.log.tool(`${full.trim()} ${answer}`);
	note('confirm', {question, subject: subject ?? null, answer});
	return isYes(answer, explicitYes);
}
