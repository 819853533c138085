// What every ordering rule gets: the rebuilt message list and, for event sessions, the events.

import type {EventFacts} from '../event.js';
import type {Finding, RuleId} from '../finding.js';
import type {LlmMessage} from '../messages.js';

export interface RuleInput {
	messages: readonly LlmMessage[];
	/** Present for event sessions; absent for completion logs (messages exactly as sent). */
	events?: readonly EventFacts[];
	/** 'events': each agent step sent the list up to that point; 'log': the list is one request. */
	kind: 'events' | 'log';
}

export interface Rule {
	id: RuleId;
	check(input: RuleInput): Finding[];
}
