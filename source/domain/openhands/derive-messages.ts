// Rebuilds the LLM message list from events the way OpenHands V0 does it (ConversationMemory
// .process_events + CodeActAgent._get_messages): history filter and condenser view (history-view.ts),
// per-event mapping, tool calls held until every call of one model response has its result.
// Consecutive user turns are NOT merged (V0 stopped merging in 0.18.0), which is what breaks
// strict-alternation servers.

import type {EventFacts} from './event.js';
import {historyView} from './history-view.js';
import type {EventRole, LlmMessage, Role} from './messages.js';

/** Origins of the turns the condenser's view adds (the rules name the condenser as their cause). */
export const CONDENSATION_ORIGIN = 'condensation summary';
export const INITIAL_USER_ORIGIN = 'the initial user message';

export interface DeriveOptions {
	/** `[agent] enable_prompt_extensions` (OpenHands default: true). */
	promptExtensions: boolean;
}

export interface Derivation {
	messages: LlmMessage[];
	roles: EventRole[];
}

/** Actions that produce no message of their own. */
const SILENT_ACTIONS = new Set(['recall', 'pause', 'resume', 'stop', 'condensation', 'condensation_request', 'reject', 'start', 'push', 'send_pr', 'loop_recovery']);
/** Observations that produce no message. */
const SILENT_OBSERVATIONS = new Set(['loop_detection', 'success']);

interface Pending {
	eventIds: number[];
	text: string;
	callIds: string[];
}

export function deriveMessages(events: readonly EventFacts[], options: DeriveOptions): Derivation {
	const messages: LlmMessage[] = [];
	const roles: EventRole[] = [];
	const pending = new Map<string, Pending>();
	const results = new Map<string, LlmMessage>();
	const seenMicroagents = new Set<string>();
	const roleOf = new Map<number, EventRole>();

	const emit = (event: EventFacts, role: Role, text: string, origin: string) => {
		messages.push({role, eventIds: [event.id], text, toolCallIds: [], toolCallId: null, origin});
		roleOf.set(event.id, {eventId: event.id, role, label: role});
	};

	/** Which held response each tool call id belongs to. */
	const responseOfCall = new Map<string, string>();

	/** Emit one held response once every call of it has a result (checks only the response touched). */
	const flushIfComplete = (responseId: string | undefined) => {
		if (responseId === undefined) return;
		const call = pending.get(responseId);
		if (!call || !call.callIds.every(id => results.has(id))) return;
		pending.delete(responseId);
		messages.push({role: 'assistant', eventIds: call.eventIds, text: call.text, toolCallIds: call.callIds, toolCallId: null, origin: 'agent tool call(s)'});
		for (const id of call.callIds) {
			messages.push(results.get(id)!);
			results.delete(id);
			responseOfCall.delete(id);
		}
	};

	const view = historyView(events);
	for (const [id, label] of view.left) roleOf.set(id, {eventId: id, role: null, label});
	for (const entry of view.entries) {
		const event = entry.event;
		if (entry.as === 'summary') {
			emit(event, 'user', entry.text, `${CONDENSATION_ORIGIN} (AgentCondensationObservation), inserted at its summary_offset`);
			continue;
		}
		if (entry.as === 'initial-user') {
			emit(event, 'user', event.text, `${INITIAL_USER_ORIGIN}, put back second (_ensure_initial_user_message)`);
			continue;
		}
		if (event.type === 'action') {
			if (event.kind === 'system') emit(event, 'system', event.text, 'system prompt');
			else if (event.kind === 'message') emit(event, event.source === 'user' ? 'user' : 'assistant', event.text, `${event.source} message`);
			else if (event.kind === 'finish') {
				// V0 replays the finish as a plain assistant turn: thought, plus the model's text if it differs.
				const model = event.toolCall?.responseText ?? '';
				const text = event.text ? (model && model !== event.text ? `${event.text}\n${model}` : event.text) : model;
				emit(event, event.source === 'user' ? 'user' : 'assistant', text, 'finish (tool call not replayed)');
			} else if (event.kind === 'run' && event.source === 'user') emit(event, 'user', `User executed the command:\n${event.text}`, 'command typed by the user');
			else if (SILENT_ACTIONS.has(event.kind)) roleOf.set(event.id, {eventId: event.id, role: null, label: '-'});
			else if (event.toolCall) {
				const call = event.toolCall;
				const held = pending.get(call.responseId);
				if (held) held.eventIds.push(event.id);
				else {
					pending.set(call.responseId, {eventIds: [event.id], text: call.responseText, callIds: [...call.responseCallIds]});
					for (const id of call.responseCallIds) responseOfCall.set(id, call.responseId);
				}
				roleOf.set(event.id, {eventId: event.id, role: 'assistant', label: 'assistant+tc'});
				flushIfComplete(call.responseId);
			} else if (event.source === 'agent') {
				// Pre-function-calling agents (before 0.12) sent the action as assistant text.
				emit(event, 'assistant', event.text || event.summary, 'agent action without tool call metadata');
			} else roleOf.set(event.id, {eventId: event.id, role: null, label: '-'});
		} else if (event.type === 'observation') {
			if (event.kind === 'recall') {
				const fresh = event.microagentNames.filter(n => !seenMicroagents.has(n));
				for (const n of fresh) seenMicroagents.add(n);
				const sends = options.promptExtensions && (event.recallType === 'knowledge' ? fresh.length > 0 : event.recallHasContent);
				if (sends) emit(event, 'user', event.text, `recall observation (${event.recallType ?? 'workspace_context'}), prompt extensions on`);
				else roleOf.set(event.id, {eventId: event.id, role: null, label: '-'});
			} else if (SILENT_OBSERVATIONS.has(event.kind)) roleOf.set(event.id, {eventId: event.id, role: null, label: '-'});
			else if (event.toolCall) {
				results.set(event.toolCall.toolCallId, {
					role: 'tool',
					eventIds: [event.id],
					text: event.text,
					toolCallIds: [],
					toolCallId: event.toolCall.toolCallId,
					origin: `${event.kind} result`,
				});
				roleOf.set(event.id, {eventId: event.id, role: 'tool', label: 'tool'});
				flushIfComplete(responseOfCall.get(event.toolCall.toolCallId));
			} else {
				const why = event.kind === 'error' ? 'error observation without tool call metadata' : `${event.kind} observation without tool call metadata`;
				emit(event, 'user', event.text, why);
			}
		} else roleOf.set(event.id, {eventId: event.id, role: null, label: '?'});
	}
	// Calls never answered are dropped (V0 _filter_unmatched_tool_calls); their events are not sent.
	for (const call of pending.values()) for (const id of call.eventIds) roleOf.set(id, {eventId: id, role: null, label: 'unanswered'});
	for (const result of results.values()) for (const id of result.eventIds) roleOf.set(id, {eventId: id, role: null, label: 'unmatched'});
	for (const event of events) roles.push(roleOf.get(event.id) ?? {eventId: event.id, role: null, label: '-'});
	return {messages, roles};
}
