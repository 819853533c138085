// tool-args-json: an assistant tool call whose `arguments` is not valid JSON. software-agent-sdk
// stores an invalid call as it came (ActionEvent with action null) and replays it in every later
// request; llama-server and vLLM parse history arguments and reject the whole request, so the
// conversation is stuck (OpenHands #13949, software-agent-sdk #2887).

import type {Finding} from '../finding.js';
import {describe} from '../messages.js';
import type {Rule} from './types.js';

function jsonError(text: string): string | null {
	try {
		JSON.parse(text);
		return null;
	} catch (error) {
		return (error as Error).message;
	}
}

export const toolArgsJson: Rule = {
	id: 'tool-args-json',
	check({messages, flavor}) {
		if (flavor !== 'v1') return [];
		const bad: Array<{eventId: number; where: string; why: string; args: string}> = [];
		for (const m of messages) {
			(m.toolCallArguments ?? []).forEach((args, k) => {
				const why = jsonError(args);
				if (why !== null) bad.push({eventId: m.eventIds[Math.min(k, m.eventIds.length - 1)]!, where: describe(m), why, args});
			});
		}
		if (bad.length === 0) return [];
		const first = bad[0]!;
		const finding: Finding = {
			rule: 'tool-args-json',
			eventIds: [...new Set(bad.map(b => b.eventId))],
			servers: ['llama.cpp', 'vllm-hf'],
			message:
				`${first.where}: the tool call arguments are not JSON (${first.why}: ${JSON.stringify(first.args.slice(0, 60))}${first.args.length > 60 ? '…' : ''})${bad.length > 1 ? `, ${bad.length} such calls` : ''}. ` +
				'OpenHands V1 replays the call in every later request: llama-server answers HTTP 500 "Failed to parse tool call arguments as JSON", vLLM answers 400 with "json.decoder.JSONDecodeError: …", every turn from here on.',
			fix: 'Nothing in the conversation removes it: start a new conversation (or fork it before this event). software-agent-sdk #2888 stores "{}" for invalid arguments; use an SDK release with it.',
			fixAction: null,
		};
		return [finding];
	},
};
