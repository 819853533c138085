// An LLM request as logged (OpenHands log_completions, V1 SDK logs, or any `{messages: [...]}`
// object): the messages exactly as sent. Message indexes stand in for event ids.

import {z} from 'zod';
import type {LlmMessage, Role} from './messages.js';

const messageSchema = z.looseObject({
	role: z.string(),
	content: z.unknown(),
	tool_calls: z.array(z.looseObject({id: z.string().nullish()})).nullish(),
	tool_call_id: z.string().nullish(),
});

export const completionLogSchema = z.looseObject({messages: z.array(messageSchema)});

const ROLES = new Set<Role>(['system', 'user', 'assistant', 'tool']);

function text(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content.map(p => (p && typeof p === 'object' && typeof (p as {text?: unknown}).text === 'string' ? (p as {text: string}).text : p ? '[part]' : '')).join('');
	}
	return '';
}

export type LogParse = {ok: true; messages: LlmMessage[]} | {ok: false; error: string};

export function parseCompletionLog(value: unknown): LogParse {
	const result = completionLogSchema.safeParse(value);
	if (!result.success) {
		const issue = result.error.issues[0];
		return {ok: false, error: `not a completion log (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'bad shape'})`};
	}
	const messages: LlmMessage[] = [];
	for (const [index, m] of result.data.messages.entries()) {
		const role = m.role as Role;
		if (!ROLES.has(role)) return {ok: false, error: `messages[${index}]: unknown role "${m.role}" (expected system, user, assistant or tool)`};
		messages.push({
			role,
			eventIds: [index],
			text: text(m.content),
			toolCallIds: (m.tool_calls ?? []).map(c => c.id ?? ''),
			toolCallId: m.tool_call_id ?? null,
			origin: `messages[${index}]`,
		});
	}
	return {ok: true, messages};
}
