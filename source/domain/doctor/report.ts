// The Doctor's results as text for people (`stackdeck doctor`) and as the JSON scripts read.

import type {CheckResult, CheckStatus} from './types.js';

export const STATUS_WORD: Record<CheckStatus, string> = {fail: 'FAIL', warn: 'WARN', unknown: '??', ok: 'ok'};

export function reportLines(results: readonly CheckResult[], verbose = false): string[] {
	const out: string[] = [];
	for (const r of results) {
		out.push(`${STATUS_WORD[r.status].padEnd(4)} ${r.id}: ${r.summary}`);
		if (r.status === 'ok' && !verbose) continue;
		for (const e of r.evidence) out.push(`       ${e.where}: ${e.saw}`);
		if (r.fix) out.push(`       fix: ${r.fix}`);
		if (r.autofix) out.push(`       automatic fix: stackdeck doctor --fix ${r.id}`);
		if (r.applyOn) out.push(`       on ${r.applyOn.host} (not written from this machine): ${r.applyOn.commands.join('; then ') || 'edit the file there'}`);
	}
	return out;
}

export function jsonReport(results: readonly CheckResult[]): {checks: object[]} {
	return {
		checks: results.map(r => ({
			id: r.id,
			host: r.hostId ?? null,
			title: r.title,
			group: r.group,
			status: r.status,
			summary: r.summary,
			evidence: r.evidence,
			fix: r.fix,
			autofix: r.autofix ? {command: `stackdeck doctor --fix ${r.id} --yes`, summary: r.autofix.summary} : null,
			apply_on: r.applyOn ?? null,
		})),
	};
}
