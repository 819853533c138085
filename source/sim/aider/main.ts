// The fake Aider used by the demo and the tests (real Aider cannot run here; bin/fake-aider.js
// runs this file). It follows ../shared/research/aider.md: options and exit codes, the banner, the
// chat prompt (prompt.ts) with its file list, --message/--message-file mode, and the loop that
// hands lines to the commands (commands.ts) or to the model (send.ts). FAKE_AIDER_LOG=<file>
// records what it saw as JSON lines.

import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {ArgError, parseFakeArgs, type FakeArgs} from './args.js';
import {type Chat, Exit, keyboard, promptOptions} from './chat.js';
import {command} from './commands.js';
import {readModelCosts} from './cost.js';
import {gitFileCount, gitRoot} from './git.js';
import {ChatLog, appendInputHistory} from './history.js';
import {readPrompt} from './prompt.js';
import {send} from './send.js';
import {Ui, note, out} from './ui.js';

const VERSION = '0.86.2';

/** The command line for the chat log, the API key cut to its last 4 characters. */
function scrub(argv: readonly string[]): string {
	const words = [...argv];
	const at = words.indexOf('--openai-api-key');
	if (at >= 0 && words[at + 1]) words[at + 1] = `...${words[at + 1]!.slice(-4)}`;
	return ['aider', ...words].join(' ');
}

/** The startup announcements; returns the git repo's top folder. */
function banner(ui: Ui, chat: Chat): string | undefined {
	const root = gitRoot(chat.cwd);
	ui.tool(`Aider v${VERSION}`, true);
	ui.tool(`Model: ${chat.model} with ${ui.args.editFormat ?? 'whole'} edit format`);
	ui.tool(root ? `Git repo: ${path.relative(chat.cwd, path.join(root, '.git')) || '.git'} with ${gitFileCount(root).toLocaleString('en-US')} files` : 'Git repo: none');
	ui.tool(ui.args.mapTokens === 0 ? 'Repo-map: disabled because map_tokens == 0' : `Repo-map: using ${(ui.args.mapTokens ?? 4096).toFixed(1)} tokens, auto refresh`);
	for (const file of chat.files) ui.tool(`Added ${file} to the chat.`);
	if (ui.args.restoreChatHistory) ui.tool('Restored previous conversation history.');
	return root;
}

/** The prompt's file list: pretty, side by side like rich Columns; plain, one per line. */
function fileList(chat: Chat): void {
	if (chat.files.length === 0) return;
	if (!chat.ui.args.pretty) {
		for (const f of chat.files) out(`${f}\r\n`);
		return;
	}
	let row = '';
	for (const f of chat.files) {
		if (row && row.length + 1 + f.length > chat.ui.width) {
			out(`${row}\r\n`);
			row = '';
		}
		row = row ? `${row} ${f}` : f;
	}
	out(`${row}\r\n`);
}

const isCommand = (text: string) => text.trim().startsWith('/') || text.trim().startsWith('!');

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
	if (term === 'dumb' || term === 'unknown') {
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
	const chat: Chat = {
		ui,
		model,
		root: undefined,
		cwd,
		files: [...args.files],
		messages: [],
		aiderCommits: [],
		costs: readModelCosts(args.modelMetadataFile, model),
		sessionCost: 0,
		keys: undefined,
		prefill: undefined,
		commitBeforeMessage: undefined,
	};
	chat.root = banner(ui, chat);

	try {
		let message = args.message;
		if (message === undefined && args.messageFile !== undefined) {
			if (existsSync(args.messageFile)) message = readFileSync(args.messageFile, 'utf8');
			else ui.error(`${args.messageFile}: file not found error`);
		}
		if (message !== undefined) {
			appendInputHistory(args.inputHistory, message);
			out('\r\n');
			if (isCommand(message)) {
				log.user(message);
				await command(chat, message);
			} else await send(chat, message);
			return 0;
		}
		if (args.exit) return 0;

		const keys = keyboard(chat);
		for (;;) {
			ui.rule();
			fileList(chat);
			if (args.notifications) out('\u0007');
			const prefix = args.editFormat && args.editFormat !== 'whole' ? `${args.editFormat}> ` : '> ';
			const result = await readPrompt(keys, promptOptions(chat, prefix, chat.prefill));
			chat.prefill = undefined;
			if (result.kind === 'eof' || result.kind === 'interrupt') return 0;
			const text = result.text;
			if (!text.trim()) continue;
			if (args.fancyInput) appendInputHistory(args.inputHistory, text);
			if (isCommand(text)) {
				log.user(text);
				if ((await command(chat, text)) === 'exit') return 0;
				continue;
			}
			note('message', {text});
			await send(chat, text);
		}
	} catch (error) {
		if (error instanceof Exit) return error.code;
		throw error;
	} finally {
		chat.keys?.close();
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
