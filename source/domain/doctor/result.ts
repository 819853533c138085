// Small constructors for check answers, so every check reads as its rule and nothing else.

import type {AutoFix, CheckResult, Evidence} from './types.js';

type Answer = Omit<CheckResult, 'id' | 'title' | 'group'>;

export function ok(summary: string, evidence: Evidence[] = []): Answer {
	return {status: 'ok', summary, evidence, fix: null, autofix: null};
}

export function warn(summary: string, evidence: Evidence[], fix: string, autofix: AutoFix | null = null): Answer {
	return {status: 'warn', summary, evidence, fix, autofix};
}

export function fail(summary: string, evidence: Evidence[], fix: string, autofix: AutoFix | null = null): Answer {
	return {status: 'fail', summary, evidence, fix, autofix};
}

/** Could not be checked: the summary says what was missing and the fix how to let the Doctor see it. */
export function unknown(summary: string, fix: string | null = null, evidence: Evidence[] = []): Answer {
	return {status: 'unknown', summary, evidence, fix, autofix: null};
}

export function ev(where: string, saw: string): Evidence {
	return {where, saw};
}

/** One thing a check found wrong, with its fix: several make one answer, the worst level winning. */
export interface Problem {
	level: 'warn' | 'fail';
	text: string;
	fix: string;
}

/** `ok` with `okSummary` when nothing is wrong; else every problem's text, and each fix once. */
export function fromProblems(problems: readonly Problem[], evidence: Evidence[], okSummary: string): Answer {
	if (problems.length === 0) return ok(okSummary, evidence);
	const summary = problems.map(p => p.text).join('; ');
	const fix = [...new Set(problems.map(p => p.fix))].join('; ');
	return problems.some(p => p.level === 'fail') ? fail(summary, evidence, fix) : warn(summary, evidence, fix);
}
