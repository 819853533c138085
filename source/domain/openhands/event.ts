// One persisted OpenHands V0 event (`events/<n>.json`, trajectory or evaluation `history` item),
// validated with zod and reduced to the facts the role derivation and the event list need.

import {z} from 'zod';
import {maskString} from '../secrets.js';

/** A JSON object kept as it is (no copy: events can carry large payloads). */
const plainObject = z.custom<Record<string, unknown>>(v => v !== null && typeof v === 'object' && !Array.isArray(v), {message: 'expected an object'});

// z.object (not looseObject): only the declared keys are checked and copied. The large nested
// tool_call_metadata.model_response is read with the guards below instead of a nested schema, which
// keeps parsing 10,000 events well inside the panel's time budget.
const toolCallMetadataSchema = z.object({
	function_name: z.string().nullish(),
	tool_call_id: z.string().nullish(),
	total_calls_in_response: z.number().nullish(),
	model_response: plainObject.nullish(),
});

export const rawEventSchema = z.object({
	id: z.number().int().nullish(),
	timestamp: z.string().nullish(),
	source: z.string().nullish(),
	message: z.unknown(),
	cause: z.number().nullish(),
	action: z.string().nullish(),
	observation: z.string().nullish(),
	content: z.unknown(),
	args: plainObject.nullish(),
	extras: plainObject.nullish(),
	tool_call_metadata: toolCallMetadataSchema.nullish(),
	hidden: z.boolean().nullish(),
});

export type RawEvent = z.infer<typeof rawEventSchema>;

export interface ToolCallFacts {
	/** This event's own tool call id. */
	toolCallId: string;
	functionName: string;
	/** model_response.id: the LLM response the call came from. */
	responseId: string;
	/** Text the model returned alongside its tool calls ('' when null). */
	responseText: string;
	/** Every tool call id in that response, in order. */
	responseCallIds: string[];
}

export interface EventFacts {
	id: number;
	timestamp: string | null;
	source: string;
	/** 'action' or 'observation' (or 'unknown' for an object that is neither). */
	type: 'action' | 'observation' | 'unknown';
	/** Action or observation name, e.g. run, recall, agent_state_changed. */
	kind: string;
	/** One line for the event list. */
	summary: string;
	hidden: boolean;
	toolCall: ToolCallFacts | null;
	/** Text the derivation puts in the message: message content, finish thought, observation content. */
	text: string;
	/** recall observations: what kind, and whether it carries anything a prompt extension would render. */
	recallType: string | null;
	recallHasContent: boolean;
	microagentNames: string[];
	/** agent_state_changed / change_agent_state. */
	agentState: string | null;
	reason: string | null;
	/** condensation actions: what the condenser dropped from the history and the summary it put in. */
	condensation: CondensationFacts | null;
}

export interface CondensationFacts {
	/** forgotten_event_ids, or forgotten_events_start_id..end_id (both ends included; kept as a range). */
	forgottenIds: number[];
	forgottenRange: {start: number; end: number} | null;
	/** Set together, or the summary is not inserted (CondensationAction's own rule). */
	summary: string | null;
	summaryOffset: number | null;
}

export type ParseResult = {ok: true; event: EventFacts} | {ok: false; error: string};

function str(value: unknown): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) {
		return value
			.map(part => (part && typeof part === 'object' && typeof (part as {text?: unknown}).text === 'string' ? (part as {text: string}).text : ''))
			.join('');
	}
	return '';
}

function nonEmpty(value: unknown): boolean {
	if (value === null || value === undefined || value === false) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'object') return Object.keys(value).length > 0;
	return true;
}

/** One masked line: whitespace folded, secrets that look like keys replaced, cut at `max`. */
export function oneLine(text: string, max = 200): string {
	// Fold and mask only the head (observations can be megabytes); a key cut at the head's end is
	// still masked (the patterns end at a word boundary, which the string's end is).
	const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
	let flat = maskString(head.replace(/\s+/g, ' ').trim());
	if (flat.length < max && head !== text) flat = maskString(text.replace(/\s+/g, ' ').trim());
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function field(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function toolCallFacts(raw: RawEvent): ToolCallFacts | null {
	const meta = raw.tool_call_metadata;
	if (!meta || !meta.tool_call_id) return null;
	const response = meta.model_response ?? null;
	const choices = field(response, 'choices');
	const message = Array.isArray(choices) ? field(choices[0], 'message') : undefined;
	const toolCalls = field(message, 'tool_calls');
	const calls = (Array.isArray(toolCalls) ? toolCalls : []).map(c => field(c, 'id')).filter((id): id is string => typeof id === 'string' && id !== '');
	const responseId = field(response, 'id');
	return {
		toolCallId: meta.tool_call_id,
		functionName: meta.function_name ?? '',
		responseId: typeof responseId === 'string' ? responseId : `call:${meta.tool_call_id}`,
		responseText: str(field(message, 'content')),
		responseCallIds: calls.length > 0 ? calls : [meta.tool_call_id],
	};
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
// zod's number() refuses Infinity (JSON.parse makes one of 1e400) and int() anything past 2^53.
const optional = (v: unknown, type: 'string' | 'number' | 'boolean') =>
	v === null || v === undefined || (type === 'number' ? Number.isFinite(v) : typeof v === type);
const optionalObject = (v: unknown) => v === null || v === undefined || isObject(v);

/**
 * The same acceptance as `rawEventSchema`, as plain checks. Opening a 10,000-event session runs this
 * 10,000 times on a cold JIT, where zod costs ~10 µs an event; zod still decides every event this
 * rejects and words the error (test/sessions/event-guard.test.ts holds the two to the same answers).
 */
export function looksLikeRawEvent(v: unknown): v is RawEvent {
	if (!isObject(v)) return false;
	const id = v['id'];
	if (!(id === null || id === undefined || Number.isSafeInteger(id))) return false;
	if (!optional(v['timestamp'], 'string') || !optional(v['source'], 'string') || !optional(v['cause'], 'number')) return false;
	if (!optional(v['action'], 'string') || !optional(v['observation'], 'string') || !optional(v['hidden'], 'boolean')) return false;
	if (!optionalObject(v['args']) || !optionalObject(v['extras'])) return false;
	const meta = v['tool_call_metadata'];
	if (meta === null || meta === undefined) return true;
	if (!isObject(meta)) return false;
	return (
		optional(meta['function_name'], 'string') &&
		optional(meta['tool_call_id'], 'string') &&
		optional(meta['total_calls_in_response'], 'number') &&
		optionalObject(meta['model_response'])
	);
}

/** CondensationAction's args as View.from_events reads them; anything malformed forgets nothing. */
function condensationFacts(args: Record<string, unknown>): CondensationFacts {
	const ids = args['forgotten_event_ids'];
	const start = args['forgotten_events_start_id'];
	const end = args['forgotten_events_end_id'];
	const forgottenIds = Array.isArray(ids) ? ids.filter((id): id is number => Number.isSafeInteger(id)) : [];
	const forgottenRange =
		!Array.isArray(ids) && Number.isSafeInteger(start) && Number.isSafeInteger(end) ? {start: start as number, end: end as number} : null;
	const summary = typeof args['summary'] === 'string' ? args['summary'] : null;
	const offset = args['summary_offset'];
	const summaryOffset = Number.isSafeInteger(offset) ? (offset as number) : null;
	return summary !== null && summaryOffset !== null
		? {forgottenIds, forgottenRange, summary, summaryOffset}
		: {forgottenIds, forgottenRange, summary: null, summaryOffset: null};
}

/** Recall observation fields a prompt extension renders into the user message. */
const RECALL_KEYS = ['repo_name', 'repo_directory', 'repo_instructions', 'runtime_hosts', 'additional_agent_instructions', 'date', 'custom_secrets_descriptions', 'conversation_instructions', 'working_dir'];

/** Validate one decoded JSON value as an event; `fallbackId` is the file's number when the id is missing. */
export function parseEvent(value: unknown, fallbackId: number | null): ParseResult {
	let raw: RawEvent;
	if (looksLikeRawEvent(value)) raw = value;
	else {
		const result = rawEventSchema.safeParse(value);
		if (!result.success) {
			const issue = result.error.issues[0];
			return {ok: false, error: `not an OpenHands event (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'bad shape'})`};
		}
		raw = result.data;
	}
	const id = raw.id ?? fallbackId;
	if (id === null || id === undefined) return {ok: false, error: 'not an OpenHands event (no "id")'};
	const args: Record<string, unknown> = raw.args ?? {};
	const extras: Record<string, unknown> = raw.extras ?? {};
	const type = raw.action ? 'action' : raw.observation ? 'observation' : 'unknown';
	const kind = raw.action ?? raw.observation ?? '?';
	let text = '';
	if (type === 'action') {
		if (kind === 'message' || kind === 'system') text = str(args['content']);
		else if (kind === 'finish') text = str(args['thought']);
		else if (kind === 'run') text = str(args['command']);
		else text = str(args['thought']);
	} else {
		text = str(raw.content);
	}
	const recallType = kind === 'recall' && type === 'observation' ? (typeof extras['recall_type'] === 'string' ? extras['recall_type'] : 'workspace_context') : null;
	const knowledge = recallType !== null && Array.isArray(extras['microagent_knowledge']) ? (extras['microagent_knowledge'] as unknown[]) : [];
	const microagentNames = knowledge.map(k => (k && typeof k === 'object' && typeof (k as {name?: unknown}).name === 'string' ? (k as {name: string}).name : '')).filter(Boolean);
	const recallHasContent = recallType !== null && (RECALL_KEYS.some(k => nonEmpty(extras[k])) || microagentNames.length > 0);
	const agentStateRaw = kind === 'agent_state_changed' ? extras['agent_state'] : kind === 'change_agent_state' ? args['agent_state'] : null;
	const summarySource = str(raw.message) || (type === 'observation' ? str(raw.content) : text);
	return {
		ok: true,
		event: {
			id,
			timestamp: raw.timestamp ?? null,
			source: raw.source ?? '?',
			type,
			kind,
			summary: oneLine(summarySource || (typeof agentStateRaw === 'string' ? `state: ${agentStateRaw}` : '')),
			hidden: raw.hidden === true || args['hidden'] === true || extras['hidden'] === true,
			toolCall: toolCallFacts(raw),
			text,
			recallType,
			recallHasContent,
			microagentNames,
			agentState: typeof agentStateRaw === 'string' ? agentStateRaw : null,
			reason: typeof extras['reason'] === 'string' ? extras['reason'] : null,
			condensation: type === 'action' && kind === 'condensation' ? condensationFacts(args) : null,
		},
	};
}
