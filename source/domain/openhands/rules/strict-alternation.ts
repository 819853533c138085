// strict-alternation: HF chat templates of Mistral checkpoints (SGLang, vLLM in hf mode, llama.cpp)
// drop an optional leading system message, skip tool results and assistant turns with tool calls,
// and require the rest to go user, assistant, user... The first violation is where the server fails.

import {CONDENSER_FIX, HF_TEMPLATE_SERVERS, MERGE_FIX, PROMPT_EXTENSIONS_FIX, type Finding} from '../finding.js';
import {CONDENSATION_ORIGIN, INITIAL_USER_ORIGIN} from '../derive-messages.js';
import {describe, hasToolCalls, type LlmMessage} from '../messages.js';
import type {Rule} from './types.js';

export const TEMPLATE_ERRORS = [
	'After the optional system message, conversation roles must alternate user and assistant roles except for tool calls and results.',
	'After the optional system message, conversation roles must alternate user/assistant/user/assistant/...',
];

function fixFor(message: LlmMessage): {fix: string; fixAction: Finding['fixAction']} {
	if (message.origin.startsWith('recall observation')) return {fix: PROMPT_EXTENSIONS_FIX, fixAction: 'disable-prompt-extensions'};
	if (message.origin.startsWith(CONDENSATION_ORIGIN) || message.origin.startsWith(INITIAL_USER_ORIGIN)) return {fix: CONDENSER_FIX, fixAction: null};
	return {fix: MERGE_FIX, fixAction: null};
}

export const strictAlternation: Rule = {
	id: 'strict-alternation',
	check({messages}) {
		// The system prompt may come as several leading system messages (mistral-common's own samples do);
		// templates fold them into the one optional system message. A later system message breaks the run.
		let start = 0;
		while (messages[start]?.role === 'system') start++;
		const kept = messages.slice(start).filter(m => m.role !== 'tool' && !hasToolCalls(m));
		for (let i = 0; i < kept.length; i++) {
			const current = kept[i]!;
			const expected = i % 2 === 0 ? 'user' : 'assistant';
			if (current.role === expected) continue;
			const previous = i > 0 ? kept[i - 1]! : null;
			const where = previous
				? `${describe(current)} (${current.origin}) follows ${describe(previous)}: expected ${expected}`
				: `${describe(current)} (${current.origin}) is the first turn after the system message: expected user`;
			return [
				{
					rule: 'strict-alternation',
					eventIds: [...(previous ? [previous.eventIds[0]!] : []), current.eventIds[0]!],
					servers: HF_TEMPLATE_SERVERS,
					message: `${where}. The chat template raises "${TEMPLATE_ERRORS[0]}" (Mistral Small 3.x/4, Devstral) or "${TEMPLATE_ERRORS[1]}" (Mistral 7B v0.3, Mixtral); the server answers 400 BadRequestError (older SGLang: 500).`,
					...fixFor(current),
				},
			];
		}
		return [];
	},
};
