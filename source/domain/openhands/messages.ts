// The LLM message list as OpenHands would send it, reduced to what the ordering rules look at.

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface LlmMessage {
	role: Role;
	/** Events this message was built from (the first is the one to point at); message index for logs. */
	eventIds: number[];
	/** Text content ('' when null or empty). */
	text: string;
	toolCallIds: string[];
	/** Tool messages: the call this answers. */
	toolCallId: string | null;
	/** Why this event became this role, e.g. "recall observation (prompt extensions on)". */
	origin: string;
	/** The arguments string of each tool call, as replayed (OpenHands V1 and logs; V0 does not keep them per message). */
	toolCallArguments?: string[];
}

/** The role each event takes in the message list, or null when it is not sent to the model. */
export interface EventRole {
	eventId: number;
	role: Role | null;
	/** Display form: "assistant+tc" for an assistant turn with tool calls. */
	label: string;
}

export function hasToolCalls(message: LlmMessage): boolean {
	return message.role === 'assistant' && message.toolCallIds.length > 0;
}

export function describe(message: LlmMessage): string {
	const id = message.eventIds[0];
	return `${hasToolCalls(message) ? 'assistant+tc' : message.role}${id === undefined ? '' : ` #${id}`}`;
}

/** True when the message carries text a server counts as content. */
export function hasText(message: LlmMessage): boolean {
	return message.text.trim() !== '';
}
