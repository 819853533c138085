#!/usr/bin/env node
// The fake Aider used by the demo and the tests (real Aider cannot be installed here). It follows
// ../shared/research/aider.md: options and exit codes, banner, prompt with CPR and bracketed paste,
// a reply streamed from the real OpenAI-compatible endpoint (repainted like rich's Live display in
// pretty mode), token/cost/edit/commit lines, the chat commands /add /drop /run (!) /diff /undo
// /clear /reset /tokens /help /exit, Aider's yes/no confirm prompts (and --yes-always), history
// files and --message mode. The helpers it shares with the TypeScript sources (argument parsing,
// history files, the LLM call, git edits, token formats) come from dist/ (`npm run build`).
// FAKE_AIDER_LOG=<file> records what it saw (CPR latency, messages) as JSON lines.
import {appendFileSync, existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {fileURLToPath, pathToFileURL} from 'node:url';
import path from 'node:path';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const need = ['sim/aider/args.js', 'sim/aider/history.js', 'sim/aider/llm.js', 'sim/aider/prompt.js', 'sim/aider/edits.js', 'domain/aider/tokens.js'];
for (const file of need) {
	if (!existsSync(path.join(DIST, file))) {
		process.stderr.write(`fake-aider: ${path.join(DIST, file)} is missing; run \`npm run build\` in the stackdeck folder first.\n`);
		process.exit(2);
	}
}
const load = file => import(pathToFileURL(path.join(DIST, file)).href);
const {ArgError, parseFakeArgs} = await load('sim/aider/args.js');
const {ChatLog, appendInputHistory} = await load('sim/aider/history.js');
const {LlmError, streamChat, estimateTokens} = await load('sim/aider/llm.js');
const {Keyboard} = await load('sim/aider/prompt.js');
const {applyEdits, commitFiles, gitFileCount, gitRoot, parseWholeEdits, undoCommit} = await load('sim/aider/edits.js');
const {formatTokenCount} = await load('domain/aider/tokens.js');
const {default: pty} = await import('@lydell/node-pty');

const VERSION = '0.86.2';
const SYSTEM =
	'Act as an expert software developer. Always use best practices when coding. To change a file, reply with its path on a line of its own, then a fenced code block with the whole new content of the file.';
/** rich Live (mdstream.py) keeps the bottom 6 lines live and repaints at up to 20 fps. */
const LIVE_LINES = 6;
const LIVE_MS = 50;

const out = s => process.stdout.write(s);
const sleep = ms => new Promise(r => setTimeout(r, ms));

function note(event, data = {}) {
	const file = process.env['FAKE_AIDER_LOG'];
	if (!file) return;
	try {
		appendFileSync(file, `${JSON.stringify({event, at: Date.now(), ...data})}\n`);
	} catch {
		// Test logging only.
	}
}

class Ui {
	constructor(args, log, width) {
		this.args = args;
		this.log = log;
		this.width = width;
	}

	colour(hex, text) {
		if (!this.args.pretty) return text;
		const n = Number.parseInt(hex.slice(1), 16);
		return `\u001B[38;2;${(n >> 16) & 255};${(n >> 8) & 255};${n & 255}m${text}\u001B[0m`;
	}

	nl(text) {
		return text.replace(/\r?\n/g, '\r\n');
	}

	/** io.tool_output: printed (bold = reverse video when pretty) and logged as `> ` lines. */
	tool(text, bold = false) {
		out(`${bold && this.args.pretty ? `\u001B[7m${this.nl(text)}\u001B[0m` : this.nl(text)}\r\n`);
		this.log.tool(text);
	}

	error(text) {
		out(`${this.colour('#FF2222', this.nl(text))}\r\n`);
		this.log.tool(text);
	}

	warning(text) {
		out(`${this.colour('#FFA500', this.nl(text))}\r\n`);
		this.log.tool(text);
	}

	rule() {
		out(this.args.pretty ? `${this.colour('#00cc00', '─'.repeat(Math.max(1, this.width)))}\r\n` : '\r\n');
	}

	assistantChunk(text) {
		out(this.colour('#0088ff', this.nl(text)));
	}
}

/**
 * The streamed reply in pretty mode, like rich's Live display: lines that scrolled out of the last
 * six are printed once, for good; the last six are repainted in place (cursor up, erase line) at
 * most every 50 ms while the reply streams, and left on screen at the end.
 */
class LiveReply {
	constructor(ui) {
		this.ui = ui;
		this.text = '';
		this.stable = 0;
		this.drawn = 0;
		this.last = 0;
		this.timer = undefined;
	}

	rows() {
		const width = Math.max(1, this.ui.width);
		const rows = [];
		for (const line of this.text.split('\n')) {
			const chars = [...line];
			if (chars.length === 0) rows.push('');
			for (let i = 0; i < chars.length; i += width) rows.push(chars.slice(i, i + width).join(''));
		}
		return rows;
	}

	add(chunk) {
		this.text += chunk;
		const wait = LIVE_MS - (Date.now() - this.last);
		if (wait <= 0) this.paint(false);
		else this.timer ??= setTimeout(() => this.paint(false), wait);
	}

	paint(final) {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		this.last = Date.now();
		const rows = this.rows();
		if (final) while (rows.length > this.stable && rows[rows.length - 1] === '') rows.pop();
		let s = '\r';
		for (let i = 0; i < this.drawn; i++) s += '\u001B[1A\u001B[2K';
		const keepFrom = final ? rows.length : Math.max(this.stable, rows.length - LIVE_LINES);
		for (const row of rows.slice(this.stable, keepFrom)) s += `${this.ui.colour('#0088ff', row)}\r\n`;
		this.stable = Math.max(this.stable, keepFrom);
		const live = rows.slice(this.stable);
		for (const row of live) s += `${this.ui.colour('#0088ff', row)}\r\n`;
		this.drawn = live.length;
		out(s);
	}

	finish() {
		this.paint(true);
	}
}

function scrub(argv) {
	const words = [...argv];
	const at = words.indexOf('--openai-api-key');
	if (at >= 0 && words[at + 1]) words[at + 1] = `...${words[at + 1].slice(-4)}`;
	return ['aider', ...words].join(' ');
}

/** The last --model-metadata-file given (argparse: the last one wins), else AIDER_MODEL_METADATA_FILE. */
function metadataFile(argv) {
	let file = process.env['AIDER_MODEL_METADATA_FILE'];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--') break;
		if (argv[i] === '--model-metadata-file') file = argv[i + 1];
		else if (argv[i].startsWith('--model-metadata-file=')) file = argv[i].slice('--model-metadata-file='.length);
	}
	return file;
}

function modelCosts(argv, model) {
	const file = metadataFile(argv);
	if (!file) return {input: 0, output: 0};
	try {
		const entry = JSON.parse(readFileSync(file, 'utf8'))[model] ?? {};
		return {input: Number(entry.input_cost_per_token) || 0, output: Number(entry.output_cost_per_token) || 0};
	} catch {
		return {input: 0, output: 0};
	}
}

/** Aider's format_cost: 0.00 for 0, 2 decimals from 0.01, else enough for 2 significant digits. */
function formatCost(value) {
	if (value === 0) return '0.00';
	if (value >= 0.01) return value.toFixed(2);
	return value.toFixed(Math.max(2, 1 - Math.floor(Math.log10(value))));
}

function banner(ui, chat) {
	const root = gitRoot(chat.cwd);
	ui.tool(`Aider v${VERSION}`, true);
	ui.tool(`Model: ${chat.model} with ${ui.args.editFormat ?? 'whole'} edit format`);
	ui.tool(root ? `Git repo: ${path.relative(chat.cwd, path.join(root, '.git')) || '.git'} with ${gitFileCount(root).toLocaleString('en-US')} files` : 'Git repo: none');
	ui.tool(ui.args.mapTokens === 0 ? 'Repo-map: disabled because map_tokens == 0' : `Repo-map: using ${(ui.args.mapTokens ?? 4096).toFixed(1)} tokens, auto refresh`);
	for (const file of chat.files) ui.tool(`Added ${file} to the chat.`);
	if (ui.args.restoreChatHistory) ui.tool('Restored previous conversation history.');
	return root;
}

/** Python's '%.1f' (round half to even): 0.25 prints as 0.2, as Aider shows it. */
function pyFixed1(x) {
	const scaled = x * 10;
	const floor = Math.floor(scaled);
	const diff = scaled - floor;
	const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
	return (rounded / 10).toFixed(1);
}

const CPR = /\u001B\[(\d+);(\d+)R/;

/**
 * One prompt_toolkit prompt (the chat prompt, and the confirm questions): bracketed paste on while
 * prompting, a CPR request that stalls up to 1 s (and warns at 2 s) when unanswered, Enter submits,
 * Alt-Enter inserts a newline, pastes are not submitted, Ctrl-C twice exits, Ctrl-D on an empty
 * line is EOF, Ctrl-Z suspends. `initial` is prefilled text (prompt_toolkit's default=).
 */
async function readPrompt(keys, options) {
	const write = options.write;
	if (options.fancy) {
		write('\u001B[?2004h');
		if (options.cpr) {
			const started = Date.now();
			write('\u001B[6n');
			let answered = keys.takeCpr();
			while (!answered && Date.now() - started < 1000) {
				await keys.wait(1000 - (Date.now() - started));
				answered = keys.takeCpr();
			}
			options.onCpr?.(answered ? Date.now() - started : undefined);
			if (!answered) {
				setTimeout(() => {
					if (!keys.takeCpr()) write("\r\nWARNING: your terminal doesn't support cursor position requests (CPR).\r\n");
				}, 1000).unref();
			}
		}
	}
	let line = options.initial ?? '';
	write(options.prefix + line);
	let interruptAt = 0;
	for (;;) {
		await keys.wait(3_600_000);
		keys.takeCpr();
		let data = keys.take();
		while (data.length > 0) {
			if (data.startsWith('\u001B[200~')) {
				const end = data.indexOf('\u001B[201~');
				const body = end < 0 ? data.slice(6) : data.slice(6, end);
				data = end < 0 ? '' : data.slice(end + 6);
				const text = body.replace(/\r\n?/g, '\n');
				line += text;
				write(text.replace(/\n/g, '\r\n'));
				continue;
			}
			if (data.startsWith('\u001B\r')) {
				line += '\n';
				write('\r\n');
				data = data.slice(2);
				continue;
			}
			const csi = /^\u001B(\[[\d;?]*[ -/]*[@-~]|O.|.)?/.exec(data);
			if (data[0] === '\u001B' && csi) {
				data = data.slice(csi[0].length);
				continue;
			}
			const ch = data[0];
			data = data.slice(1);
			if (ch === '\r' || ch === '\n') {
				write('\r\n');
				if (options.fancy) write('\u001B[?2004l');
				return {kind: 'line', text: line};
			}
			if (ch === '\u0003') {
				if (Date.now() - interruptAt < 2000) {
					write('\r\n^C KeyboardInterrupt\r\n');
					return {kind: 'interrupt'};
				}
				interruptAt = Date.now();
				line = '';
				write('\r\n\r\n^C again to exit\r\n');
				write(options.prefix);
				continue;
			}
			if (ch === '\u0004') {
				if (line === '') {
					write('\r\n');
					return {kind: 'eof'};
				}
				continue;
			}
			if (ch === '\u001A') {
				process.kill(process.pid, 'SIGTSTP');
				continue;
			}
			if (ch === '\u007F' || ch === '\b') {
				if (line.length > 0 && !line.endsWith('\n')) {
					line = line.slice(0, -1);
					write('\b \b');
				}
				continue;
			}
			if (ch >= ' ') {
				line += ch;
				write(ch);
			}
		}
	}
}

class Exit extends Error {
	constructor(code) {
		super(`exit ${code}`);
		this.code = code;
	}
}

/** The keyboard, opened on first use (a --message run with --yes-always never reads it). */
function keyboard(chat) {
	chat.keys ??= new Keyboard(process.stdin);
	return chat.keys;
}

function promptOptions(chat, prefix, initial) {
	return {
		prefix,
		fancy: chat.ui.args.fancyInput,
		cpr: process.env['PROMPT_TOOLKIT_NO_CPR'] !== '1',
		write: out,
		onCpr: ms => note('cpr', {ms: ms ?? null, answered: ms !== undefined}),
		...(initial ? {initial} : {}),
	};
}

/**
 * io.confirm_ask: the subject line (reverse video) first, then `<question> (Y)es/(N)o [Yes]: `.
 * Answers are prefixes of yes/no/skip/all; anything else gets `Please answer with one of: ...`;
 * Enter and Ctrl-D take the default. --yes-always prints only the subject and answers yes, or no
 * for questions that need an explicit yes. The question and answer go to the chat log either way.
 */
async function confirm(chat, question, {subject, explicitYes = false} = {}) {
	const {ui} = chat;
	const valid = ['yes', 'no', 'skip', 'all'];
	const full = `${question} (Y)es/(N)o [Yes]: `;
	if (subject) ui.tool(subject, true);
	let answer;
	if (ui.args.yesAlways) {
		answer = explicitYes ? 'n' : 'y';
	} else {
		if (ui.args.notifications) out('\u0007');
		for (;;) {
			const result = await readPrompt(keyboard(chat), promptOptions(chat, full));
			if (result.kind === 'interrupt') throw new Exit(0);
			const text = result.kind === 'eof' ? '' : result.text.trim().toLowerCase();
			if (!text) {
				answer = 'y';
				break;
			}
			if (valid.some(v => v.startsWith(text))) {
				answer = text[0];
				break;
			}
			ui.error(`Please answer with one of: ${valid.join(', ')}`);
		}
	}
	chat.ui.log.tool(`${full.trim()} ${answer}`);
	note('confirm', {question, subject: subject ?? null, answer});
	return explicitYes ? answer === 'y' : answer === 'y' || answer === 'a';
}

function git(cwd, args) {
	return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
}

function repoFiles(chat) {
	if (!chat.root) return [];
	try {
		return git(chat.root, ['ls-files']).split('\n').filter(Boolean);
	} catch {
		return [];
	}
}

function head(chat) {
	if (!chat.root) return undefined;
	try {
		return git(chat.root, ['rev-parse', 'HEAD']);
	} catch {
		return undefined;
	}
}

/**
 * A command the way Aider's run_cmd does it when stdin is a terminal: `$SHELL -i -c <cmd>` in its
 * own 80x24 pty (no SIGWINCH passed on), its output shown as it comes, the keyboard passed to it
 * until it exits (pexpect interact). Returns the combined output and the exit status.
 */
async function runInPty(chat, command) {
	const shell = process.env['SHELL'] || '/bin/sh';
	const child = pty.spawn(shell, ['-i', '-c', command], {name: process.env['TERM'] || 'xterm', cols: 80, rows: 24, cwd: chat.root ?? chat.cwd, env: process.env});
	let output = '';
	let exited = false;
	child.onData(data => {
		output += data;
		out(data);
	});
	const exit = new Promise(resolve => child.onExit(result => resolve(result.exitCode)));
	const forward = (async () => {
		if (!chat.keys) return;
		while (!exited) {
			if (await chat.keys.wait(50)) {
				chat.keys.takeCpr();
				const data = chat.keys.take();
				if (data && !exited) child.write(data);
			}
		}
	})();
	const code = await exit;
	exited = true;
	await forward;
	// node-pty may report the exit before the last output (node-pty #72): give it a moment.
	await sleep(100);
	return {output, code};
}

/** /run and `!`: run it, then offer to add the output to the chat. */
async function cmdRun(chat, command) {
	if (!command.trim()) return;
	const {output, code} = await runInPty(chat, command);
	const tokens = estimateTokens(output);
	const add = await confirm(chat, `Add ${pyFixed1(tokens / 1000)}k tokens of command output to the chat?`);
	if (!add) return;
	const lines = output.trim().split(/\r\n|\r|\n/).filter((l, i, all) => all.length > 1 || l !== '').length;
	chat.messages.push({role: 'user', content: `I ran this command:\n\n${command}\n\nAnd got this output:\n\n${output}`}, {role: 'assistant', content: 'Ok.'});
	chat.ui.tool(`Added ${lines} lines of output to the chat.`);
	if (code !== 0) chat.prefill = "What's wrong? Fix";
}

const WILDCARD = /[*?[\]]/;

function globRegex(pattern) {
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '*') {
			if (pattern[i + 1] === '*') {
				re += '.*';
				i++;
				if (pattern[i + 1] === '/') i++;
			} else re += '[^/]*';
		} else if (c === '?') re += '[^/]';
		else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
	}
	return new RegExp(`^${re}$`);
}

function ignored(chat, rel) {
	if (!chat.root) return false;
	try {
		execFileSync('git', ['check-ignore', '-q', '--', rel], {cwd: chat.root, stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/** /add <files/globs>: `Added <rel> to the chat`, or offers to create a file that does not exist. */
async function cmdAdd(chat, rest) {
	const base = chat.root ?? chat.cwd;
	for (const word of rest.split(/\s+/).filter(Boolean)) {
		let matched;
		const full = path.resolve(chat.cwd, word);
		if (WILDCARD.test(word)) {
			const re = globRegex(path.relative(base, full));
			matched = repoFiles(chat).filter(f => re.test(f));
			if (matched.length === 0) {
				chat.ui.error(`No match, and cannot create file with wildcard characters: ${full}`);
				continue;
			}
		} else if (existsSync(full) && statSync(full).isDirectory()) {
			const prefix = `${path.relative(base, full)}/`;
			matched = repoFiles(chat).filter(f => f.startsWith(prefix));
		} else if (existsSync(full)) {
			matched = [path.relative(base, full)];
		} else {
			if (!(await confirm(chat, `No files matched '${word}'. Do you want to create ${full}?`))) continue;
			writeFileSync(full, '', {flag: 'a'});
			matched = [path.relative(base, full)];
		}
		for (const rel of matched) {
			if (chat.files.includes(rel)) chat.ui.error(`${rel} is already in the chat as an editable file`);
			else if (ignored(chat, rel)) chat.ui.error(`Can't add ${rel} which is in gitignore`);
			else {
				chat.files.push(rel);
				chat.ui.tool(`Added ${rel} to the chat`);
			}
		}
	}
}

/** /drop [files]: all files, or the named ones. */
function cmdDrop(chat, rest) {
	const words = rest.split(/\s+/).filter(Boolean);
	if (words.length === 0) {
		chat.ui.tool('Dropping all files from the chat session.');
		chat.files = [];
		return;
	}
	const base = chat.root ?? chat.cwd;
	for (const word of words) {
		const rel = path.relative(base, path.resolve(chat.cwd, word));
		const re = WILDCARD.test(word) ? globRegex(rel) : undefined;
		for (const file of chat.files.filter(f => (re ? re.test(f) : f === rel))) {
			chat.files = chat.files.filter(f => f !== file);
			chat.ui.tool(`Removed ${file} from the chat`);
		}
	}
}

/** /diff: what changed since the commit before the last message, through git diff. */
async function cmdDiff(chat) {
	if (!chat.root) {
		chat.ui.error('No git repository found.');
		return;
	}
	const now = head(chat);
	const before = chat.commitBeforeMessage;
	if (!before || before === now) {
		chat.ui.warning('No changes to display since the last message.');
		return;
	}
	chat.ui.tool(`Diff since ${before.slice(0, 7)}...`);
	if (chat.ui.args.pretty) {
		await runInPty(chat, `git diff ${before}`);
		return;
	}
	out(chat.ui.nl(git(chat.root, ['diff', before])) + '\r\n');
}

/** Files of the repo that the reply names and that are not in the chat yet. */
function mentionedFiles(chat, reply, edited) {
	const words = new Set(reply.split(/\s+/).map(w => w.replace(/^[`'"(]+|[`'",.:;!?)]+$/g, '')));
	return repoFiles(chat).filter(f => words.has(f) && !chat.files.includes(f) && !edited.includes(f));
}

/** Fenced shell blocks (```bash / ```sh / ```shell) in the reply: suggested shell commands. */
function shellSuggestions(reply) {
	const blocks = [];
	const re = /^```(?:bash|sh|shell)[ \t]*\n([\s\S]*?)^```/gm;
	for (let m = re.exec(reply); m; m = re.exec(reply)) {
		const lines = m[1].split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#'));
		if (lines.length) blocks.push(lines);
	}
	return blocks;
}

async function send(chat, text) {
	const {ui} = chat;
	const {args} = ui;
	ui.log.user(text);
	chat.commitBeforeMessage = head(chat);
	const files = chat.files
		.map(f => {
			try {
				return `${f}\n\`\`\`\n${readFileSync(path.resolve(chat.root ?? chat.cwd, f), 'utf8')}\`\`\``;
			} catch {
				return '';
			}
		})
		.filter(Boolean);
	const messages = [{role: 'system', content: SYSTEM}, ...chat.messages, {role: 'user', content: files.length ? `${files.join('\n\n')}\n\n${text}` : text}];
	const served = chat.model.replace(/^openai\//, '');
	let delay = 0.125;
	const fast = !!process.env['FAKE_AIDER_FAST_RETRY'];
	for (;;) {
		let started = false;
		let spinner;
		let frame = 0;
		const live = args.pretty && args.stream ? new LiveReply(ui) : undefined;
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
			frame = 0;
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
					if (!args.stream) return;
					if (live) live.add(chunk);
					else ui.assistantChunk(chunk);
				},
				args.stream,
			);
			stopSpinner();
			if (live) {
				live.finish();
				out('\r\n');
			} else {
				if (!args.stream) ui.assistantChunk(reply.text);
				out('\r\n\r\n');
			}
			if (!reply.text.trim()) {
				ui.warning('Empty response received from LLM. Check your provider account?');
				return;
			}
			ui.log.assistant(reply.text);
			chat.messages.push({role: 'user', content: text}, {role: 'assistant', content: reply.text});
			const cost = chat.costs.input * reply.promptTokens + chat.costs.output * reply.completionTokens;
			chat.sessionCost += cost;
			const costText = chat.costs.input > 0 ? ` Cost: $${formatCost(cost)} message, $${formatCost(chat.sessionCost)} session.` : '';
			ui.tool(`Tokens: ${formatTokenCount(reply.promptTokens)} sent, ${formatTokenCount(reply.completionTokens)} received.${costText}`);
			const edits = parseWholeEdits(reply.text);
			let applied = [];
			if (edits.length > 0) {
				applied = applyEdits(chat.root ?? chat.cwd, edits);
				for (const f of applied) ui.tool(`Applied edit to ${f}`);
				if (chat.root && args.autoCommits && applied.length) {
					const message = `aider: ${text.split('\n')[0].slice(0, 60)}`;
					try {
						const hash = commitFiles(chat.root, applied, message);
						chat.aiderCommits.push(hash);
						ui.tool(`Commit ${hash} ${message}`, true);
						ui.tool('You can use /undo to undo and discard each aider commit.');
					} catch (error) {
						ui.error(`Unable to commit: ${error.message.split('\n')[0]}`);
					}
				}
			}
			for (const file of mentionedFiles(chat, reply.text, applied)) {
				if (await confirm(chat, 'Add file to the chat?', {subject: file})) chat.files.push(file);
			}
			if (args.suggestShellCommands !== false) {
				for (const commands of shellSuggestions(reply.text)) {
					const question = commands.length === 1 ? 'Run shell command?' : 'Run shell commands?';
					if (!(await confirm(chat, question, {subject: commands.join('\n'), explicitYes: true}))) continue;
					let output = '';
					for (const command of commands) {
						appendInputHistory(args.inputHistory, `/run ${command}`);
						output += (await runInPty(chat, command)).output;
					}
					if (output.trim() && (await confirm(chat, 'Add command output to the chat?'))) {
						chat.messages.push({role: 'user', content: output}, {role: 'assistant', content: 'Ok.'});
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

const COMMANDS = ['/add', '/clear', '/diff', '/drop', '/exit', '/help', '/quit', '/reset', '/run', '/tokens', '/undo'];

async function command(chat, line) {
	const trimmed = line.trim();
	if (trimmed.startsWith('!')) {
		await cmdRun(chat, trimmed.slice(1));
		return 'done';
	}
	const name = trimmed.split(/\s+/)[0];
	const rest = trimmed.slice(name.length).trim();
	const matches = COMMANDS.filter(k => k.startsWith(name));
	if (matches.length === 0) {
		chat.ui.error(`Invalid command: ${name}`);
		return 'done';
	}
	if (matches.length > 1 && !matches.includes(name)) {
		chat.ui.error(`Ambiguous command: ${matches.join(', ')}`);
		return 'done';
	}
	const cmd = matches.includes(name) ? name : matches[0];
	switch (cmd) {
		case '/exit':
		case '/quit':
			return 'exit';
		case '/add':
			await cmdAdd(chat, rest);
			break;
		case '/drop':
			cmdDrop(chat, rest);
			break;
		case '/run':
			await cmdRun(chat, rest);
			break;
		case '/diff':
			await cmdDiff(chat);
			break;
		case '/clear':
			chat.messages = [];
			chat.ui.tool('All chat history cleared.');
			break;
		case '/reset':
			chat.files = [];
			chat.messages = [];
			chat.ui.tool('All files dropped and chat history cleared.');
			break;
		case '/undo':
			if (!chat.root) chat.ui.error('No git repository found.');
			else if (chat.aiderCommits.length === 0) chat.ui.error('The last commit was not made by aider in this chat session.');
			else {
				const {removed, now} = undoCommit(chat.root, chat.aiderCommits.pop());
				chat.ui.tool(`Removed: ${removed}`);
				chat.ui.tool(`Now at:  ${now}`);
			}
			break;
		case '/tokens': {
			const total = chat.messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
			chat.ui.tool(`Approximate context window usage for ${chat.model}, in tokens:`);
			chat.ui.tool(`$ 0.0000 ${String(total).padStart(8)} tokens total`);
			break;
		}
		default:
			chat.ui.tool(
				[
					'/add    Add files to the chat so aider can edit them or review them in detail',
					'/clear  Clear the chat history',
					'/diff   Display the diff of changes since the last message',
					'/drop   Remove files from the chat session to free up context space',
					'/exit   Exit the application',
					'/reset  Drop all files and clear the chat history',
					'/run    Run a shell command and optionally add the output to the chat (alias: !)',
					'/tokens Report on the number of tokens used by the current chat context',
					'/undo   Undo the last git commit if it was done by aider',
				].join('\n'),
			);
	}
	return 'done';
}

/** The prompt's file list: pretty, side by side like rich Columns; plain, one per line. */
function fileList(chat) {
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

async function main(argv) {
	let args;
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
	args.suggestShellCommands = !argv.includes('--no-suggest-shell-commands') && process.env['AIDER_SUGGEST_SHELL_COMMANDS']?.toLowerCase() !== 'false';
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
	const chat = {ui, model, root: undefined, cwd, files: [...args.files], messages: [], aiderCommits: [], costs: modelCosts(argv, model), sessionCost: 0, keys: undefined, prefill: undefined, commitBeforeMessage: undefined};
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
			if (message.trim().startsWith('/') || message.trim().startsWith('!')) {
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
			if (text.trim().startsWith('/') || text.trim().startsWith('!')) {
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
	error => {
		process.stderr.write(`${error?.stack ?? String(error)}\n`);
		setTimeout(() => process.exit(1), 50);
	},
);
