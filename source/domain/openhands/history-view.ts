// The events OpenHands V0 turns into messages, in order: the history filter (state_tracker
// agent_history_filter), the condenser's view (memory/view.py View.from_events: forgotten events and
// condensation actions out, the last summary in at its offset) and ConversationMemory
// ._ensure_initial_user_message (the first user message put back after the system prompt).

import type {EventFacts} from './event.js';

/** Events V0's history filter drops before building messages. */
const FILTERED = new Set(['null', 'change_agent_state', 'agent_state_changed']);

export type ViewEntry =
	| {as: 'event'; event: EventFacts}
	/** The AgentCondensationObservation a condensation action's summary becomes (pointed at by that action). */
	| {as: 'summary'; event: EventFacts; text: string}
	/** The initial user message inserted again where the view no longer has it second. */
	| {as: 'initial-user'; event: EventFacts};

export interface HistoryView {
	entries: ViewEntry[];
	/** Why an event is not in the view: 'hidden', '-' (filtered, or a condensation request), 'forgotten'. */
	left: Map<number, string>;
}

const isUserMessage = (e: EventFacts) => e.type === 'action' && e.kind === 'message' && e.source === 'user';
const isCondensation = (e: EventFacts) => e.type === 'action' && e.kind === 'condensation';

/** Python's list.insert index: negative counts from the end, anything past either end clamps. */
function insertAt(length: number, index: number): number {
	const i = index < 0 ? length + index : index;
	return Math.max(0, Math.min(i, length));
}

export function historyView(events: readonly EventFacts[]): HistoryView {
	const left = new Map<number, string>();
	const history: EventFacts[] = [];
	for (const event of events) {
		if (event.hidden) left.set(event.id, 'hidden');
		else if (FILTERED.has(event.kind)) left.set(event.id, '-');
		else history.push(event);
	}

	// View.from_events: every condensation's forgotten events, the condensation actions and the
	// condensation requests leave; only the most recent summary comes back.
	const forgotten = new Set<number>();
	const ranges: Array<{start: number; end: number}> = [];
	let summary: {event: EventFacts; text: string; offset: number} | null = null;
	for (const event of history) {
		if (isCondensation(event)) {
			const c = event.condensation!;
			for (const id of c.forgottenIds) forgotten.add(id);
			if (c.forgottenRange) ranges.push(c.forgottenRange);
			forgotten.add(event.id);
			if (c.summary !== null && c.summaryOffset !== null) summary = {event, text: c.summary, offset: c.summaryOffset};
		} else if (event.type === 'action' && event.kind === 'condensation_request') forgotten.add(event.id);
	}
	const gone = (id: number) => forgotten.has(id) || ranges.some(r => id >= r.start && id <= r.end);
	const entries: ViewEntry[] = [];
	for (const event of history) {
		if (gone(event.id)) {
			left.set(event.id, isCondensation(event) || event.kind === 'condensation_request' ? '-' : 'forgotten');
		} else entries.push({as: 'event', event});
	}
	if (summary) entries.splice(insertAt(entries.length, summary.offset), 0, {as: 'summary', event: summary.event, text: summary.text});

	// _ensure_system_message puts a system prompt first when there is none; then the second entry
	// must be a user message, else the initial user message (the history's first) goes there.
	const initial = history.find(isUserMessage);
	const hasSystem = entries.some(e => e.as === 'event' && e.event.type === 'action' && e.event.kind === 'system');
	const second = hasSystem ? 1 : 0;
	const atSecond = entries[second];
	if (initial && !(atSecond?.as === 'event' && isUserMessage(atSecond.event))) {
		entries.splice(Math.min(second, entries.length), 0, {as: 'initial-user', event: initial});
	}
	return {entries, left};
}
