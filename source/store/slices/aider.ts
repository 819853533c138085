// aider slice: the terminal pane sessions (Aider or any command) and what was read from each Aider
// session's chat history: tokens per message and in total, cost, edits, commits, undos, errors.
// The pty and emulator objects live in the session manager; this holds plain data only.

import type {AiderEvent} from '../../domain/aider/history-parser.js';
import {nextChatFiles} from '../../domain/aider/chat-files.js';

export interface AiderMessage {
	sent: number;
	received: number;
	at: number;
}

export interface AiderSessionState {
	id: string;
	/** Tab label: the repo folder name or the command. */
	title: string;
	kind: 'aider' | 'command';
	cwd: string;
	commandLine: string;
	startedAt: number;
	status: 'running' | 'exited';
	exitCode?: number;
	signal?: number;
	/** Model the session talks to (Aider only). */
	model?: string;
	tokens: {sent: number; received: number};
	messages: AiderMessage[];
	cost?: {message: number; session: number};
	edits: string[];
	commits: {hash: string; message: string}[];
	undos: number;
	errors: string[];
	lastReply?: string;
	/** Files in the chat (editable and read-only), from the chat history. */
	chatFiles?: readonly string[];
}

export interface AiderState {
	sessions: AiderSessionState[];
	activeId: string | null;
	/** Why a session could not start (aider missing, no profile), with what to do. */
	error: string | null;
	/** Set while a session exists whose history is being read. */
	lastSizeHint?: {cols: number; rows: number};
}

export function initialAider(): AiderState {
	return {sessions: [], activeId: null, error: null};
}

export function newSessionState(init: Pick<AiderSessionState, 'id' | 'title' | 'kind' | 'cwd' | 'commandLine' | 'model'>, at = Date.now()): AiderSessionState {
	return {...init, startedAt: at, status: 'running', tokens: {sent: 0, received: 0}, messages: [], edits: [], commits: [], undos: 0, errors: []};
}

export function addSession(state: AiderState, session: AiderSessionState): AiderState {
	return {...state, sessions: [...state.sessions, session], activeId: session.id, error: null};
}

export function setActive(state: AiderState, id: string): AiderState {
	return state.activeId === id || !state.sessions.some(s => s.id === id) ? state : {...state, activeId: id};
}

/** Next or previous tab, wrapping. */
export function cycleActive(state: AiderState, step: 1 | -1): AiderState {
	if (state.sessions.length === 0) return state;
	const index = state.sessions.findIndex(s => s.id === state.activeId);
	const next = state.sessions[(index + step + state.sessions.length) % state.sessions.length]!;
	return setActive(state, next.id);
}

export function removeSession(state: AiderState, id: string): AiderState {
	const sessions = state.sessions.filter(s => s.id !== id);
	const activeId = state.activeId === id ? (sessions[sessions.length - 1]?.id ?? null) : state.activeId;
	return {...state, sessions, activeId};
}

export function setError(state: AiderState, error: string | null): AiderState {
	return state.error === error ? state : {...state, error};
}

function mapSession(state: AiderState, id: string, fn: (s: AiderSessionState) => AiderSessionState): AiderState {
	let changed = false;
	const sessions = state.sessions.map(s => {
		if (s.id !== id) return s;
		const next = fn(s);
		if (next !== s) changed = true;
		return next;
	});
	return changed ? {...state, sessions} : state;
}

export function markExited(state: AiderState, id: string, exitCode: number, signal?: number): AiderState {
	return mapSession(state, id, s => ({...s, status: 'exited', exitCode, ...(signal ? {signal} : {})}));
}

// Per session, so a session kept open for days holds a bounded summary: the newest of each.
const MAX_ERRORS = 20;
const MAX_MESSAGES = 200;
const MAX_COMMITS = 200;
const MAX_EDITS = 500;

/** Fold chat-history events into a session's summary. */
export function applyEvents(state: AiderState, id: string, events: readonly AiderEvent[], at = Date.now()): AiderState {
	if (events.length === 0) return state;
	return mapSession(state, id, session => {
		const s = {...session, tokens: {...session.tokens}};
		for (const event of events) {
			switch (event.kind) {
				case 'tokens':
					s.tokens = {sent: s.tokens.sent + event.sent, received: s.tokens.received + event.received};
					s.messages = [...s.messages, {sent: event.sent, received: event.received, at}].slice(-MAX_MESSAGES);
					break;
				case 'cost':
					s.cost = {message: event.message, session: event.session};
					break;
				case 'edit':
					if (!s.edits.includes(event.file)) s.edits = [...s.edits, event.file].slice(-MAX_EDITS);
					break;
				case 'commit':
					s.commits = [...s.commits, {hash: event.hash, message: event.message}].slice(-MAX_COMMITS);
					break;
				case 'undo':
					s.undos++;
					s.commits = s.commits.filter(c => !event.hash.startsWith(c.hash) && !c.hash.startsWith(event.hash));
					break;
				case 'error':
					s.errors = [...s.errors, event.text].slice(-MAX_ERRORS);
					break;
				case 'assistant':
					s.lastReply = event.text;
					break;
				default:
					break;
			}
		}
		return s;
	});
}

/** Tokens of every session, for the Throughput panel: [{id, title, sent, received}]. */
export function sessionTokenTotals(state: AiderState): {id: string; title: string; sent: number; received: number; messages: number}[] {
	return state.sessions.map(s => ({id: s.id, title: s.title, sent: s.tokens.sent, received: s.tokens.received, messages: s.messages.length}));
}

/** Files added to or dropped from the session's chat by these history events. */
export function applyChatFiles(state: AiderState, id: string, events: readonly AiderEvent[]): AiderState {
	let changed = false;
	const sessions = state.sessions.map(s => {
		if (s.id !== id) return s;
		const before = s.chatFiles ?? [];
		const after = nextChatFiles(before, events);
		if (after === before) return s;
		changed = true;
		return {...s, chatFiles: after};
	});
	return changed ? {...state, sessions} : state;
}
