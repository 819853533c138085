// The session manager: starts Aider (or any command) in terminal pane sessions, keeps them running
// while other panels are shown, follows each Aider session's chat history into the store, and
// stops them all on exit. The pty objects live here; the store holds plain data.

import {mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {update, type AppStore} from '../../store/index.js';
import {addSession, applyChatFiles, applyEvents, markExited, newSessionState, removeSession, setError} from '../../store/slices/aider.js';
import {showNotice} from '../../store/slices/ui.js';
import type {Config} from '../../config/schema.js';
import {resolveModelTarget, type ModelTarget} from '../../domain/aider/model-target.js';
import {aiderEnv, buildAiderLaunch, modelMetadata, shellQuote} from '../../domain/aider/command-line.js';
import {PaneSession} from '../../terminal-pane/session.js';
import {loadNodePty, ptyMissingMessage, type PtyLoader, type PtyModule} from '../../terminal-pane/pty.js';
import {aiderMissingMessage, findCommand} from './find-command.js';
import {HistoryTail} from './history-tail.js';

export interface StartAider {
	repo?: string;
	files?: string[];
	profile?: string;
}

export interface StartCommand {
	file: string;
	args: string[];
	cwd?: string;
	title?: string;
	/** Set on top of the cockpit's environment (the host's DOCKER_HOST for `docker exec`). */
	env?: Record<string, string>;
}

interface Live {
	pane: PaneSession;
	tail?: HistoryTail;
}

/** What `t` says outside tmux (short: it shows in the one-line header, on phones too). */
/**
 * Ended sessions kept for reading (each holds its pane's scrollback, up to 5,000 rows); past
 * this the oldest ended ones are dropped, so a cockpit open for weeks does not keep them all.
 */
export const MAX_ENDED_SESSIONS = 10;

export const NOT_IN_TMUX = 'not inside tmux ($TMUX unset): run stackdeck in tmux to pop Aider out; n runs it here';

export function stateDir(env: NodeJS.ProcessEnv): string {
	return path.join(env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state'), 'stackdeck');
}

export class AiderManager {
	private readonly live = new Map<string, Live>();
	private timer: NodeJS.Timeout | undefined;
	/** Numbers the session ids and history folders this manager makes. */
	private seq = 0;
	/** The pane size the panel last drew; new sessions start at it. */
	size = {cols: 80, rows: 24};

	constructor(
		private readonly store: AppStore,
		private readonly config: Config,
		private readonly env: NodeJS.ProcessEnv = process.env,
		/** How node-pty is loaded when a pane starts (handed in so a missing binary can be tested). */
		private readonly loadPty: PtyLoader = loadNodePty,
	) {}

	pane(id: string | null | undefined): PaneSession | undefined {
		return id ? this.live.get(id)?.pane : undefined;
	}

	/** The model this cockpit would point Aider at, or why there is none. */
	target(profile?: string): {ok: true; target: ModelTarget} | {ok: false; error: string} {
		return resolveModelTarget(this.config.profiles, this.config.engines.list, profile);
	}

	/** Start Aider on a repository folder (default_repo, else the cwd). Returns the session id. */
	startAider(request: StartAider = {}): string | undefined {
		// Without a pty nothing else matters: say that first.
		if (!this.pty(true)) return undefined;
		const aider = this.config.aider;
		const found = findCommand(aider.command, this.env);
		if (!found) return this.fail(aiderMissingMessage(aider.command));
		const resolved = this.target(request.profile);
		if (!resolved.ok) return this.fail(resolved.error);
		const repo = path.resolve(request.repo ?? aider.default_repo ?? process.cwd());
		const id = `s${Date.now().toString(36)}${(this.seq++).toString(36)}`;
		const dir = path.join(aider.history_dir ?? path.join(stateDir(this.env), 'aider'), id);
		try {
			mkdirSync(dir, {recursive: true});
			writeFileSync(path.join(dir, 'model.metadata.json'), modelMetadata(resolved.target));
		} catch (error) {
			return this.fail(`cannot create the session folder ${dir}: ${(error as Error).message}; set [aider] history_dir to a writable folder`);
		}
		const files = {chatHistory: path.join(dir, 'chat.history.md'), inputHistory: path.join(dir, 'input.history'), modelMetadata: path.join(dir, 'model.metadata.json')};
		const launch = buildAiderLaunch({config: aider, target: resolved.target, files, chatFiles: request.files}, this.env);
		const title = path.basename(repo) || repo;
		return this.spawn(id, {file: found, args: launch.args, cwd: repo, env: launch.env, title, kind: 'aider', model: resolved.target.servedModel, history: files.chatHistory});
	}

	/** Host any command in a pane (`stackdeck term -- CMD`). */
	startCommand(request: StartCommand): string | undefined {
		if (!this.pty(false)) return undefined;
		const found = findCommand(request.file, this.env);
		if (!found) return this.fail(`"${request.file}" not found on PATH: check the command name after \`--\``);
		const id = `c${Date.now().toString(36)}${(this.seq++).toString(36)}`;
		return this.spawn(id, {file: found, args: request.args, cwd: path.resolve(request.cwd ?? process.cwd()), env: {...aiderEnv(this.env), ...request.env}, title: request.title ?? path.basename(request.file), kind: 'command'});
	}

	private spawn(
		id: string,
		s: {file: string; args: string[]; cwd: string; env: Record<string, string>; title: string; kind: 'aider' | 'command'; model?: string; history?: string},
	): string | undefined {
		const pty = this.pty(s.kind === 'aider');
		if (!pty) return undefined;
		let pane: PaneSession;
		try {
			pane = new PaneSession({file: s.file, args: s.args, cwd: s.cwd, env: s.env, cols: this.size.cols, rows: this.size.rows}, pty);
		} catch (error) {
			return this.fail(`cannot start ${s.file} in ${s.cwd}: ${(error as Error).message}`);
		}
		const live: Live = {pane, ...(s.history ? {tail: new HistoryTail(s.history)} : {})};
		this.live.set(id, live);
		update(this.store, 'aider', a =>
			addSession(a, newSessionState({id, title: s.title, kind: s.kind, cwd: s.cwd, commandLine: shellQuote([s.file, ...s.args]), ...(s.model ? {model: s.model} : {})})),
		);
		void pane.whenExited().then(exit => {
			this.readHistory(id);
			update(this.store, 'aider', a => markExited(a, id, exit.code, exit.signal));
			this.dropOldEnded();
		});
		this.ensureTimer();
		return id;
	}

	/** Stop a session: SIGHUP (as a closed terminal would), then SIGKILL if it lingers. */
	stop(id: string): void {
		const live = this.live.get(id);
		if (!live) return;
		if (live.pane.exit) {
			live.pane.dispose();
			this.live.delete(id);
			update(this.store, 'aider', a => removeSession(a, id));
			return;
		}
		live.pane.kill('SIGHUP');
		// The fallback goes as soon as the program has gone: a late SIGKILL could hit a reused PID.
		const fallback = setTimeout(() => live.pane.kill('SIGKILL'), 2000);
		fallback.unref();
		void live.pane.whenExited().then(() => clearTimeout(fallback));
	}

	private dropOldEnded(): void {
		const ended = [...this.live].filter(([, live]) => live.pane.exit);
		for (const [id, live] of ended.slice(0, Math.max(0, ended.length - MAX_ENDED_SESSIONS))) {
			live.pane.dispose();
			this.live.delete(id);
			update(this.store, 'aider', a => removeSession(a, id));
		}
	}

	/** Resize every live pane to the panel's inner pane size. */
	resize(cols: number, rows: number): void {
		this.size = {cols, rows};
		for (const live of this.live.values()) live.pane.resize(cols, rows);
	}

	/** Whether the cockpit runs inside tmux (tmux sets $TMUX in every pane it starts). */
	insideTmux(): boolean {
		return !!this.env['TMUX'];
	}

	/**
	 * Inside tmux: open Aider (the same command line, its own history folder) in a new tmux pane
	 * beside the cockpit's instead of embedding it. The pane gets the cockpit's Aider environment
	 * (no pager, no browser) and, as embedded sessions do, no COLUMNS/LINES/NO_COLOR.
	 */
	async popOut(request: StartAider = {}): Promise<void> {
		if (!this.insideTmux()) throw new Error(NOT_IN_TMUX);
		const aider = this.config.aider;
		const found = findCommand(aider.command, this.env);
		if (!found) throw new Error(aiderMissingMessage(aider.command));
		const resolved = this.target(request.profile);
		if (!resolved.ok) throw new Error(resolved.error);
		const repo = path.resolve(request.repo ?? aider.default_repo ?? process.cwd());
		const dir = path.join(aider.history_dir ?? path.join(stateDir(this.env), 'aider'), `tmux-${Date.now().toString(36)}${(this.seq++).toString(36)}`);
		try {
			mkdirSync(dir, {recursive: true});
			writeFileSync(path.join(dir, 'model.metadata.json'), modelMetadata(resolved.target));
		} catch (error) {
			throw new Error(`cannot create the session folder ${dir}: ${(error as Error).message}; set [aider] history_dir to a writable folder`);
		}
		const files = {chatHistory: path.join(dir, 'chat.history.md'), inputHistory: path.join(dir, 'input.history'), modelMetadata: path.join(dir, 'model.metadata.json')};
		const launch = buildAiderLaunch({config: aider, target: resolved.target, files, chatFiles: request.files}, {});
		// The new pane's environment is the tmux server's plus -e: tmux's own TERM stays, and `env -u`
		// drops what would fix Aider's width or switch its colours off.
		const envArgs = Object.entries(launch.env).flatMap(([k, v]) => (k === 'TERM' ? [] : ['-e', `${k}=${v}`]));
		const target = this.env['TMUX_PANE'] ? ['-t', this.env['TMUX_PANE']] : [];
		const shellCommand = shellQuote(['env', '-u', 'COLUMNS', '-u', 'LINES', '-u', 'NO_COLOR', found, ...launch.args]);
		const result = await (await import('execa')).execa('tmux', ['split-window', ...target, '-c', repo, ...envArgs, shellCommand], {env: this.env, timeout: 5000, reject: false});
		if (result.failed) {
			const why = (result.stderr || result.shortMessage || 'no output').trim().split('\n')[0];
			throw new Error(`tmux split-window failed: ${why}; check that the tmux server in $TMUX is running`);
		}
		update(this.store, 'ui', ui => showNotice(ui, `Aider opened in a new tmux pane (${path.basename(repo)})`, 'ok'));
	}

	readHistory(id: string): void {
		const tail = this.live.get(id)?.tail;
		if (!tail) return;
		const events = tail.read();
		if (events.length > 0) update(this.store, 'aider', a => applyChatFiles(applyEvents(a, id, events), id, events));
	}

	dispose(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		for (const live of this.live.values()) live.pane.dispose();
		this.live.clear();
	}

	private ensureTimer(): void {
		if (this.timer) return;
		// History files are small appends: a 500 ms look keeps the title line and Throughput current
		// while another panel is on screen.
		this.timer = setInterval(() => {
			for (const id of this.live.keys()) this.readHistory(id);
		}, 500);
		this.timer.unref();
	}

	/** node-pty, loaded on the first pane start; undefined (and the panel says why) when it cannot load. */
	private pty(forAider: boolean): PtyModule | undefined {
		try {
			return this.loadPty();
		} catch (error) {
			return this.fail(ptyMissingMessage(error, forAider));
		}
	}

	private fail(message: string): undefined {
		update(this.store, 'aider', a => setError(a, message));
		update(this.store, 'ui', ui => showNotice(ui, message, 'error'));
		return undefined;
	}
}
