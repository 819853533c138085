// The session list and the event list as the list mechanism sees them: columns as data (which go
// first at phone width), the words `/` searches, and the adapters the shared list keys move.

import type {ListAdapter} from '../../commands/list.js';
import type {Column} from '../../domain/list/columns.js';
import {update, type AppState} from '../../store/index.js';
import {PENDING_ROLE, rowHost, selectShown, shownCursor, shownSessions, type EventRow, type SessionRow} from '../../store/slices/sessions.js';
import {hostScope} from '../../store/slices/host.js';
import type {HostId} from '../../domain/host-id.js';
import type {Token} from '../../theme/tokens.js';
import {shortDate, shortTime} from './window.js';

const STATE_LABELS: Record<string, string> = {awaiting_user_input: 'awaiting', awaiting_user_confirmation: 'confirm?', rate_limited: 'ratelimit', user_confirmed: 'confirmed', user_rejected: 'rejected'};

function shortState(state: string | null): string {
	return state ? (STATE_LABELS[state] ?? state) : '?';
}

/** "openai/mistral-small-4" → "mistral-small-4": the provider prefix is the same on every row. */
function shortModel(model: string | null): string {
	return model ? (model.split('/').at(-1) ?? model) : '?';
}

export const sessionColumns: Column<SessionRow, Token>[] = [
	{id: 'updated', header: 'updated', width: 11, priority: 2, cell: r => shortDate(r.updatedAt)},
	{id: 'events', header: 'events', width: 6, align: 'right', priority: 3, cell: r => String(r.eventCount)},
	{id: 'state', header: 'state', width: 10, priority: 1, cell: r => shortState(r.agentState)},
	{
		id: 'findings',
		header: ' !',
		width: 3,
		priority: 0,
		// An unreadable session is never shown as clean.
		cell: r => (r.error || r.checkError ? ' ? ' : r.findings === null ? ' … ' : r.findings === 0 ? ' ✓ ' : ` ${r.findings}`),
		tone: r => (r.error || r.findings ? 'error' : r.findings === 0 ? 'ok' : 'muted'),
	},
	// Wide panels have room for the model on every row (a phone shows it for the selected one).
	{id: 'model', header: 'model', width: 28, priority: 4, minListWidth: 90, cut: 'middle', cell: r => shortModel(r.model)},
	{id: 'title', header: 'title', width: {flex: 1, min: 8}, priority: 0, cell: r => r.title ?? r.id},
];

/** With several hosts on a wide layout: which host's folder the session is in, as Containers and Throughput name it. */
export function sessionColumnsFor(hostColumn: boolean, firstHost: HostId): Column<SessionRow, Token>[] {
	if (!hostColumn) return sessionColumns;
	const host: Column<SessionRow, Token> = {id: 'host', header: 'HOST', width: 8, priority: 1, cell: r => rowHost({hostId: firstHost}, r), tone: () => 'muted'};
	return [host, ...sessionColumns];
}

/** The words `/` matches: a further host's rows carry its name, so "spark2" lists that box's. */
export function sessionText(r: SessionRow): string {
	return `${r.title ?? ''} ${r.id} ${r.model ?? ''} ${r.agentState ?? ''}${r.hostId ? ` ${r.hostId}` : ''}`;
}

const ROLE_TONE: Record<string, Token> = {system: 'muted', user: 'accent', assistant: 'info', 'assistant+tc': 'info', tool: 'text'};

/** `flagged`: ids of events with a finding (the `!` mark). */
export function eventColumns(flagged: ReadonlySet<number>): Column<EventRow, Token>[] {
	return [
		{id: 'mark', header: '', width: 1, priority: 0, cell: r => (r.problem ? '?' : flagged.has(r.id) ? '!' : ' '), tone: r => (flagged.has(r.id) ? 'error' : 'warn')},
		{id: 'id', header: 'id', width: 5, align: 'right', priority: 0, cell: r => String(r.id)},
		{id: 'time', header: 'time', width: 8, priority: 3, minListWidth: 60, cell: r => shortTime(r.timestamp)},
		{id: 'role', header: 'role', width: 12, priority: 0, cell: r => r.role, tone: r => ROLE_TONE[r.role] ?? 'muted'},
		{id: 'source', header: 'source', width: 11, priority: 4, minListWidth: 90, cell: r => r.source},
		{id: 'kind', header: 'kind', width: {flex: 1, min: 10}, priority: 1, cell: r => r.kind},
		{id: 'message', header: 'message', width: {flex: 3, min: 10}, priority: 0, cell: r => r.summary},
	];
}

export function eventText(r: EventRow): string {
	return `#${r.id} ${r.role === PENDING_ROLE ? '' : r.role} ${r.source} ${r.kind} ${r.summary}`;
}

const onSessions = (s: AppState) => s.ui.focused === 'sessions' && s.ui.overlay === null;

export const sessionsList: ListAdapter = {
	id: 'sessions',
	mode: 'cursor',
	active: s => onSessions(s) && s.sessions.view === 'list',
	// A phone lists one host's sessions (`h` moves it): the keys move among those.
	texts: s => shownSessions(s.sessions, hostScope(s).only).map(sessionText),
	position: s => shownCursor(s.sessions, hostScope(s).only),
	moveTo: (store, index) => {
		const only = hostScope(store.getState()).only;
		update(store, 'sessions', s => selectShown(s, only, index));
	},
};

export const eventsList: ListAdapter = {
	id: 'events',
	mode: 'cursor',
	active: s => onSessions(s) && s.sessions.view === 'events' && s.sessions.open !== null,
	texts: s => (s.sessions.open?.rows ?? []).map(eventText),
	position: s => s.sessions.open?.cursor ?? 0,
	moveTo: (store, index) => update(store, 'sessions', s => (s.open && s.open.cursor !== index ? {...s, open: {...s.open, cursor: index}} : s)),
};
