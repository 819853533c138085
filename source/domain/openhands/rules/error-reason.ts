// error-reason: the agent stopped in the error state with a reason that matches a known role-ordering
// rejection. V0 records nothing else about a failed request, so this is the server's own word.

import {HF_TEMPLATE_SERVERS, MISTRAL_COMMON_SERVERS, MERGE_FIX, type Finding, type ServerId} from '../finding.js';
import {oneLine} from '../event.js';
import type {Rule} from './types.js';

export const REJECTION =
	/(roles must alternate|roles should be alternating|Unexpected role '\w+' after role '\w+'|Not the same number of function calls and responses|Tool call id was .* must be a-z|Assistant message must have either content or tool_calls|Expected last role)/i;

function serversFor(reason: string): ServerId[] {
	if (/roles must alternate|roles should be alternating/i.test(reason)) return HF_TEMPLATE_SERVERS;
	return MISTRAL_COMMON_SERVERS;
}

export const errorReason: Rule = {
	id: 'error-reason',
	check({events}) {
		const findings: Finding[] = [];
		for (const event of events ?? []) {
			if (event.agentState !== 'error' || !event.reason || !REJECTION.test(event.reason)) continue;
			const matched = REJECTION.exec(event.reason)![1]!;
			findings.push({
				rule: 'error-reason',
				eventIds: [event.id],
				servers: serversFor(event.reason),
				message: `the agent stopped with an error at event #${event.id}: "${oneLine(event.reason, 300)}" (matches "${matched}").`,
				fix: /alternate|alternating/i.test(matched)
					? `See the strict-alternation finding for the turn that caused it. ${MERGE_FIX}`
					: 'See the mistral-order, last-role, empty-assistant and tool-call-id findings for the message that caused it.',
				fixAction: null,
			});
		}
		return findings;
	},
};
