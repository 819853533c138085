// One call from events (or a logged message list) to roles and findings: what the panel, the CLI
// and the benchmark all use.

import type {EventFacts} from './event.js';
import {deriveMessages, type DeriveOptions} from './derive-messages.js';
import type {Finding, RuleId, TemplateFamily} from './finding.js';
import {v0Errors} from './rules/error-reason.js';
import type {EventRole, LlmMessage} from './messages.js';
import {runRules} from './rules/index.js';

export interface CheckResult {
	roles: EventRole[];
	messages: LlmMessage[];
	findings: Finding[];
}

export function checkEvents(events: readonly EventFacts[], options: DeriveOptions & {template?: TemplateFamily | null}, rules?: readonly RuleId[]): CheckResult {
	const {messages, roles} = deriveMessages(events, options);
	return {roles, messages, findings: runRules({messages, events, errors: v0Errors(events), kind: 'events', flavor: 'v0', template: options.template ?? null}, rules)};
}

export function checkMessages(messages: readonly LlmMessage[], rules?: readonly RuleId[], template: TemplateFamily | null = null): CheckResult {
	const roles: EventRole[] = messages.map(m => ({eventId: m.eventIds[0]!, role: m.role, label: m.toolCallIds.length > 0 ? 'assistant+tc' : m.role}));
	return {roles, messages: [...messages], findings: runRules({messages, kind: 'log', template}, rules)};
}

/** Finding markers per event id, for the event list. */
export function findingsByEvent(findings: readonly Finding[]): Map<number, Finding[]> {
	const map = new Map<number, Finding[]>();
	for (const f of findings) {
		for (const id of f.eventIds) {
			const list = map.get(id);
			if (list) list.push(f);
			else map.set(id, [f]);
		}
	}
	return map;
}
