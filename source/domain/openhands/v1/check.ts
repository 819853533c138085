// One call from a V1 conversation's events to roles, messages and findings: the rules see the
// message list the SDK would send, the recorded server errors, and the V1 flavor (V1-only rules on).

import type {CheckResult} from '../check.js';
import type {RuleId, TemplateFamily} from '../finding.js';
import {runRules} from '../rules/index.js';
import type {RecordedError} from '../rules/types.js';
import {deriveV1Messages} from './derive.js';
import type {V1EventFacts} from './event.js';
import type {SdkRules} from './version.js';

export interface V1CheckOptions {
	sdk: SdkRules;
	leafEventId?: string | null;
	template?: TemplateFamily | null;
	rules?: readonly RuleId[];
}

/** ConversationErrorEvent (the run's LLM error, e.g. LLMBadRequestError with litellm's text) and AgentErrorEvent texts. */
export function v1Errors(events: readonly V1EventFacts[]): RecordedError[] {
	return events
		.filter(e => e.error !== null)
		.map(e => ({
			eventId: e.id,
			text: e.error!.detail,
			what: e.kind === 'ConversationErrorEvent' ? `the conversation stopped with ${e.error!.code}` : `an agent error (${e.toolName ?? 'tool'})`,
		}));
}

/** The last execution_status the events recorded (ConversationStateUpdateEvent), or null. */
export function lastExecutionStatus(events: readonly V1EventFacts[]): string | null {
	for (let i = events.length - 1; i >= 0; i--) {
		const e = events[i]!;
		if (e.executionStatus) return e.executionStatus;
		if (e.kind === 'ConversationErrorEvent') return 'error';
	}
	return null;
}

export function checkV1Events(events: readonly V1EventFacts[], options: V1CheckOptions): CheckResult {
	const {messages, roles} = deriveV1Messages(events, options.sdk, options.leafEventId ?? null);
	const findings = runRules({messages, kind: 'events', errors: v1Errors(events), flavor: 'v1', template: options.template ?? null}, options.rules);
	return {roles, messages, findings};
}
