// strict-alternation: HF chat templates of Mistral checkpoints (SGLang, vLLM in hf mode, llama.cpp)
// drop an optional leading system message, skip tool results and assistant turns with tool calls,
// and require the rest to go user, assistant, user... The first violation is where the server fails.
// That is the hand-written ("legacy") family; the templates mistral-common generates merge
// consecutive same-role turns first, so they reject only a wrong role, not a repeated one.

import {CONDENSER_FIX, HF_TEMPLATE_SERVERS, MERGE_FIX, PROMPT_EXTENSIONS_FIX, type Finding, type TemplateFamily} from '../finding.js';
import {CONDENSATION_ORIGIN, INITIAL_USER_ORIGIN} from '../derive-messages.js';
import {describe, hasToolCalls, type LlmMessage} from '../messages.js';
import type {Rule} from './types.js';

export const TEMPLATE_ERRORS = [
	'After the optional system message, conversation roles must alternate user and assistant roles except for tool calls and results.',
	'After the optional system message, conversation roles must alternate user/assistant/user/assistant/...',
];

const V1_FIX =
	'OpenHands V1 ends a turn with the finish tool call, so the next user message follows a tool result and the template, which skips tool turns, sees two user turns. ' +
	'Serve the model with vLLM --tokenizer-mode mistral (mistral-common >= 1.11.1 accepts user after tool and merges consecutive users) or with a chat template mistral-common generates (it merges them too); SDK < 1.26.0 also sends adjacent user messages apart, which 1.26.0 merges.';

function fixFor(message: LlmMessage, flavor: 'v0' | 'v1' | undefined): {fix: string; fixAction: Finding['fixAction']} {
	if (flavor === 'v1') return {fix: V1_FIX, fixAction: null};
	if (message.origin.startsWith('recall observation')) return {fix: PROMPT_EXTENSIONS_FIX, fixAction: 'disable-prompt-extensions'};
	if (message.origin.startsWith(CONDENSATION_ORIGIN) || message.origin.startsWith(INITIAL_USER_ORIGIN)) return {fix: CONDENSER_FIX, fixAction: null};
	return {fix: MERGE_FIX, fixAction: null};
}

const GENERATED_START = 'Conversation must start with a user message, got';

function familyWords(repeat: boolean, template: TemplateFamily | null | undefined): string {
	if (template === 'legacy') return ' The engine serves a hand-written (legacy) template: rejected.';
	if (!repeat) return '';
	return ' (Hand-written templates; mistral-common-generated ones merge repeated roles.)';
}

/** Consecutive same-role turns as one (what the generated templates' aggregation step does). */
function aggregate(kept: LlmMessage[]): LlmMessage[] {
	return kept.filter((m, i) => i === 0 || kept[i - 1]!.role !== m.role);
}

export const strictAlternation: Rule = {
	id: 'strict-alternation',
	check({messages, template, flavor}) {
		// The system prompt may come as several leading system messages (mistral-common's own samples do);
		// templates fold them into the one optional system message. A later system message breaks the run.
		let start = 0;
		while (messages[start]?.role === 'system') start++;
		const plain = messages.slice(start).filter(m => m.role !== 'tool' && !hasToolCalls(m));
		const kept = template === 'generated' ? aggregate(plain) : plain;
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
					message:
						template === 'generated'
							? `${where}. The generated chat template raises "${i === 0 ? `${GENERATED_START} ${current.role}.` : `Unexpected role '${current.role}' after role '${previous!.role}'`}"; the server answers 400 BadRequestError.`
							: `${where}. The chat template raises "${TEMPLATE_ERRORS[0]}" (Mistral Small 3.x/4, Devstral) or "${TEMPLATE_ERRORS[1]}" (Mistral 7B v0.3, Mixtral); the server answers 400 BadRequestError (older SGLang: 500).` +
								familyWords(previous !== null && previous.role === current.role, template),
					...fixFor(current, flavor),
				},
			];
		}
		return [];
	},
};
