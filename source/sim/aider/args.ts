// The fake Aider's command line: every option the cockpit passes, argparse-style errors (exit 2)
// for unknown ones, and AIDER_* environment equivalents below the command line.

export interface FakeArgs {
	model?: string;
	apiBase?: string;
	apiKey?: string;
	chatHistory: string;
	inputHistory: string;
	llmHistory?: string;
	message?: string;
	messageFile?: string;
	pretty: boolean;
	stream: boolean;
	fancyInput: boolean;
	autoCommits: boolean;
	yesAlways: boolean;
	notifications: boolean;
	restoreChatHistory: boolean;
	/** Offer to run the shell blocks of a reply (--no-suggest-shell-commands turns it off). */
	suggestShellCommands: boolean;
	/** litellm-style model metadata with the per-token costs (the last --model-metadata-file given). */
	modelMetadataFile?: string;
	exit: boolean;
	version: boolean;
	mapTokens?: number;
	editFormat?: string;
	files: string[];
	/** Options accepted and ignored (recorded for tests). */
	seen: string[];
}

const VALUE = new Set([
	'model', 'openai-api-base', 'openai-api-key', 'chat-history-file', 'input-history-file', 'llm-history-file', 'message', 'msg',
	'message-file', 'model-metadata-file', 'model-settings-file', 'map-tokens', 'edit-format', 'chat-mode', 'weak-model', 'editor-model', 'encoding', 'timeout', 'set-env', 'api-key',
]);
const FLAGS = new Set([
	'check-update', 'show-release-notes', 'analytics', 'gitignore', 'show-model-warnings', 'pretty', 'stream', 'fancy-input', 'multiline', 'auto-commits', 'dirty-commits',
	'restore-chat-history', 'notifications', 'detect-urls', 'dark-mode', 'light-mode', 'yes-always', 'exit', 'version', 'suggest-shell-commands', 'auto-lint', 'git', 'analytics-disable', 'disable-playwright', 'verbose',
]);
export const EDIT_FORMATS = ['architect', 'ask', 'context', 'diff', 'diff-fenced', 'editor-diff', 'editor-diff-fenced', 'editor-whole', 'help', 'patch', 'udiff', 'whole'];

export class ArgError extends Error {}

export function parseFakeArgs(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): FakeArgs {
	const values = new Map<string, string | boolean>();
	const files: string[] = [];
	const unknown: string[] = [];
	const seen: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') {
			files.push(...argv.slice(i + 1));
			break;
		}
		if (arg === '-m') {
			values.set('message', argv[++i] ?? '');
			continue;
		}
		if (arg === '-f') {
			values.set('message-file', argv[++i] ?? '');
			continue;
		}
		if (!arg.startsWith('--')) {
			files.push(arg);
			continue;
		}
		let name = arg.slice(2);
		let inline: string | undefined;
		const eq = name.indexOf('=');
		if (eq >= 0) {
			inline = name.slice(eq + 1);
			name = name.slice(0, eq);
		}
		seen.push(name);
		if (VALUE.has(name)) {
			values.set(name === 'msg' ? 'message' : name, inline ?? argv[++i] ?? '');
		} else if (FLAGS.has(name)) {
			values.set(name, true);
		} else if (name.startsWith('no-') && FLAGS.has(name.slice(3))) {
			values.set(name.slice(3), false);
		} else {
			unknown.push(arg);
		}
	}
	if (unknown.length) throw new ArgError(`aider: error: unrecognized arguments: ${unknown.join(' ')}`);
	const get = (name: string): string | boolean | undefined => {
		if (values.has(name)) return values.get(name);
		const fromEnv = env[`AIDER_${name.toUpperCase().replace(/-/g, '_')}`];
		if (fromEnv === undefined) return undefined;
		return /^(true|false)$/i.test(fromEnv) ? fromEnv.toLowerCase() === 'true' : fromEnv;
	};
	const str = (name: string) => {
		const v = get(name);
		return typeof v === 'string' ? v : undefined;
	};
	const bool = (name: string, fallback: boolean) => {
		const v = get(name);
		return typeof v === 'boolean' ? v : fallback;
	};
	const editFormat = str('edit-format') ?? str('chat-mode');
	if (editFormat && !EDIT_FORMATS.includes(editFormat)) {
		throw new ArgError(`aider: error: argument --edit-format/--chat-mode: invalid choice: '${editFormat}' (choose from ${EDIT_FORMATS.map(f => `'${f}'`).join(', ')})`);
	}
	const mapTokens = str('map-tokens');
	return {
		model: str('model'),
		apiBase: str('openai-api-base') ?? env['OPENAI_API_BASE'],
		apiKey: str('openai-api-key') ?? env['OPENAI_API_KEY'],
		chatHistory: str('chat-history-file') ?? `${cwd}/.aider.chat.history.md`,
		inputHistory: str('input-history-file') ?? `${cwd}/.aider.input.history`,
		llmHistory: str('llm-history-file'),
		message: str('message'),
		messageFile: str('message-file'),
		pretty: bool('pretty', true),
		stream: bool('stream', true),
		fancyInput: bool('fancy-input', true),
		autoCommits: bool('auto-commits', true),
		yesAlways: bool('yes-always', false),
		notifications: bool('notifications', false),
		restoreChatHistory: bool('restore-chat-history', false),
		suggestShellCommands: bool('suggest-shell-commands', true),
		modelMetadataFile: str('model-metadata-file'),
		exit: bool('exit', false),
		version: bool('version', false),
		...(mapTokens !== undefined ? {mapTokens: Number(mapTokens)} : {}),
		...(editFormat ? {editFormat} : {}),
		files,
		seen,
	};
}
