// mistral-order: mistral-common's role transition table (vLLM --tokenizer-mode mistral, the hosted
// Mistral API). tool after user/system and system after assistant/tool are always rejected; user
// after tool is rejected by mistral-common <= 1.11.0. Consecutive user or assistant turns pass (merged).

import {MISTRAL_COMMON_SERVERS, type Finding} from '../finding.js';
import {describe, type Role} from '../messages.js';
import type {Rule} from './types.js';

const ALLOWED: Record<Role, readonly Role[]> = {
	system: ['user', 'assistant', 'system'],
	user: ['assistant', 'system', 'user'],
	assistant: ['assistant', 'user', 'tool'],
	tool: ['assistant', 'tool', 'user'],
};

function fix(previous: Role, current: Role): string {
	if (previous === 'tool' && current === 'user') {
		return "Upgrade mistral-common to >= 1.11.1 in the vLLM image (pip install 'mistral-common>=1.11.1'), which allows user after tool; the hosted API still rejects it, so there also use a proxy that inserts an assistant turn.";
	}
	if (current === 'tool') return 'A tool result without its assistant tool call before it: the call was dropped (condensation or a truncated history). Start a new conversation, or disable the condenser for this model.';
	return 'A system message in the middle of the conversation: remove mid-conversation system prompts (custom microagents or a proxy that injects them).';
}

export const mistralOrder: Rule = {
	id: 'mistral-order',
	check({messages}) {
		const firstByPair = new Map<string, {index: number; count: number}>();
		for (let i = 1; i < messages.length; i++) {
			const previous = messages[i - 1]!.role;
			const current = messages[i]!.role;
			if (ALLOWED[previous].includes(current) && !(previous === 'tool' && current === 'user')) continue;
			const key = `${previous}>${current}`;
			const seen = firstByPair.get(key);
			if (seen) seen.count++;
			else firstByPair.set(key, {index: i, count: 1});
		}
		const findings: Finding[] = [];
		for (const [key, {index, count}] of firstByPair) {
			const [previous, current] = key.split('>') as [Role, Role];
			const prev = messages[index - 1]!;
			const cur = messages[index]!;
			const onlyOld = previous === 'tool' && current === 'user';
			findings.push({
				rule: 'mistral-order',
				eventIds: [prev.eventIds[0]!, cur.eventIds[0]!],
				servers: MISTRAL_COMMON_SERVERS,
				message:
					`${describe(cur)} (${cur.origin}) follows ${describe(prev)}${count > 1 ? ` (${count} times; first shown)` : ''}: ` +
					`"Unexpected role '${current}' after role '${previous}'"${onlyOld ? ' from mistral-common <= 1.11.0 and the hosted API' : ''}.`,
				fix: fix(previous, current),
				fixAction: null,
			});
		}
		return findings;
	},
};
