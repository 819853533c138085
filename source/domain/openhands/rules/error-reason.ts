// error-reason: the session recorded a server rejection whose words match a known role-ordering or
// content rule: V0's agent error state reason, V1's ConversationErrorEvent detail (litellm
// BadRequestError) or AgentErrorEvent text. That is the server's own word, so it is the proof.

import {HF_TEMPLATE_SERVERS, MISTRAL_COMMON_SERVERS, MERGE_FIX, type Finding, type ServerId} from '../finding.js';
import {oneLine, type EventFacts} from '../event.js';
import type {RecordedError, Rule} from './types.js';

export const REJECTION =
	/(roles must alternate|roles should be alternating|Unexpected role '\w+' after role '\w+'|Not the same number of function calls and responses|Tool call id was .* must be a-z|Assistant message must have either content or tool_calls|Assistant message must have a string or a list of chunks|Assistant message cannot have both content and tool calls|Invalid assistant message|Expected last role|Failed to parse tool call arguments as JSON|JSONDecodeError)/i;

function serversFor(reason: string): ServerId[] {
	if (/roles must alternate|roles should be alternating|list of chunks|cannot have both/i.test(reason)) return HF_TEMPLATE_SERVERS;
	if (/Failed to parse tool call arguments/i.test(reason)) return ['llama.cpp'];
	if (/JSONDecodeError/i.test(reason)) return ['vllm-hf'];
	if (/but not both/i.test(reason)) return ['vllm-mistral-v3'];
	return MISTRAL_COMMON_SERVERS;
}

function fixFor(matched: string): string {
	if (/alternate|alternating/i.test(matched)) return `See the strict-alternation finding for the turn that caused it. ${MERGE_FIX}`;
	if (/parse tool call arguments|JSONDecodeError/i.test(matched)) return 'See the tool-args-json finding: the malformed call is replayed in every request, so every later turn fails the same way.';
	return 'See the mistral-order, last-role, empty-assistant, content-and-tool-calls and tool-call-id findings for the message that caused it.';
}

/** V0: agent_state_changed to error with a reason. */
export function v0Errors(events: readonly EventFacts[]): RecordedError[] {
	return events.filter(e => e.agentState === 'error' && e.reason).map(e => ({eventId: e.id, text: e.reason!, what: 'the agent stopped with an error'}));
}

export const errorReason: Rule = {
	id: 'error-reason',
	check({events, errors}) {
		const findings: Finding[] = [];
		for (const error of errors ?? v0Errors(events ?? [])) {
			const match = REJECTION.exec(error.text);
			if (!match) continue;
			const matched = match[1]!;
			findings.push({
				rule: 'error-reason',
				eventIds: [error.eventId],
				servers: serversFor(error.text),
				message: `${error.what} at event #${error.eventId}: "${oneLine(error.text, 300)}" (matches "${matched}").`,
				fix: fixFor(matched),
				fixAction: null,
			});
		}
		return findings;
	},
};
