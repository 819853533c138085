// A faithful fake Aider for the demo and the tests (real Aider cannot be installed here): Aider's
// options and exit codes, banner, prompt with CPR and bracketed paste, a reply streamed from the
// real OpenAI-compatible endpoint it is pointed at, token/edit/commit lines, history files and
// --message mode. FAKE_AIDER_LOG=<file> records what it saw (CPR latency) as JSON lines.

import {appendFileSync, existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {ArgError, parseFakeArgs, type FakeArgs} from './args.js';
import {ChatLog, appendInputHistory} from './history.js';
import {LlmError, streamChat, type ChatMessage} from './llm.js';
import {Keyboard, readPrompt} from './prompt.js';
import {applyEdits, commitFiles, gitFileCount, gitRoot, parseWholeEdits, undoCommit} from './edits.js';
import {formatTokenCount} from '../../domain/aider/tokens.js';

const VERSION = '0.86.2';
const SYSTEM = 'Act as an expert software developer. Always use best practices when coding. To change a file, reply with its path on a line of its own, then a fenced code block with the whole new content of the file.';

const out = (s: string) => process.stdout.write(s);

function note(event: string, data: Record<string, unknown> = {}): void {
	const file = process.env['FAKE_AIDER_LOG'];
	if (!file) return;
	try {
		appendFileSync(file, `${JSON.stringify({event, at: Date.now(), ...data})}\n`);
	} catch {
		// Test logging only.
	}
}

class Ui {
	constructor(
		readonly args: FakeArgs,
		readonly log: ChatLog,
		public width: number,
	) {}

	private colour(hex: string, text: string): string {
		if (!this.args.pretty) return text;
		const n = Number.parseInt(hex.slice(1), 16);
		return `\u001B[38;2;${(n >> 16) & 255};${(n >> 8) & 255};${n & 255}m${text}\u001B[0m`;
	}

	nl(text: string): string {
		return text.replace(/\r?\n/g, '\r\n');
	}

	tool(text: string, bold = false): void {
		out(`${bold && this.args.pretty ? `\u001B[7m${text}\u001B[0m` : text}\r\n`);
		this.log.tool(text);
	}

	error(text: string): void {
		out(`${this.colour('#FF2222', this.nl(text))}\r\n`);
		this.log.tool(text);
	}

	warning(text: string): void {
		out(`${this.colour('#FFA500', this.nl(text))}\r\n`);
		this.log.tool(text);
	}

	rule(): void {
		out(this.args.pretty ? `${this.colour('#00cc00', '─'.repeat(Math.max(1, this.width)))}\r\n` : '\r\n');
	}

	assistantChunk(text: string): void {
		out(this.colour('#0088ff', this.nl(text)));
	}
}

function scrub(argv: readonly string[]): string {
	const words = [...argv];
	const at = words.indexOf('--openai-api-key');
	if (at >= 0 && words[at + 1]) words[at + 1] = `...${words[at + 1]!.slice(-4)}`;
	return ['aider', ...words].join(' ');
}

function banner(ui: Ui, model: string, cwd: string): string | undefined {
	const root = gitRoot(cwd);
	ui.tool(`Aider v${VERSION}`, true);
	ui.tool(`Model: ${model} with ${ui.args.editFormat ?? 'whole'} edit format`);
	ui.tool(root ? `Git repo: ${path.relative(cwd, path.join(root, '.git')) || '.git'} with ${gitFileCount(root).toLocaleString('en-US')} files` : 'Git repo: none');
	ui.tool(ui.args.mapTokens === 0 ? 'Repo-map: disabled because map_tokens == 0' : `Repo-map: using ${(ui.args.mapTokens ?? 4096).toFixed(1)} tokens, auto refresh`);
	for (const file of ui.args.files) ui.tool(`Added ${file} to the chat.`);
	if (ui.args.restoreChatHistory) ui.tool('Restored previous conversation history.');
	return root;
}

/** Python's '%.1f' (round half to even): 0.25 prints as 0.2, as Aider shows it. */
function pyFixed1(x: number): string {
	const scaled = x * 10;
	const floor = Math.floor(scaled);
	const diff = scaled - floor;
	const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
	return (rounded / 10).toFixed(1);
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

interface Chat {
	ui: Ui;
	model: string;
	root: string | undefined;
	cwd: string;
	messages: ChatMessage[];
	aiderCommits: string[];
	sessionCost: number;
}

async function send(chat: Chat, text: string): Promise<void> {
	const {ui, args} = {ui: chat.ui, args: chat.ui.args};
	chat.ui.log.user(text);
	const files = args.files
		.map(f => {
			try {
				return `${f}\n\`\`\`\n${readFileSync(path.resolve(chat.cwd, f), 'utf8')}\`\`\``;
			} catch {
				return '';
			}
		})
		.filter(Boolean);
	const messages: ChatMessage[] = [{role: 'system', content: SYSTEM}, ...chat.messages, {role: 'user', content: files.length ? `${files.join('\n\n')}\n\n${text}` : text}];
	const served = chat.model.replace(/^openai\//, '');
	let delay = 0.125;
	const fast = !!process.env['FAKE_AIDER_FAST_RETRY'];
	for (;;) {
		let started = false;
		let spinner: NodeJS.Timeout | undefined;
		let frame = 0;
		if (args.pretty) {
			spinner = setTimeout(function spin() {
				const bar = '░'.repeat(10).split('').map((c, i) => (i === frame % 10 ? '█' : c)).join('');
				out(`\r\u001B[?25l${bar} Waiting for ${chat.model}`.slice(0, Math.max(2, ui.width - 2) + 7));
				frame++;
				spinner = setTimeout(spin, 100);
			}, 500);
		}
		const stopSpinner = () => {
			if (spinner) clearTimeout(spinner);
			spinner = undefined;
			if (args.pretty && frame > 0) out(`\r${' '.repeat(Math.max(0, ui.width - 1))}\r\u001B[?25h`);
		};
		try {
			const reply = await streamChat(
				args.apiBase ?? 'https://api.openai.com/v1',
				args.apiKey ?? '',
				served,
				messages,
				chunk => {
					if (!started) {
						stopSpinner();
						started = true;
					}
					if (args.stream) ui.assistantChunk(chunk);
				},
				args.stream,
			);
			stopSpinner();
			if (!args.stream) ui.assistantChunk(reply.text);
			out('\r\n\r\n');
			if (!reply.text.trim()) {
				ui.warning('Empty response received from LLM. Check your provider account?');
				return;
			}
			chat.ui.log.assistant(reply.text);
			chat.messages.push({role: 'user', content: text}, {role: 'assistant', content: reply.text});
			ui.tool(`Tokens: ${formatTokenCount(reply.promptTokens)} sent, ${formatTokenCount(reply.completionTokens)} received.`);
			const edits = parseWholeEdits(reply.text);
			if (edits.length > 0) {
				const applied = applyEdits(chat.root ?? chat.cwd, edits);
				for (const f of applied) ui.tool(`Applied edit to ${f}`);
				if (chat.root && args.autoCommits && applied.length) {
					const message = `aider: ${text.split('\n')[0]!.slice(0, 60)}`;
					try {
						const hash = commitFiles(chat.root, applied, message);
						chat.aiderCommits.push(hash);
						ui.tool(`Commit ${hash} ${message}`, true);
						ui.tool('You can use /undo to undo and discard each aider commit.');
					} catch (error) {
						ui.error(`Unable to commit: ${(error as Error).message.split('\n')[0]}`);
					}
				}
			}
			return;
		} catch (error) {
			stopSpinner();
			if (!(error instanceof LlmError)) throw error;
			if (error.description) {
				ui.warning(error.message);
				ui.error(error.description);
			} else ui.error(error.message);
			if (!error.retry) return;
			delay *= 2;
			if (delay > 60) return;
			ui.tool(`Retrying in ${pyFixed1(delay)} seconds...`);
			await sleep(fast ? 10 : delay * 1000);
		}
	}
}

function command(chat: Chat, line: string): 'exit' | 'done' {
	const [name] = line.trim().split(/\s+/);
	const known = ['/exit', '/quit', '/undo', '/clear', '/tokens', '/help'];
	const matches = known.filter(k => k.startsWith(name!));
	if (matches.length === 0) {
		chat.ui.error(`Invalid command: ${name}`);
		return 'done';
	}
	if (matches.length > 1 && !matches.includes(name!)) {
		chat.ui.error(`Ambiguous command: ${matches.join(', ')}`);
		return 'done';
	}
	const cmd = matches.includes(name!) ? name! : matches[0]!;
	if (cmd === '/exit' || cmd === '/quit') return 'exit';
	if (cmd === '/clear') {
		chat.messages = [];
		chat.ui.tool('All chat history cleared.');
	} else if (cmd === '/undo') {
		if (!chat.root) chat.ui.error('No git repository found.');
		else if (chat.aiderCommits.length === 0) chat.ui.error('The last commit was not made by aider in this chat session.');
		else {
			const {removed, now} = undoCommit(chat.root, chat.aiderCommits.pop()!);
			chat.ui.tool(`Removed: ${removed}`);
			chat.ui.tool(`Now at:  ${now}`);
		}
	} else if (cmd === '/tokens') {
		const total = chat.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
		chat.ui.tool(`Approximate context window usage for ${chat.model}, in tokens:`);
		chat.ui.tool(`$ 0.0000 ${String(total).padStart(8)} tokens total`);
	} else {
		chat.ui.tool('/clear  Clear the chat history\n/exit   Exit the application\n/tokens Report on the number of tokens used\n/undo   Undo the last git commit if it was done by aider');
	}
	return 'done';
}

async function main(argv: string[]): Promise<number> {
	let args: FakeArgs;
	const cwd = process.cwd();
	try {
		args = parseFakeArgs(argv, process.env, cwd);
	} catch (error) {
		if (error instanceof ArgError) {
			process.stderr.write(`usage: aider [-h] [--model MODEL] [--openai-api-key OPENAI_API_KEY] ...\n${error.message}\n`);
			return 2;
		}
		throw error;
	}
	if (args.version) {
		out(`aider ${VERSION}\n`);
		return 0;
	}
	note('start', {pid: process.pid, argv, term: process.env['TERM'], columns: process.env['COLUMNS'] ?? null, gitPager: process.env['GIT_PAGER'] ?? null, browser: process.env['BROWSER'] ?? null});
	const term = (process.env['TERM'] ?? '').toLowerCase();
	const dumb = term === 'dumb' || term === 'unknown';
	if (dumb) {
		args.pretty = false;
		args.fancyInput = false;
		out('Detected dumb terminal, disabling fancy input and pretty output.\r\n');
	}
	if (process.env['NO_COLOR']) args.pretty = false;
	if (!process.stdout.isTTY) args.fancyInput = false;
	const columns = Number(process.env['COLUMNS']);
	const log = new ChatLog(args.chatHistory);
	const ui = new Ui(args, log, Number.isFinite(columns) && columns > 0 ? columns : (process.stdout.columns ?? 80));
	process.stdout.on('resize', () => {
		if (!process.env['COLUMNS']) ui.width = process.stdout.columns ?? ui.width;
	});
	let model = args.model;
	if (!model) {
		if (args.apiKey) {
			ui.warning('Using gpt-4o model with API key from environment.');
			model = 'gpt-4o';
		} else {
			ui.error('No LLM model was specified and no API keys were provided.');
			return 1;
		}
	}
	log.start(scrub(argv));
	ui.rule();
	const root = banner(ui, model, cwd);
	const chat: Chat = {ui, model, root, cwd, messages: [], aiderCommits: [], sessionCost: 0};

	let message = args.message;
	if (message === undefined && args.messageFile !== undefined) {
		if (existsSync(args.messageFile)) message = readFileSync(args.messageFile, 'utf8');
		else ui.error(`${args.messageFile}: file not found error`);
	}
	if (message !== undefined) {
		appendInputHistory(args.inputHistory, message);
		out('\r\n');
		await send(chat, message);
		return 0;
	}
	if (args.exit) return 0;

	const keys = new Keyboard(process.stdin);
	const cpr = process.env['PROMPT_TOOLKIT_NO_CPR'] !== '1';
	try {
		for (;;) {
			ui.rule();
			if (args.files.length) out(`${args.files.join(' ')}\r\n`);
			if (args.notifications) out('\u0007');
			const result = await readPrompt(keys, {
				prefix: args.editFormat && args.editFormat !== 'whole' ? `${args.editFormat}> ` : '> ',
				fancy: args.fancyInput,
				cpr,
				write: out,
				onCpr: ms => note('cpr', {ms: ms ?? null, answered: ms !== undefined}),
			});
			if (result.kind === 'eof' || result.kind === 'interrupt') return 0;
			const text = result.text;
			if (!text.trim()) continue;
			if (args.fancyInput) appendInputHistory(args.inputHistory, text);
			if (text.trim().startsWith('/')) {
				log.user(text);
				if (command(chat, text) === 'exit') return 0;
				continue;
			}
			note('message', {text});
			await send(chat, text);
		}
	} finally {
		keys.close();
	}
}

main(process.argv.slice(2)).then(
	code => {
		// Let the last output drain before exiting (a pty may drop what a program writes as it exits).
		setTimeout(() => process.exit(code), 50);
	},
	(error: unknown) => {
		process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
		setTimeout(() => process.exit(1), 50);
	},
);
