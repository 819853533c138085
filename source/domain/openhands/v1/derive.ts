// Rebuilds the message list software-agent-sdk sends from a V1 conversation's events (research
// openhands-v1.md §4): active branch, the View (Condensation forgets events and puts its summary in
// as `user` at summary_offset; only LLM-convertible kinds stay), events_to_messages (adjacent
// ActionEvents of one llm_response_id become one assistant message; observations, rejections and
// agent errors are `tool`; adjacent plain user messages merged from v1.26.0), then the non-native
// tool-calling rewrite of `tool` to `user`, which comes after the merge and so is never merged.
// The running agent's incremental view does not enforce the View properties, so neither does this.

import type {EventRole, LlmMessage} from '../messages.js';
import {activeBranch} from './branch.js';
import type {V1EventFacts} from './event.js';
import type {SdkRules} from './version.js';

/** The kinds that reach the model; everything else is persisted for the UI or the server. */
export const CONVERTIBLE = new Set(['SystemPromptEvent', 'MessageEvent', 'ActionEvent', 'ObservationEvent', 'UserRejectObservation', 'AgentErrorEvent', 'CondensationSummaryEvent']);
/** Kinds the SDK knows and never sends (an unknown kind, e.g. from a PR build, is skipped too). */
export const NOT_SENT_KINDS = new Set([
	'Condensation',
	'CondensationRequest',
	'PauseEvent',
	'InterruptEvent',
	'ConversationStateUpdateEvent',
	'ConversationErrorEvent',
	'HookExecutionEvent',
	'LLMCompletionLogEvent',
	'TokenEvent',
	'StreamingDeltaEvent',
	'ACPToolCallEvent',
]);

export interface V1Derivation {
	messages: LlmMessage[];
	roles: EventRole[];
}

type Entry = {as: 'event'; event: V1EventFacts; uuid: string} | {as: 'summary'; event: V1EventFacts; uuid: string; text: string};

const OBSERVATION_LIKE = new Set(['ObservationEvent', 'UserRejectObservation', 'AgentErrorEvent']);

/** Python's list.insert index. */
function insertAt(length: number, index: number): number {
	const i = index < 0 ? length + index : index;
	return Math.max(0, Math.min(i, length));
}

export function deriveV1Messages(events: readonly V1EventFacts[], rules: SdkRules, leafEventId: string | null = null): V1Derivation {
	const label = new Map<number, string>();
	const branch = activeBranch(events, leafEventId);
	const view: Entry[] = [];
	for (const event of events) {
		if (branch && !branch.has(event.uuid)) {
			label.set(event.id, 'off-branch');
			continue;
		}
		if (event.kind === 'Condensation' && event.condensation) {
			const forgotten = new Set(event.condensation.forgotten);
			for (let i = view.length - 1; i >= 0; i--) {
				if (forgotten.has(view[i]!.uuid)) {
					const gone = view.splice(i, 1)[0]!;
					if (gone.as === 'event') label.set(gone.event.id, 'forgotten');
				}
			}
			label.set(event.id, '-');
			const c = event.condensation;
			if (c.summary !== null && c.summaryOffset !== null) {
				view.splice(insertAt(view.length, c.summaryOffset), 0, {as: 'summary', event, uuid: `${event.uuid}-summary`, text: c.summary});
			}
			continue;
		}
		if (CONVERTIBLE.has(event.kind)) view.push({as: 'event', event, uuid: event.uuid});
		else label.set(event.id, NOT_SENT_KINDS.has(event.kind) ? '-' : 'unknown-kind');
	}

	const messages: LlmMessage[] = [];
	const push = (m: LlmMessage, roleLabel: string) => {
		const previous = messages.at(-1);
		const plainUser = (x: LlmMessage | undefined) => x !== undefined && x.role === 'user' && x.toolCallIds.length === 0 && x.toolCallId === null;
		if (rules.mergeUserMessages && plainUser(m) && plainUser(previous)) {
			previous!.eventIds.push(...m.eventIds);
			previous!.text = [previous!.text, m.text].filter(Boolean).join('\n');
			previous!.origin = `${previous!.origin} + ${m.origin} (merged: SDK >= 1.26)`;
		} else messages.push(m);
		for (const id of m.eventIds) label.set(id, roleLabel);
	};
	for (let i = 0; i < view.length; i++) {
		const entry = view[i]!;
		const event = entry.event;
		if (entry.as === 'summary') {
			push({role: 'user', eventIds: [event.id], text: entry.text, toolCallIds: [], toolCallId: null, origin: 'condensation summary (CondensationSummaryEvent at summary_offset)'}, 'user');
			continue;
		}
		if (event.kind === 'ActionEvent') {
			// One response's adjacent calls are one assistant message with the first event's thought.
			const batch = [event];
			while (i + 1 < view.length) {
				const next = view[i + 1]!;
				if (next.as !== 'event' || next.event.kind !== 'ActionEvent' || !event.llmResponseId || next.event.llmResponseId !== event.llmResponseId) break;
				batch.push(next.event);
				i++;
			}
			const calls = batch.map(e => e.toolCall).filter(c => c !== null);
			messages.push({
				role: 'assistant',
				eventIds: batch.map(e => e.id),
				text: event.text,
				toolCallIds: calls.map(c => c.id),
				toolCallId: null,
				origin: `ActionEvent${batch.length > 1 ? ` ×${batch.length} (one response)` : ''} (${calls.map(c => c.name).join(', ')})`,
				toolCallArguments: calls.map(c => c.arguments),
			});
			for (const e of batch) label.set(e.id, calls.length > 0 ? 'assistant+tc' : 'assistant');
			continue;
		}
		if (event.kind === 'SystemPromptEvent') push({role: 'system', eventIds: [event.id], text: event.text, toolCallIds: [], toolCallId: null, origin: 'system prompt'}, 'system');
		else if (event.kind === 'MessageEvent') {
			const role = event.messageRole === 'assistant' ? 'assistant' : event.messageRole === 'system' ? 'system' : 'user';
			const calls = event.toolCall ? [event.toolCall] : [];
			const origin = role === 'user' && event.source === 'environment' ? 'environment message (nudge or hook feedback)' : `${event.source} message`;
			push({role, eventIds: [event.id], text: event.text, toolCallIds: calls.map(c => c.id), toolCallId: null, origin, ...(calls.length ? {toolCallArguments: calls.map(c => c.arguments)} : {})}, calls.length ? 'assistant+tc' : role);
		} else if (OBSERVATION_LIKE.has(event.kind)) {
			push({role: 'tool', eventIds: [event.id], text: event.text, toolCallIds: [], toolCallId: event.toolCallId, origin: `${event.kind} (${event.toolName ?? '?'} result)`}, 'tool');
		} else if (event.kind === 'CondensationSummaryEvent') {
			push({role: 'user', eventIds: [event.id], text: event.text, toolCallIds: [], toolCallId: null, origin: 'condensation summary'}, 'user');
		}
	}
	if (!rules.nativeToolCalling) {
		// fn_call_converter: results become user text after the merge, so tool→user is user→user as sent.
		for (const m of messages) {
			if (m.role !== 'tool') continue;
			m.role = 'user';
			m.origin = `${m.origin}, sent as user text (native_tool_calling false)`;
			m.text = `EXECUTION RESULT of [${m.toolCallId ?? '?'}]:\n${m.text}`;
			m.toolCallId = null;
			for (const id of m.eventIds) label.set(id, 'user');
		}
		for (const m of messages) {
			if (m.role === 'assistant' && m.toolCallIds.length > 0) {
				// The calls are written into the text; the message no longer carries tool_calls.
				m.text = [m.text, ...(m.toolCallArguments ?? []).map((a, k) => `<function=${m.toolCallIds[k]}>${a}</function>`)].filter(Boolean).join('\n');
				m.toolCallIds = [];
				m.toolCallArguments = [];
				for (const id of m.eventIds) label.set(id, 'assistant');
			}
		}
	}
	const roles: EventRole[] = events.map(e => {
		const l = label.get(e.id) ?? '-';
		const role = l === 'assistant+tc' ? 'assistant' : l === 'system' || l === 'user' || l === 'assistant' || l === 'tool' ? l : null;
		return {eventId: e.id, role, label: l};
	});
	return {messages, roles};
}
