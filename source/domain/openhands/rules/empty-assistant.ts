// empty-assistant: an assistant turn with neither text nor tool calls. V0 replays a finish whose
// thought is "" and whose model content was null this way; V1 persists EMPTY or reasoning-only
// responses and sends them as content "". Who rejects it, each in its own words: the Mistral API;
// mistral-common v1-v3 validators and the v7+ encoder; the HF templates mistral-common generates
// (SGLang, vLLM hf mode, llama.cpp --jinja). The older hand-written templates accept it.

import {type Finding, type ServerId} from '../finding.js';
import {describe, hasToolCalls} from '../messages.js';
import type {Rule} from './types.js';

export const EMPTY_ASSISTANT_WORDS = {
	api: 'Assistant message must have either content or tool_calls, but not none.',
	v1v3: 'Assistant message must have either content or tool_calls, but not both.',
	v7: 'Invalid assistant message: …',
	generated: 'Assistant message must have a string or a list of chunks in content or a list of tool calls.',
};

export const emptyAssistant: Rule = {
	id: 'empty-assistant',
	check({messages, flavor, template}) {
		const empty = messages.filter(m => m.role === 'assistant' && !hasToolCalls(m) && m.text.trim() === '');
		if (empty.length === 0) return [];
		const first = empty[0]!;
		// A hand-written template renders it; only name the template servers when they can reject it.
		const servers: ServerId[] = ['mistral-api', 'vllm-mistral', 'vllm-mistral-v3', ...(template === 'legacy' ? [] : (['sglang', 'vllm-hf', 'llama.cpp'] as ServerId[]))];
		const templates =
			template === 'legacy'
				? 'The hand-written chat template the engine serves accepts it.'
				: `The chat templates mistral-common generates (SGLang, vLLM hf mode, llama.cpp --jinja) raise "${EMPTY_ASSISTANT_WORDS.generated}"${template === 'generated' ? '' : '; older hand-written templates accept it'}.`;
		const fix =
			flavor === 'v1'
				? 'Nothing in the conversation removes it (the SDK sends it with every later request): start a new conversation, or use a proxy that gives empty assistant turns a placeholder text.'
				: 'No OpenHands V0 setting fills it (the fix e0e6131250, default "Task completed.", was never merged). Start a new conversation instead of continuing this one, or use a proxy that gives empty assistant turns a placeholder text.';
		return [
			{
				rule: 'empty-assistant',
				eventIds: empty.map(m => m.eventIds[0]!),
				servers,
				message:
					`${describe(first)} (${first.origin}) has no text and no tool calls${empty.length > 1 ? ` (${empty.length} such turns)` : ''}: ` +
					`the Mistral API answers "${EMPTY_ASSISTANT_WORDS.api}"; mistral-common v1-v3 tokenizers raise "${EMPTY_ASSISTANT_WORDS.v1v3}" from the validator; ` +
					`v7+ tokenizers pass the validator and raise "${EMPTY_ASSISTANT_WORDS.v7}" from the encoder. ${templates} ` +
					'It is sent with the next request of this conversation.',
				fix,
				fixAction: null,
			},
		];
	},
};
