// tool-call-id: Mistral accepts only tool-call ids of exactly 9 letters or digits. vLLM's mistral
// mode keeps the last 9 characters of longer ids first; the hosted API does not.

import {type Finding} from '../finding.js';
import type {Rule} from './types.js';

const VALID = /^[a-zA-Z0-9]{9}$/;

export const toolCallId: Rule = {
	id: 'tool-call-id',
	check({messages}) {
		const bad: Array<{id: string; eventId: number}> = [];
		const longOnly: Array<{id: string; eventId: number}> = [];
		for (const m of messages) {
			const ids = m.role === 'tool' ? (m.toolCallId === null ? [] : [m.toolCallId]) : m.toolCallIds;
			for (const id of ids) {
				if (VALID.test(id)) continue;
				if (id.length > 9 && VALID.test(id.slice(-9))) longOnly.push({id, eventId: m.eventIds[0]!});
				else bad.push({id, eventId: m.eventIds[0]!});
			}
		}
		const findings: Finding[] = [];
		const unique = (list: typeof bad) => [...new Set(list.map(b => b.eventId))];
		if (bad.length > 0) {
			findings.push({
				rule: 'tool-call-id',
				eventIds: unique(bad),
				servers: ['vllm-mistral', 'mistral-api'],
				message: `${bad.length} tool call id(s) are not 9 letters or digits even after keeping the last 9, e.g. "Tool call id was ${bad[0]!.id} but must be a-z, A-Z, 0-9, with a length of 9." (event #${bad[0]!.eventId}).`,
				fix: 'These ids were made by another provider or template; a conversation started on another model cannot be continued on Mistral. Start a new conversation on the Mistral model, or use a proxy that rewrites ids to 9 alphanumerics.',
				fixAction: null,
			});
		}
		if (longOnly.length > 0) {
			findings.push({
				rule: 'tool-call-id',
				eventIds: unique(longOnly),
				servers: ['mistral-api'],
				message: `${longOnly.length} tool call id(s) are longer than 9 characters, e.g. "${longOnly[0]!.id}" (event #${longOnly[0]!.eventId}): the Mistral API answers "Tool call id was ${longOnly[0]!.id} but must be a-z, A-Z, 0-9, with a length of 9."; vLLM in mistral mode keeps the last 9 and accepts them.`,
				fix: 'Serve through vLLM --tokenizer-mode mistral (it shortens ids), or start a new conversation on the Mistral model.',
				fixAction: null,
			});
		}
		return findings;
	},
};
