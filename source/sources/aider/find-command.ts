// Finds a program the way a shell would: a path is checked as given, a bare name on $PATH.

import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';

export function findCommand(command: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
	const executable = (file: string) => {
		try {
			accessSync(file, constants.X_OK);
			return statSync(file).isFile();
		} catch {
			return false;
		}
	};
	if (command.includes('/')) {
		const full = path.resolve(cwd, command);
		return executable(full) ? full : undefined;
	}
	for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
		if (!dir) continue;
		const full = path.join(dir, command);
		if (executable(full)) return full;
	}
	return undefined;
}

export function aiderMissingMessage(command: string): string {
	return command === 'aider'
		? 'aider not found on PATH: install it with `pipx install aider-chat` (or `pip install aider-chat`), or set [aider] command in the config'
		: `aider command "${command}" not found or not executable: fix [aider] command in the config, or install Aider with \`pipx install aider-chat\``;
}
