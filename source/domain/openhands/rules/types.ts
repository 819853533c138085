// What every ordering rule gets: the rebuilt message list and, for event sessions, the events.

import type {EventFacts} from '../event.js';
import type {Finding, RuleId, TemplateFamily} from '../finding.js';
import type {LlmMessage} from '../messages.js';

export interface RuleInput {
	messages: readonly LlmMessage[];
	/** Present for event sessions; absent for completion logs (messages exactly as sent). */
	events?: readonly EventFacts[];
	/** 'events': each agent step sent the list up to that point; 'log': the list is one request. */
	kind: 'events' | 'log';
	/** The error texts a session recorded (V0 agent errors, V1 ConversationErrorEvent / AgentErrorEvent). */
	errors?: readonly RecordedError[];
	/** 'v1': a software-agent-sdk conversation (the V1-only rules run, fixes name V1 settings). */
	flavor?: 'v0' | 'v1';
	/** The chat template family the engine serves, when the user said or the engine showed it. */
	template?: TemplateFamily | null;
}

export interface RecordedError {
	eventId: number;
	text: string;
	/** What recorded it, e.g. "agent error state", "ConversationErrorEvent LLMBadRequestError". */
	what: string;
}

export interface Rule {
	id: RuleId;
	check(input: RuleInput): Finding[];
}
