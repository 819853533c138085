// empty-assistant: an assistant turn with neither text nor tool calls. V0 replays a finish whose
// thought is "" and whose model content was null this way; Mistral rejects it.

import {MISTRAL_COMMON_SERVERS} from '../finding.js';
import {describe, hasToolCalls} from '../messages.js';
import type {Rule} from './types.js';

export const emptyAssistant: Rule = {
	id: 'empty-assistant',
	check({messages}) {
		const empty = messages.filter(m => m.role === 'assistant' && !hasToolCalls(m) && m.text.trim() === '');
		if (empty.length === 0) return [];
		const first = empty[0]!;
		return [
			{
				rule: 'empty-assistant',
				eventIds: empty.map(m => m.eventIds[0]!),
				servers: MISTRAL_COMMON_SERVERS,
				message:
					`${describe(first)} (${first.origin}) has no text and no tool calls${empty.length > 1 ? ` (${empty.length} such turns)` : ''}: ` +
					'the Mistral API answers "Assistant message must have either content or tool_calls, but not none."; mistral-common v1-v3 tokenizers "Assistant message must have either content or tool_calls, but not both." ' +
					'It is sent with the next request of this conversation.',
				fix: 'No OpenHands V0 setting fills it (the fix e0e6131250, default "Task completed.", was never merged). Start a new conversation instead of continuing this one, or use a proxy that gives empty assistant turns a placeholder text.',
				fixAction: null,
			},
		];
	},
};
