// Builds the Aider command line and environment for a session: the model options, the options that
// keep Aider from blocking or phoning home, per-session history files. Options go on the command
// line because Aider's .env loading overrides environment variables; the API key is the exception:
// it goes in the environment (AIDER_OPENAI_API_KEY), since a command line is visible to every local
// user through ps. A repo's own .env may then set another key, which is the user's choice.

import type {ModelTarget} from './model-target.js';

export interface AiderLaunchConfig {
	command: string;
	command_args: readonly string[];
	extra_args: readonly string[];
	api_key: string;
}

export interface SessionFiles {
	chatHistory: string;
	inputHistory: string;
	/** Optional model metadata file (registers the local model so Aider needs no warnings). */
	modelMetadata?: string;
}

export interface AiderLaunch {
	file: string;
	args: string[];
	env: Record<string, string>;
}

export interface LaunchRequest {
	config: AiderLaunchConfig;
	target: ModelTarget;
	files: SessionFiles;
	/** Files to add to the chat. */
	chatFiles?: readonly string[];
	/** One-shot: send this and exit. */
	message?: string;
}

/** Options that stop Aider from blocking on a question or calling the internet. */
export const QUIET_OPTIONS = ['--no-check-update', '--no-show-release-notes', '--no-analytics', '--no-gitignore', '--no-detect-urls'] as const;

export function aiderArgs(request: LaunchRequest): string[] {
	const {config, target, files} = request;
	const args = [
		...config.command_args,
		'--model',
		`openai/${target.servedModel}`,
		'--openai-api-base',
		target.apiBase,
		...QUIET_OPTIONS,
		...(files.modelMetadata ? ['--model-metadata-file', files.modelMetadata] : ['--no-show-model-warnings']),
		'--chat-history-file',
		files.chatHistory,
		'--input-history-file',
		files.inputHistory,
		...config.extra_args,
	];
	if (request.message !== undefined) args.push('--message', request.message, '--yes-always');
	if (request.chatFiles?.length) args.push('--', ...request.chatFiles);
	return args;
}

/** The child's environment: TERM set, COLUMNS/LINES removed, no pager, no browser, offline cost map. */
export function aiderEnv(parent: Readonly<Record<string, string | undefined>>, term = 'xterm-256color'): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(parent)) if (value !== undefined) env[key] = value;
	delete env['COLUMNS'];
	delete env['LINES'];
	delete env['NO_COLOR'];
	env['TERM'] = term;
	env['GIT_PAGER'] = 'cat';
	env['PAGER'] = 'cat';
	env['BROWSER'] = 'true';
	env['LITELLM_LOCAL_MODEL_COST_MAP'] = 'True';
	return env;
}

export function buildAiderLaunch(request: LaunchRequest, parentEnv: Readonly<Record<string, string | undefined>>): AiderLaunch {
	return {file: request.config.command, args: aiderArgs(request), env: {...aiderEnv(parentEnv), AIDER_OPENAI_API_KEY: request.config.api_key || 'not-needed'}};
}

/** Model metadata file content registering the served model at zero cost (keeps Cost: out, no warnings). */
export function modelMetadata(target: ModelTarget, maxInputTokens = 32_768): string {
	return `${JSON.stringify(
		{
			[`openai/${target.servedModel}`]: {
				max_input_tokens: maxInputTokens,
				max_output_tokens: 8192,
				input_cost_per_token: 0,
				output_cost_per_token: 0,
				litellm_provider: 'openai',
				mode: 'chat',
			},
		},
		null,
		2,
	)}\n`;
}

/** Shell-quoted command line, for tmux and for showing the user. */
export function shellQuote(words: readonly string[]): string {
	return words.map(w => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
