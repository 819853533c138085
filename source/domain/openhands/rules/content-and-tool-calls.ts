// content-and-tool-calls: an assistant message with text and tool calls. mistral-common's v1-v3
// validators allow exactly one of the two; v7+ allow both. OpenHands V1 sends the agent's thought
// as the content of its tool-call message, so a v3 model (Mistral 7B v0.3) rejects most tool turns.

import type {Finding} from '../finding.js';
import {describe, hasText} from '../messages.js';
import type {Rule} from './types.js';

export const contentAndToolCalls: Rule = {
	id: 'content-and-tool-calls',
	check({messages, flavor}) {
		if (flavor !== 'v1') return [];
		const both = messages.filter(m => m.role === 'assistant' && m.toolCallIds.length > 0 && hasText(m));
		if (both.length === 0) return [];
		const first = both[0]!;
		const finding: Finding = {
			rule: 'content-and-tool-calls',
			eventIds: both.map(m => m.eventIds[0]!),
			servers: ['vllm-mistral-v3'],
			message:
				`${describe(first)} (${first.origin}) has text and tool calls${both.length > 1 ? ` (${both.length} such turns)` : ''}: mistral-common v1-v3 tokenizers raise ` +
				'"Assistant message must have either content or tool_calls, but not both."; the chat templates mistral-common generates for those tokenizers raise "Assistant message cannot have both content and tool calls." v7+ tokenizers and the Mistral API accept it.',
			fix: 'Serve a model with a v7 or newer tokenizer (Mistral Small 3.x, Devstral), or use a proxy that moves the text of tool-call turns into a separate assistant turn.',
			fixAction: null,
		};
		return [finding];
	},
};
