// last-role: mistral-common (and vLLM's add_generation_prompt check) refuse a request whose last
// message is an assistant turn. For a completion log that is the last message; for an event session,
// every agent step whose request ended with an assistant turn.

import {MISTRAL_COMMON_SERVERS, type Finding} from '../finding.js';
import {describe, type LlmMessage} from '../messages.js';
import type {Rule} from './types.js';

const ERROR =
	'"Expected last role User or Tool (or Assistant with prefix or continue_final_message set to True) for serving but got assistant"; vLLM: "Cannot set `add_generation_prompt` to True when the last message is from the assistant."';

function finding(last: LlmMessage, next: LlmMessage | null): Finding {
	return {
		rule: 'last-role',
		eventIds: next ? [last.eventIds[0]!, next.eventIds[0]!] : [last.eventIds[0]!],
		servers: MISTRAL_COMMON_SERVERS,
		message: `${next ? `the request that produced ${describe(next)} ended with` : 'the request ends with'} ${describe(last)}: ${ERROR}`,
		fix: 'Send a user (or tool) turn after an assistant turn before asking for a completion; in OpenHands this happens when the agent speaks without waiting for input (headless runs): reply to the agent, or use a proxy that appends a "Please continue." user turn.',
		fixAction: null,
	};
}

export const lastRole: Rule = {
	id: 'last-role',
	check({messages, kind}) {
		if (messages.length < 2) return [];
		if (kind === 'log') {
			const last = messages.at(-1)!;
			return last.role === 'assistant' ? [finding(last, null)] : [];
		}
		for (let i = 1; i < messages.length; i++) {
			if (messages[i]!.role === 'assistant' && messages[i - 1]!.role === 'assistant') return [finding(messages[i - 1]!, messages[i]!)];
		}
		return [];
	},
};
