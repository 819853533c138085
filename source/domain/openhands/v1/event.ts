// One persisted OpenHands V1 event (software-agent-sdk `events/event-NNNNN-<uuid>.json`, the app
// server's `v1/events/<conversation>/<time>_<Kind>_<hex>` copy, or an item of `events/search`),
// reduced to what the message rebuild, the rules and the event list need. Pure; never throws.

import {oneLine} from '../event.js';

export interface V1ToolCall {
	id: string;
	name: string;
	/** The JSON string the model returned, replayed as is in every later request. */
	arguments: string;
}

export interface V1EventFacts {
	/** Position in the conversation (the file's idx, or the place in timestamp order): the id the panel and the rules use. */
	id: number;
	/** The event's own UUID. */
	uuid: string;
	kind: string;
	source: string;
	timestamp: string | null;
	/** Since SDK v1.31 (conversation tree); null on older events. */
	parentId: string | null;
	summary: string;
	/** Text the SDK puts in the message (message content + extended_content, thought, observation, error). */
	text: string;
	/** MessageEvent: the role stored in llm_message. */
	messageRole: string | null;
	/** ActionEvent: the call replayed in history; llm_response_id groups one response's calls. */
	toolCall: V1ToolCall | null;
	llmResponseId: string | null;
	/** ActionEvent with thinking blocks: the start of a tool loop. */
	thinking: boolean;
	/** Observation-like events: the call they answer. */
	toolCallId: string | null;
	toolName: string | null;
	/** Condensation: what it forgets (UUIDs) and the summary it puts in. */
	condensation: {forgotten: string[]; summary: string | null; summaryOffset: number | null} | null;
	/** ConversationErrorEvent: code and detail; AgentErrorEvent: the error text. */
	error: {code: string; detail: string} | null;
	/** ConversationStateUpdateEvent key execution_status (or full_state's). */
	executionStatus: string | null;
}

export type V1Parse = {ok: true; event: V1EventFacts} | {ok: false; error: string};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Text parts of a TextContent list (or a string), joined as the SDK's string serializer does. */
export function contentText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (isObject(value)) return typeof value['text'] === 'string' ? value['text'] : '';
	if (!Array.isArray(value)) return '';
	return value
		.map(part => (isObject(part) && typeof part['text'] === 'string' ? part['text'] : isObject(part) && part['type'] === 'image' ? '[image]' : ''))
		.filter(t => t !== '')
		.join('\n');
}

/** A V1 event: an object with a string `kind` and a string `id` (V0 events have numeric ids and action/observation). */
export function looksLikeV1Event(value: unknown): value is Record<string, unknown> {
	return isObject(value) && typeof value['kind'] === 'string' && typeof value['id'] === 'string' && !('action' in value && typeof value['action'] === 'string');
}

function toolCallOf(value: unknown): V1ToolCall | null {
	if (!isObject(value)) return null;
	const id = s(value['id']);
	if (id === null) return null;
	const args = value['arguments'];
	return {id, name: s(value['name']) ?? '', arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {})};
}

function summaryOf(kind: string, v: Record<string, unknown>, text: string, call: V1ToolCall | null): string {
	if (kind === 'ActionEvent') {
		const summary = s(v['summary']);
		const action = isObject(v['action']) ? v['action'] : null;
		const detail = summary ?? (action ? s(action['command']) ?? s(action['message']) ?? s(action['path']) : null) ?? call?.arguments ?? '';
		return oneLine(`${call?.name ?? s(v['tool_name']) ?? '?'}${action ? '' : ' (invalid call)'}: ${text ? `${text} · ` : ''}${detail}`);
	}
	if (kind === 'ConversationStateUpdateEvent') return oneLine(`${s(v['key']) ?? '?'} = ${typeof v['value'] === 'string' ? v['value'] : JSON.stringify(v['value'] ?? null).slice(0, 160)}`);
	if (kind === 'Condensation') {
		const n = Array.isArray(v['forgotten_event_ids']) ? v['forgotten_event_ids'].length : 0;
		return oneLine(`forgets ${n} event(s)${s(v['summary']) ? `; summary: ${s(v['summary'])}` : ''}`);
	}
	if (kind === 'LLMCompletionLogEvent') return oneLine(`completion log ${s(v['filename']) ?? ''} (${s(v['model_name']) ?? '?'})`);
	return oneLine(text || kind);
}

export function parseV1Event(value: unknown, id: number): V1Parse {
	if (!looksLikeV1Event(value)) {
		return {ok: false, error: isObject(value) ? 'not an OpenHands V1 event (needs string "id" and "kind")' : 'not an OpenHands V1 event (not an object)'};
	}
	const v = value;
	const kind = v['kind'] as string;
	let text = '';
	let messageRole: string | null = null;
	let toolCall: V1ToolCall | null = null;
	let toolCallId: string | null = null;
	let condensation: V1EventFacts['condensation'] = null;
	let error: V1EventFacts['error'] = null;
	let executionStatus: string | null = null;
	if (kind === 'SystemPromptEvent') {
		text = [contentText(v['system_prompt']), contentText(v['dynamic_context'])].filter(Boolean).join('\n');
	} else if (kind === 'MessageEvent') {
		const m = isObject(v['llm_message']) ? v['llm_message'] : {};
		messageRole = s(m['role']);
		text = [contentText(m['content']), contentText(v['extended_content'])].filter(Boolean).join('\n');
		if (Array.isArray(m['tool_calls']) && m['tool_calls'].length > 0) toolCall = toolCallOf(m['tool_calls'][0]);
	} else if (kind === 'ActionEvent') {
		text = contentText(v['thought']);
		toolCall = toolCallOf(v['tool_call']) ?? (s(v['tool_call_id']) ? {id: s(v['tool_call_id'])!, name: s(v['tool_name']) ?? '', arguments: '{}'} : null);
	} else if (kind === 'ObservationEvent') {
		const o = isObject(v['observation']) ? v['observation'] : {};
		text = [o['is_error'] === true ? '[error]' : '', contentText(o['content']), contentText(v['extended_content'])].filter(Boolean).join('\n');
		toolCallId = s(v['tool_call_id']);
	} else if (kind === 'UserRejectObservation') {
		text = `Action rejected: ${s(v['rejection_reason']) ?? 'User rejected the action'}`;
		toolCallId = s(v['tool_call_id']);
	} else if (kind === 'AgentErrorEvent') {
		text = s(v['error']) ?? '';
		toolCallId = s(v['tool_call_id']);
		error = {code: 'AgentErrorEvent', detail: text};
	} else if (kind === 'ConversationErrorEvent') {
		error = {code: s(v['code']) ?? '?', detail: s(v['detail']) ?? ''};
		text = `${error.code}: ${error.detail}`;
	} else if (kind === 'Condensation') {
		const ids = Array.isArray(v['forgotten_event_ids']) ? v['forgotten_event_ids'].filter((x): x is string => typeof x === 'string') : [];
		const summary = s(v['summary']);
		const offset = Number.isSafeInteger(v['summary_offset']) ? (v['summary_offset'] as number) : null;
		condensation = {forgotten: ids, summary: summary !== null && offset !== null ? summary : null, summaryOffset: summary !== null ? offset : null};
		text = summary ?? '';
	} else if (kind === 'CondensationSummaryEvent') {
		text = s(v['summary']) ?? '';
	} else if (kind === 'ConversationStateUpdateEvent') {
		const key = s(v['key']);
		if (key === 'execution_status') executionStatus = s(v['value']);
		else if (key === 'full_state' && isObject(v['value'])) executionStatus = s(v['value']['execution_status']) ?? s(v['value']['agent_status']);
	}
	return {
		ok: true,
		event: {
			id,
			uuid: v['id'] as string,
			kind,
			source: s(v['source']) ?? '?',
			timestamp: s(v['timestamp']),
			parentId: s(v['parent_id']),
			summary: summaryOf(kind, v, text, toolCall),
			text,
			messageRole,
			toolCall,
			llmResponseId: s(v['llm_response_id']),
			thinking: Array.isArray(v['thinking_blocks']) && v['thinking_blocks'].length > 0,
			toolCallId,
			toolName: s(v['tool_name']),
			condensation,
			error,
			executionStatus,
		},
	};
}
