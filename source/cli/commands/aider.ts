// `stackdeck aider --message "..." [files...]`: runs Aider once, non-interactively (execa), on the
// active model profile, then prints the summary read from the chat history file (a pty may lose
// the last output of a program that exits; the history file does not).

import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {execa} from 'execa';
import {loadOrReport} from '../options.js';
import {parseCommand} from '../parse.js';
import {resolveModelTarget} from '../../domain/aider/model-target.js';
import {buildAiderLaunch, modelMetadata} from '../../domain/aider/command-line.js';
import {parseChatHistory} from '../../domain/aider/history-parser.js';
import {initialAider, addSession, applyEvents, newSessionState} from '../../store/slices/aider.js';
import {aiderMissingMessage, findCommand} from '../../sources/aider/find-command.js';
import {stateDir} from '../../sources/aider/manager.js';
import {titleLine} from '../../panels/aider/summary.js';

const HELP = `usage: stackdeck aider --message TEXT [--repo DIR] [--profile NAME] [--json] [files...]

Runs Aider once with --message (and --yes-always) in DIR ([aider] default_repo, else the current
folder) on the model profile NAME (else the first profile whose engine is configured), then prints
the reply, tokens, edits, commits and errors from the session's chat history.
Exit status: Aider's own (0 ok, 1 startup failure, 2 bad options); 1 also when it reported errors.`;

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand<{message?: string; repo?: string; profile?: string}>(
		'aider',
		argv,
		{message: {type: 'string', short: 'm'}, repo: {type: 'string'}, profile: {type: 'string'}},
		HELP,
		true,
	);
	if (typeof parsed === 'number') return parsed;
	const {message, repo: repoFlag, profile, json} = parsed.values;
	if (!message) {
		process.stderr.write(`stackdeck aider: --message is required\n\n${HELP}\n`);
		return 2;
	}
	const loaded = loadOrReport(parsed.values);
	if (typeof loaded === 'number') return loaded;
	const {config} = loaded;
	const found = findCommand(config.aider.command);
	if (!found) {
		process.stderr.write(`stackdeck aider: ${aiderMissingMessage(config.aider.command)}\n`);
		return 2;
	}
	const target = resolveModelTarget(config.profiles, config.engines.list, profile);
	if (!target.ok) {
		process.stderr.write(`stackdeck aider: ${target.error}\n`);
		return 2;
	}
	const repo = path.resolve(repoFlag ?? config.aider.default_repo ?? process.cwd());
	const dir = path.join(config.aider.history_dir ?? path.join(stateDir(process.env), 'aider'), `once-${Date.now().toString(36)}`);
	mkdirSync(dir, {recursive: true});
	const files = {chatHistory: path.join(dir, 'chat.history.md'), inputHistory: path.join(dir, 'input.history'), modelMetadata: path.join(dir, 'model.metadata.json')};
	writeFileSync(files.modelMetadata, modelMetadata(target.target));
	const launch = buildAiderLaunch({config: config.aider, target: target.target, files, chatFiles: parsed.positionals, message}, process.env);
	const result = await execa(found, launch.args, {cwd: repo, env: {...launch.env, TERM: 'dumb'}, extendEnv: false, reject: false, stdin: 'ignore', all: true, timeout: 15 * 60_000});
	let history = '';
	try {
		history = readFileSync(files.chatHistory, 'utf8');
	} catch {
		// Aider failed before writing anything: its own output says why.
	}
	const events = parseChatHistory(history.split('\n'));
	const id = 'once';
	const state = applyEvents(addSession(initialAider(), newSessionState({id, title: path.basename(repo), kind: 'aider', cwd: repo, commandLine: '', model: target.target.servedModel})), id, events);
	const session = {...state.sessions[0]!, status: 'exited' as const, exitCode: result.exitCode ?? 1};
	const code = (result.exitCode ?? 1) !== 0 ? (result.exitCode ?? 1) : session.errors.length > 0 ? 1 : 0;
	if (json) {
		process.stdout.write(`${JSON.stringify({exitCode: result.exitCode ?? null, repo, history: files.chatHistory, tokens: session.tokens, messages: session.messages, cost: session.cost ?? null, edits: session.edits, commits: session.commits, errors: session.errors, reply: session.lastReply ?? null}, null, 2)}\n`);
		return code;
	}
	if (!history && result.all) process.stderr.write(`${result.all.trim()}\n`);
	const out: string[] = [];
	if (session.lastReply) out.push(session.lastReply, '');
	out.push(`Aider ${titleLine(session)}`);
	for (const f of session.edits) out.push(`  edited ${f}`);
	for (const c of session.commits) out.push(`  commit ${c.hash} ${c.message}`);
	for (const e of session.errors) out.push(`  error: ${e}`);
	out.push(`  history: ${files.chatHistory}`);
	process.stdout.write(`${out.join('\n')}\n`);
	return code;
}
