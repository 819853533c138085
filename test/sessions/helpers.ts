// Shared helpers for the sessions tests: run check-session in-process and capture what it prints.
import path from 'node:path';
import {vi} from 'vitest';
import {REPO_ROOT} from '../support/paths.js';
import {run} from '../../source/cli/commands/check-session.js';

export const OWN = path.join(REPO_ROOT, 'test', 'fixtures', 'openhands');

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
	json: {sessions: Array<{id: string; roles: Array<{eventId: number; role: string}>; findings: Array<{rule: string; eventIds: number[]; servers: string[]; message: string; fix: string}>}>} | null;
}

export async function checkSession(...argv: string[]): Promise<CliResult> {
	let stdout = '';
	let stderr = '';
	const out = vi.spyOn(process.stdout, 'write').mockImplementation(chunk => ((stdout += String(chunk)), true));
	const err = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => ((stderr += String(chunk)), true));
	try {
		const code = await run(argv);
		let json = null;
		if (argv.includes('--json') && code !== 2) json = JSON.parse(stdout);
		return {code, stdout, stderr, json};
	} finally {
		out.mockRestore();
		err.mockRestore();
	}
}
