// What a Doctor check is and what it answers. Checks are pure functions over collected facts
// (./facts.ts); the collector (sources/doctor) gathers the facts, the panel and `stackdeck doctor`
// show the results. Nothing a check could not verify reads `ok`: it is `unknown`, with the reason.

import type {DoctorFacts} from './facts.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'unknown';

export interface Evidence {
	/** Where it was seen: "config.toml:12", "container openhands: LLM_MODEL", "http://127.0.0.1:30000/v1/models". */
	where: string;
	/** What was seen there (already masked where it could be secret). */
	saw: string;
}

/** A fix the cockpit can run itself, as a job (plan shown, confirmation, backup, undo). */
export interface AutoFix {
	/** What the fix will change, in a line: shown before asking. */
	summary: string;
}

export interface CheckResult {
	id: string;
	title: string;
	/** For grouping in the panel: "OpenHands", "Docker", "Engines", "Memory", "Privacy", "Aider". */
	group: string;
	status: CheckStatus;
	/** One sentence: what is wrong, or why it is fine, or why it could not be checked. */
	summary: string;
	evidence: Evidence[];
	/** The fix in words: exact setting, file and command. Null when nothing is to fix. */
	fix: string | null;
	autofix: AutoFix | null;
	/** The host whose containers, engines and files were checked (the id then starts with "host/" for hosts after the first). */
	hostId?: string;
	/** The fix edits a file on another host: the cockpit does not write it from here, these commands do it there. */
	applyOn?: {host: string; commands: string[]};
}

export interface Check {
	id: string;
	title: string;
	group: string;
	run(facts: DoctorFacts): Omit<CheckResult, 'id' | 'title' | 'group'>;
}

export const STATUS_ORDER: Record<CheckStatus, number> = {fail: 0, warn: 1, unknown: 2, ok: 3};
