// OpenHands V0 event dicts as event_to_dict writes them (research/openhands-events.md 2.1-2.2):
// key order id, timestamp, source, message, cause, action/observation, tool_call_metadata,
// llm_metrics, then args (actions) or content/extras/success (observations).

import {PyFloat} from './py-json.js';

export type EventDict = Record<string, unknown>;

export interface EventClock {
	/** Next event timestamp (naive local ISO). */
	stamp(): string;
}

export interface LlmTurn {
	/** litellm ModelResponse id, shared by every tool call of one response. */
	responseId: string;
	created: number;
	model: string;
	content: string | null;
	promptTokens: number;
	completionTokens: number;
	cachedTokens: number;
}

export interface MetricsTotals {
	cost: number;
	promptTokens: number;
	completionTokens: number;
	cacheRead: number;
}

export const SYSTEM_PROMPT =
	'You are OpenHands agent, a helpful AI assistant that can interact with a computer to solve tasks.\n\n<ROLE>\nYour primary role is to assist users by executing commands, modifying code, and solving technical problems effectively.\n</ROLE>';

export const TOOLS = [
	{
		type: 'function',
		function: {
			name: 'execute_bash',
			description: 'Execute a bash command in the terminal within a persistent shell session.',
			parameters: {type: 'object', properties: {command: {type: 'string', description: 'The bash command to execute.'}, is_input: {type: 'string', enum: ['true', 'false']}}, required: ['command']},
		},
	},
	{
		type: 'function',
		function: {
			name: 'str_replace_editor',
			description: 'Custom editing tool for viewing, creating and editing files in plain-text format.',
			parameters: {type: 'object', properties: {command: {type: 'string', enum: ['view', 'create', 'str_replace', 'insert', 'undo_edit']}, path: {type: 'string'}}, required: ['command', 'path']},
		},
	},
	{
		type: 'function',
		function: {
			name: 'finish',
			description: 'Signals the completion of the current task or conversation.',
			parameters: {type: 'object', properties: {message: {type: 'string'}, task_completed: {type: 'string', enum: ['true', 'false', 'partial']}}, required: ['message', 'task_completed']},
		},
	},
];

export function agentStateChanged(id: number, clock: EventClock, state: string, reason = ''): EventDict {
	return {id, timestamp: clock.stamp(), source: 'environment', message: '', observation: 'agent_state_changed', content: '', extras: {agent_state: state, reason}};
}

export function changeAgentState(id: number, clock: EventClock, state: string): EventDict {
	return {id, timestamp: clock.stamp(), source: 'environment', message: `Agent state changed to AgentState.${state.toUpperCase()}`, action: 'change_agent_state', args: {agent_state: state, thought: ''}};
}

export function systemAction(id: number, clock: EventClock, version: string): EventDict {
	return {id, timestamp: clock.stamp(), source: 'agent', message: SYSTEM_PROMPT, action: 'system', args: {content: SYSTEM_PROMPT, tools: TOOLS, openhands_version: version, agent_class: 'CodeActAgent'}};
}

export function userMessage(id: number, clock: EventClock, text: string): EventDict {
	return {id, timestamp: clock.stamp(), source: 'user', message: text, action: 'message', args: {content: text, file_urls: [], image_urls: [], wait_for_response: false}};
}

export function recallAction(id: number, clock: EventClock, query: string, type: 'workspace_context' | 'knowledge'): EventDict {
	return {id, timestamp: clock.stamp(), source: 'user', message: `Retrieving content for: ${query.slice(0, 50)}`, action: 'recall', args: {recall_type: type, query, thought: ''}};
}

export function recallObservation(id: number, clock: EventClock, cause: number, date: string, repoName: string): EventDict {
	return {
		id,
		timestamp: clock.stamp(),
		source: 'environment',
		message: 'Added workspace context',
		cause,
		observation: 'recall',
		content: 'Added workspace context',
		extras: {
			recall_type: 'workspace_context',
			repo_name: repoName,
			repo_directory: repoName ? repoName.split('/').at(-1) : '',
			repo_instructions: '',
			runtime_hosts: {'http://localhost:51234': 51234},
			additional_agent_instructions: '',
			date,
			custom_secrets_descriptions: {},
			conversation_instructions: '',
			microagent_knowledge: [],
		},
	};
}

function modelResponse(turn: LlmTurn, calls: Array<{id: string; name: string; arguments: string}>): EventDict {
	return {
		id: turn.responseId,
		created: turn.created,
		model: turn.model,
		object: 'chat.completion',
		system_fingerprint: null,
		choices: [
			{
				finish_reason: 'tool_calls',
				index: 0,
				message: {
					content: turn.content,
					role: 'assistant',
					tool_calls: calls.map((c, index) => ({index, function: {arguments: c.arguments, name: c.name}, id: c.id, type: 'function'})),
					function_call: null,
				},
			},
		],
		usage: {
			completion_tokens: turn.completionTokens,
			prompt_tokens: turn.promptTokens,
			total_tokens: turn.promptTokens + turn.completionTokens,
			completion_tokens_details: null,
			prompt_tokens_details: {audio_tokens: null, cached_tokens: turn.cachedTokens},
		},
	};
}

export function toolCallMetadata(turn: LlmTurn, call: {id: string; name: string; arguments: string}): EventDict {
	return {function_name: call.name, tool_call_id: call.id, model_response: modelResponse(turn, [call]), total_calls_in_response: 1};
}

export function llmMetrics(totals: MetricsTotals, turn: LlmTurn): EventDict {
	return {
		accumulated_cost: new PyFloat(totals.cost),
		max_budget_per_task: null,
		accumulated_token_usage: {
			model: 'default',
			prompt_tokens: totals.promptTokens,
			completion_tokens: totals.completionTokens,
			cache_read_tokens: totals.cacheRead,
			cache_write_tokens: 0,
			context_window: 131072,
			per_turn_token: turn.promptTokens + turn.completionTokens,
			response_id: '',
		},
		costs: [],
		response_latencies: [],
		token_usages: [],
	};
}

export function runAction(id: number, clock: EventClock, command: string, turn: LlmTurn, callId: string, totals: MetricsTotals): EventDict {
	const call = {id: callId, name: 'execute_bash', arguments: JSON.stringify({command, is_input: 'false'})};
	return {
		id,
		timestamp: clock.stamp(),
		source: 'agent',
		message: `Running command: ${command}`,
		action: 'run',
		tool_call_metadata: toolCallMetadata(turn, call),
		llm_metrics: llmMetrics(totals, turn),
		args: {command, is_input: false, thought: turn.content ?? '', blocking: false, is_static: false, cwd: null, hidden: false, confirmation_state: 'confirmed'},
	};
}

export function runObservation(id: number, clock: EventClock, cause: number, command: string, output: string, exitCode: number, turn: LlmTurn, callId: string): EventDict {
	const call = {id: callId, name: 'execute_bash', arguments: JSON.stringify({command, is_input: 'false'})};
	return {
		id,
		timestamp: clock.stamp(),
		source: 'agent',
		message: `Command \`${command}\` executed with exit code ${exitCode}.`,
		cause,
		observation: 'run',
		tool_call_metadata: toolCallMetadata(turn, call),
		content: output,
		extras: {
			command,
			metadata: {exit_code: exitCode, pid: -1, username: 'openhands', hostname: 'b5f1c2d3e4a6', working_dir: '/workspace/todo-api', py_interpreter_path: '/openhands/poetry/openhands-ai-5O4_aCHf-py3.12/bin/python', prefix: '', suffix: `\n[The command completed with exit code ${exitCode}.]`},
			hidden: false,
		},
		success: exitCode === 0,
	};
}

/** An ErrorObservation without cause or tool_call_metadata (e.g. an invalid tool call). */
export function errorObservation(id: number, clock: EventClock, text: string): EventDict {
	return {id, timestamp: clock.stamp(), source: 'agent', message: text, observation: 'error', content: text, extras: {error_id: ''}};
}

export function agentMessage(id: number, clock: EventClock, text: string): EventDict {
	return {id, timestamp: clock.stamp(), source: 'agent', message: text, action: 'message', args: {content: text, file_urls: null, image_urls: null, wait_for_response: true}};
}

export function finishAction(id: number, clock: EventClock, finalThought: string, turn: LlmTurn, callId: string, totals: MetricsTotals): EventDict {
	const call = {id: callId, name: 'finish', arguments: JSON.stringify({message: finalThought, task_completed: 'true'})};
	return {
		id,
		timestamp: clock.stamp(),
		source: 'agent',
		message: "All done! What's next on the agenda?",
		action: 'finish',
		tool_call_metadata: toolCallMetadata(turn, call),
		llm_metrics: llmMetrics(totals, turn),
		args: {final_thought: finalThought, task_completed: 'true', outputs: {}, thought: turn.content ?? ''},
	};
}
