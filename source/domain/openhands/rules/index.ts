// Every ordering rule, in report order, and the one function that runs a chosen set of them.

import type {Finding, RuleId} from '../finding.js';
import {emptyAssistant} from './empty-assistant.js';
import {errorReason} from './error-reason.js';
import {lastRole} from './last-role.js';
import {mistralOrder} from './mistral-order.js';
import {strictAlternation} from './strict-alternation.js';
import {toolCallId} from './tool-call-id.js';
import {toolArgsJson} from './tool-args-json.js';
import {contentAndToolCalls} from './content-and-tool-calls.js';
import type {Rule, RuleInput} from './types.js';

export const RULES: readonly Rule[] = [strictAlternation, mistralOrder, lastRole, emptyAssistant, toolCallId, toolArgsJson, contentAndToolCalls, errorReason];

export function runRules(input: RuleInput, only?: readonly RuleId[]): Finding[] {
	return RULES.filter(r => !only || only.includes(r.id)).flatMap(r => r.check(input));
}
