// What the Aider panel says about a session in one line, and the records for `stackdeck status`.

import type {AppState} from '../../store/index.js';
import type {AiderSessionState} from '../../store/slices/aider.js';
import {formatTokenCount} from '../../domain/aider/tokens.js';
import type {StatusSection} from '../types.js';

export function exitText(s: AiderSessionState): string {
	if (s.status === 'running') return 'running';
	if (s.signal) return `killed (signal ${s.signal})`;
	return `exited ${s.exitCode ?? '?'}`;
}

/** The title line: status, tokens, files in the chat, cost, edits, commits, undos. */
export function titleLine(s: AiderSessionState): string {
	const parts = [exitText(s)];
	if (s.kind === 'aider') {
		parts.push(`tok ${formatTokenCount(s.tokens.sent)}↑ ${formatTokenCount(s.tokens.received)}↓ (${s.messages.length} msg)`);
		const files = s.chatFiles?.length ?? 0;
		if (files) parts.push(`${files} file${files === 1 ? '' : 's'}`);
		if (s.cost) parts.push(`$${s.cost.session}`);
		if (s.edits.length) parts.push(`${s.edits.length} edited`);
		if (s.commits.length) parts.push(`commit ${s.commits[s.commits.length - 1]!.hash}`);
		if (s.undos) parts.push(`${s.undos} undo`);
	}
	return parts.join(' · ');
}

export function lastError(s: AiderSessionState): string | undefined {
	return s.errors[s.errors.length - 1];
}

export function aiderStatus(state: AppState): StatusSection {
	const {sessions, error} = state.aider;
	const lines: string[] = [];
	if (error) lines.push(`error: ${error}`);
	if (sessions.length === 0) lines.push('no sessions (press n in the Aider panel, or `stackdeck aider --message ...`)');
	for (const s of sessions) {
		lines.push(`${s.title} [${s.kind}] ${titleLine(s)}`);
		for (const c of s.commits.slice(-3)) lines.push(`  commit ${c.hash} ${c.message}`);
		const err = lastError(s);
		if (err) lines.push(`  last error: ${err}`);
	}
	return {
		title: 'Aider',
		lines,
		data: {
			error,
			sessions: sessions.map(s => ({
				id: s.id,
				title: s.title,
				kind: s.kind,
				cwd: s.cwd,
				status: s.status,
				exitCode: s.exitCode ?? null,
				model: s.model ?? null,
				tokens: s.tokens,
				messages: s.messages.length,
				files: s.chatFiles ?? [],
				cost: s.cost ?? null,
				edits: s.edits,
				commits: s.commits,
				undos: s.undos,
				errors: s.errors,
			})),
		},
	};
}
