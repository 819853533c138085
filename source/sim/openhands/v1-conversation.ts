// The demo's OpenHands V1 conversation, written as the V1 CLI writes one into
// ~/.openhands/conversations/<hex>/: base_state.json and events/event-NNNNN-<uuid>.json, compact
// JSON with nulls left out and "kind" last (model_dump_json(exclude_none=True)), naive local
// timestamps. The agent ends its turn with the finish tool, the user follows up, and the Mistral
// server answers the next request with its BadRequest: tool → user, as OpenHands V1 sends it.

import {randomBytes, randomUUID} from 'node:crypto';
import {mkdirSync, renameSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {naiveLocalIso} from './py-json.js';

const MODEL = 'openai/mistral-small-4';

/** Mistral's tool-call ids: 9 letters or digits. */
function mistralCallId(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
	return [...randomBytes(9)].map(b => alphabet[b % alphabet.length]).join('');
}

const text = (t: string) => [{cache_prompt: false, type: 'text', text: t}];

export class V1ConversationWriter {
	readonly id = randomUUID();
	readonly dir: string;
	private at: Date;
	private idx = 0;
	lastEventId: string | null = null;

	constructor(root: string, start: Date) {
		this.dir = path.join(root, this.id.replace(/-/g, ''));
		this.at = start;
		mkdirSync(path.join(this.dir, 'events'), {recursive: true});
		writeFileSync(path.join(this.dir, 'events', '.eventlog.lock'), '');
	}

	advance(ms: number): void {
		this.at = new Date(this.at.getTime() + ms);
	}

	/** One event file; `body` gets id, timestamp, source first and kind last, as the SDK writes them. */
	add(source: string, kind: string, body: Record<string, unknown>): string {
		const id = randomUUID();
		const event = {id, timestamp: naiveLocalIso(this.at, this.idx), source, ...body, kind};
		const name = `event-${String(this.idx).padStart(5, '0')}-${id}.json`;
		const file = path.join(this.dir, 'events', name);
		// Written whole, then renamed: a reader never sees the demo's own files half-written.
		writeFileSync(`${file}.tmp`, JSON.stringify(event));
		renameSync(`${file}.tmp`, file);
		this.idx++;
		this.lastEventId = id;
		return id;
	}

	writeBaseState(status: string): void {
		const state = {
			id: this.id,
			agent: {llm: {model: MODEL, api_key: '**********', base_url: 'http://127.0.0.1:30000/v1', native_tool_calling: true, usage_id: 'agent'}, tools: [{name: 'terminal', params: {}}], kind: 'Agent'},
			workspace: {working_dir: '/workspace/todo-api', kind: 'LocalWorkspace'},
			persistence_dir: this.dir,
			max_iterations: 500,
			stuck_detection: true,
			execution_status: status,
			confirmation_policy: {kind: 'NeverConfirm'},
			activated_knowledge_skills: [],
			blocked_actions: {},
			blocked_messages: {},
		};
		const file = path.join(this.dir, 'base_state.json');
		writeFileSync(`${file}.tmp`, JSON.stringify(state));
		renameSync(`${file}.tmp`, file);
	}

	system(): void {
		this.add('agent', 'SystemPromptEvent', {system_prompt: text('You are OpenHands agent, a helpful AI assistant that can interact with a computer to solve tasks.'), tools: []});
	}

	user(message: string): void {
		this.add('user', 'MessageEvent', {llm_message: {role: 'user', content: text(message), thinking_blocks: []}, activated_skills: [], extended_content: []});
	}

	/** One tool call (no thought, as Mistral Small answers) and its observation. */
	tool(tool: string, args: Record<string, unknown>, output: string, action: Record<string, unknown>): void {
		const callId = mistralCallId();
		const responseId = `chatcmpl-${randomBytes(16).toString('hex')}`;
		const actionId = this.add('agent', 'ActionEvent', {
			thought: [],
			thinking_blocks: [],
			action,
			tool_name: tool,
			tool_call_id: callId,
			tool_call: {id: callId, name: tool, arguments: JSON.stringify(args), origin: 'completion'},
			llm_response_id: responseId,
			security_risk: 'LOW',
		});
		this.advance(400);
		const kind = tool === 'finish' ? 'FinishObservation' : 'TerminalObservation';
		this.add('environment', 'ObservationEvent', {tool_name: tool, tool_call_id: callId, observation: {content: text(output), is_error: false, kind}, action_id: actionId});
	}

	/** The folder's times are the last event's, as if written then (the list orders by them). */
	settleTimes(): void {
		for (const p of [path.join(this.dir, 'events'), path.join(this.dir, 'base_state.json'), this.dir]) utimesSync(p, this.at, this.at);
	}

	stateUpdate(status: string): void {
		this.add('environment', 'ConversationStateUpdateEvent', {key: 'execution_status', value: status});
	}
}

/** The demo's V1 conversation (CLI layout, under `<stateDir>/conversations/`); returns its folder name. */
export function writeDemoV1Conversation(stateDir: string, start: Date): string {
	const c = new V1ConversationWriter(path.join(stateDir, 'conversations'), start);
	c.writeBaseState('running');
	c.system();
	c.user('Add pagination to GET /todos (limit and offset query parameters).');
	c.advance(2100);
	c.tool('terminal', {command: 'grep -n "todos" src/server.ts', security_risk: 'LOW'}, "13:app.get('/todos', listTodos);", {command: 'grep -n "todos" src/server.ts', is_input: false, reset: false, kind: 'TerminalAction'});
	c.advance(2600);
	const done = 'Added limit and offset to GET /todos, with a test.';
	c.tool('finish', {message: done}, done, {message: done, kind: 'FinishAction'});
	c.stateUpdate('finished');
	c.advance(30000);
	c.user('Also cap limit at 100.');
	c.stateUpdate('running');
	c.advance(800);
	c.add('environment', 'ConversationErrorEvent', {
		code: 'LLMBadRequestError',
		detail: 'litellm.BadRequestError: OpenAIException - Unexpected role \'user\' after role \'tool\'',
	});
	c.stateUpdate('error');
	c.writeBaseState('error');
	c.settleTimes();
	return path.basename(c.dir);
}
