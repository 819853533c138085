// `npm run bench -- --soak MINUTES [--soak-only cockpit|demo] [--soak-sample SECONDS]`: the
// built cockpit left running in a pseudo-terminal at a 100 ms refresh, so that an hour does what a
// day would. Two runs at once: "cockpit" (stackdeck against a headless demo with load in another
// process) and "demo" (`stackdeck demo`, the stack in the cockpit's own process). Every sample
// asks each process for its own figures (STACKDECK_DIAG, SIGUSR2), reads its RSS level over the
// seconds before, and compares the screen read back through @xterm/headless with the frame the
// cockpit last drew.

import {spawn, type ChildProcess} from 'node:child_process';
import {appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {REPO_ROOT} from '../sim/demo-stack.js';
import type {DiagnosticsSample} from '../runtime/diagnostics.js';
import {screenMatchesFrame, spawnSoakScreen, type SoakScreen} from './soak-screen.js';
import {rssLevel} from './rss-level.js';

export type SoakRun = 'cockpit' | 'demo';

export interface SoakOptions {
	minutes: number;
	sampleSeconds?: number;
	only?: SoakRun;
	outDir?: string;
	cols?: number;
	rows?: number;
}

type CockpitDiag = DiagnosticsSample & {frames: number; bytes: number; captured: number; frame: string[]};

export interface SoakSample {
	run: SoakRun;
	/** Which process: the cockpit, or the headless demo beside it. */
	process: 'cockpit' | 'headless demo';
	minute: number;
	/** RSS the process gave at the sample (one reading: where it is in its GC cycle shows). */
	rss: number;
	/** RSS level: the median of readings over the seconds before the sample (null: no /proc here). */
	rssLevel: number | null;
	heapUsed: number;
	handles: number;
	listeners: number;
	/** Bytes the process wrote to its terminal since the start (cockpit only). */
	ptyBytes?: number;
	/** The emulated screen equals the frame last drawn (null: frame not seen on screen in time). */
	screenOk?: boolean | null;
	warningsOnTerminal?: number;
	foreignChars?: number;
	captured?: number;
	handleTypes: Record<string, number>;
	listenersBy: Record<string, number>;
}

const BIN = path.join(REPO_ROOT, 'bin', 'stackdeck.js');
/** Run as a shell runs it: bin/stackdeck.js through its shebang (node and its V8 flags from PATH). */
const LAUNCH_ENV = {PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`};
const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The diagnostics lines written whole (ended by a newline). A sample with its frame is about 10 KB
 * and may be read while the process is still writing it: a line without its newline is not one yet.
 */
export function completeLines(text: string): string[] {
	const end = text.lastIndexOf('\n');
	return end < 0 ? [] : text.slice(0, end).split('\n').filter(Boolean);
}

/** Send SIGUSR2 and wait for the process to append its next diagnostics line. */
async function askDiagnostics<T>(pid: number, file: string): Promise<T | undefined> {
	const lines = () => (existsSync(file) ? completeLines(readFileSync(file, 'utf8')) : []);
	const before = lines().length;
	try {
		process.kill(pid, 'SIGUSR2');
	} catch {
		return undefined;
	}
	for (let i = 0; i < 200; i++) {
		await sleep(50);
		const now = lines();
		if (now.length > before) return JSON.parse(now[now.length - 1]!) as T;
	}
	return undefined;
}

async function sampleCockpit(run: SoakRun, minute: number, screen: SoakScreen, diagFile: string, level: number | null): Promise<SoakSample | undefined> {
	const diag = await askDiagnostics<CockpitDiag>(screen.pid, diagFile);
	if (!diag) return undefined;
	// The emulator may be a few reads behind the process: wait for frame N to be parsed.
	let shown: string[] | undefined;
	for (let i = 0; i < 100 && !(shown = screen.screenAfter(diag.frames)); i++) await sleep(50);
	return {
		run,
		process: 'cockpit',
		minute,
		rss: diag.rss,
		rssLevel: level,
		heapUsed: diag.heapUsed,
		handles: diag.handles,
		listeners: diag.listeners,
		handleTypes: diag.handleTypes,
		listenersBy: diag.listenersBy,
		ptyBytes: screen.bytes(),
		screenOk: shown ? screenMatchesFrame(shown, diag.frame) : null,
		warningsOnTerminal: screen.warnings(),
		foreignChars: screen.foreignBytes(),
		captured: diag.captured,
	};
}

async function sampleProcess(run: SoakRun, minute: number, pid: number, diagFile: string, level: number | null): Promise<SoakSample | undefined> {
	const diag = await askDiagnostics<DiagnosticsSample>(pid, diagFile);
	if (!diag) return undefined;
	return {run, process: 'headless demo', minute, rss: diag.rss, rssLevel: level, heapUsed: diag.heapUsed, handles: diag.handles, listeners: diag.listeners, handleTypes: diag.handleTypes, listenersBy: diag.listenersBy};
}

/** Start `stackdeck demo --headless --load` and read its config path from what it prints. */
async function startHeadlessDemo(diagFile: string, logFile: string): Promise<{child: ChildProcess; configPath: string; workDir: string}> {
	const child = spawn(BIN, ['demo', '--headless', '--load', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0'], {
		env: {...process.env, ...LAUNCH_ENV, STACKDECK_DIAG: diagFile},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	// Everything the demo prints is kept, with how it ended: a demo that stops during an hour's
	// soak must say why.
	const keep = (chunk: Buffer) => {
		const text = chunk.toString('utf8');
		if (out.length < 4096) out += text;
		appendFileSync(logFile, text);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	child.once('exit', (code, signal) => appendFileSync(logFile, `\n[${new Date().toISOString()}] the headless demo exited: code ${code}, signal ${signal}\n`));
	for (let i = 0; i < 600; i++) {
		const config = /stackdeck --config (\S+)\r?\n/.exec(out);
		if (config) return {child, configPath: config[1]!, workDir: path.dirname(config[1]!)};
		if (child.exitCode !== null) break;
		await sleep(50);
	}
	child.kill('SIGTERM');
	throw new Error(`the headless demo did not start: ${out.slice(0, 500)}`);
}

async function soakRun(run: SoakRun, options: Required<Omit<SoakOptions, 'only'>>, record: (s: SoakSample) => void): Promise<{demoFolderRemoved?: boolean; demoEndedEarly?: string; exitCode: number}> {
	const dir = path.join(options.outDir, run);
	mkdirSync(dir, {recursive: true});
	const diagFile = path.join(dir, 'cockpit-diag.jsonl');
	const env = {STACKDECK_DIAG: diagFile, STACKDECK_LOG: path.join(dir, 'cockpit.log')};
	let demo: Awaited<ReturnType<typeof startHeadlessDemo>> | undefined;
	let args: string[];
	if (run === 'cockpit') {
		demo = await startHeadlessDemo(path.join(dir, 'demo-diag.jsonl'), path.join(dir, 'headless-demo.log'));
		args = ['--config', demo.configPath, '--refresh', '100'];
	} else {
		args = ['demo', '--refresh', '100', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0'];
	}
	const screen = spawnSoakScreen(BIN, args, {cols: options.cols, rows: options.rows, env: {...env, ...LAUNCH_ENV}, cwd: os.tmpdir()});
	const started = Date.now();
	const end = started + options.minutes * 60_000;
	try {
		for (let n = 1; ; n++) {
			const due = started + n * options.sampleSeconds * 1000;
			if (due > end + 1000) break;
			// The level's readings end at the sample's time.
			const span = Math.min(10_000, (options.sampleSeconds * 1000) / 4);
			await sleep(Math.max(0, due - span - Date.now()));
			const [level, sideLevel] = await Promise.all([rssLevel(screen.pid, span), demo ? rssLevel(demo.child.pid!, span) : null]);
			const minute = Math.round(((Date.now() - started) / 60_000) * 10) / 10;
			const sample = await sampleCockpit(run, minute, screen, diagFile, level);
			if (sample) record(sample);
			if (demo) {
				const side = await sampleProcess(run, minute, demo.child.pid!, path.join(dir, 'demo-diag.jsonl'), sideLevel);
				if (side) record(side);
			}
			// Move the focus, as a person would now and then: every panel gets drawn over the hour.
			screen.write('\t');
		}
	} catch (error) {
		// A soak that fails leaves nothing running: its cockpit and its headless demo (which then
		// removes its folder) are stopped before the error is reported.
		screen.kill('SIGTERM');
		demo?.child.kill('SIGTERM');
		throw error;
	}
	screen.write('q');
	const code = await Promise.race([screen.exited, sleep(15_000).then(() => -1)]);
	if (code === -1) screen.kill('SIGKILL');
	if (!demo) return {exitCode: code};
	const endedEarly = demo.child.exitCode !== null || demo.child.signalCode !== null ? `code ${demo.child.exitCode}, signal ${demo.child.signalCode}` : undefined;
	demo.child.kill('SIGTERM');
	await Promise.race([new Promise(r => demo!.child.once('exit', r)), sleep(15_000)]);
	return {exitCode: code, demoFolderRemoved: !existsSync(demo.workDir), demoEndedEarly: endedEarly};
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);

export function soakTable(samples: readonly SoakSample[], minutes: number): string[] {
	const rowsEvery = minutes >= 10 ? 5 : 1;
	const lines = ['| run | process | minute | RSS MB, level (one reading) | V8 heap MB | handles | listeners | written KB | screen = frame |', '|---|---|---|---|---|---|---|---|---|'];
	const groups = new Map<string, SoakSample[]>();
	for (const s of samples) groups.set(`${s.run}/${s.process}`, [...(groups.get(`${s.run}/${s.process}`) ?? []), s]);
	for (const list of groups.values()) {
		let lastBytes = 0;
		let lastShown = 0;
		for (let mark = rowsEvery; mark <= Math.ceil(minutes); mark += rowsEvery) {
			const inPeriod = list.filter(s => s.minute > lastShown && s.minute <= mark + 0.5);
			const at = inPeriod[inPeriod.length - 1];
			lastShown = mark + 0.5;
			if (!at) continue;
			const screens = inPeriod.filter(s => s.screenOk !== undefined);
			const ok = screens.filter(s => s.screenOk === true).length;
			const written = at.ptyBytes === undefined ? '–' : ((at.ptyBytes - lastBytes) / 1024).toFixed(0);
			if (at.ptyBytes !== undefined) lastBytes = at.ptyBytes;
			lines.push(`| ${at.run} | ${at.process} | ${mark} | ${at.rssLevel === null ? '–' : mb(at.rssLevel)} (${mb(at.rss)}) | ${mb(at.heapUsed)} | ${at.handles} | ${at.listeners} | ${written} | ${screens.length ? `${ok}/${screens.length}` : '–'} |`);
		}
	}
	return lines;
}

export function soakSummary(samples: readonly SoakSample[]): string[] {
	const out: string[] = [];
	const groups = new Map<string, SoakSample[]>();
	for (const s of samples) groups.set(`${s.run}/${s.process}`, [...(groups.get(`${s.run}/${s.process}`) ?? []), s]);
	for (const [name, list] of groups) {
		const settled = list.filter(s => s.minute >= 4.5);
		const base = settled[0] ?? list[0]!;
		const last = list[list.length - 1]!;
		const range = (pick: (s: SoakSample) => number) => {
			const values = settled.map(pick);
			return values.length ? `${Math.min(...values)}–${Math.max(...values)}` : '–';
		};
		const change = (from: number, to: number) => `${mb(from)} → ${mb(to)} MB after minute ${base.minute} (${to - from >= 0 ? '+' : ''}${mb(to - from)} MB)`;
		const parts = [
			...(base.rssLevel !== null && last.rssLevel !== null ? [`RSS level ${change(base.rssLevel, last.rssLevel)}`] : []),
			`RSS single readings ${change(base.rss, last.rss)}`,
			`peak reading ${mb(Math.max(...list.map(s => s.rss)))} MB`,
			`handles ${range(s => s.handles)}`,
			`listeners ${range(s => s.listeners)}`,
		];
		if (last.ptyBytes !== undefined) {
			const screens = list.filter(s => s.screenOk !== undefined);
			parts.push(`screen = frame ${screens.filter(s => s.screenOk).length}/${screens.length} samples`, `Node warnings on the terminal ${last.warningsOnTerminal}`, `characters outside frames ${last.foreignChars}`, `messages captured ${last.captured}`);
		}
		out.push(`${name}: ${parts.join(', ')}`);
	}
	return out;
}

export async function runSoak(options: SoakOptions): Promise<string> {
	const full = {
		minutes: options.minutes,
		sampleSeconds: options.sampleSeconds ?? Math.min(60, Math.max(5, Math.round((options.minutes * 60) / 12))),
		outDir: options.outDir ?? path.join(os.tmpdir(), `stackdeck-soak-${process.pid}`),
		cols: options.cols ?? 120,
		rows: options.rows ?? 40,
	};
	mkdirSync(full.outDir, {recursive: true});
	const samples: SoakSample[] = [];
	const resultFile = path.join(full.outDir, 'samples.json');
	const record = (s: SoakSample) => {
		samples.push(s);
		writeFileSync(resultFile, JSON.stringify(samples, null, 1));
		process.stderr.write(
			`soak ${s.run}/${s.process} min ${s.minute}: rss ${mb(s.rss)} MB (level ${s.rssLevel === null ? '–' : mb(s.rssLevel)}) heap ${mb(s.heapUsed)} MB handles ${s.handles} listeners ${s.listeners}` +
				(s.ptyBytes === undefined ? '' : ` written ${(s.ptyBytes / 1024).toFixed(0)} KB screen ${s.screenOk} warnings ${s.warningsOnTerminal} foreign ${s.foreignChars} captured ${s.captured}`) +
				'\n',
		);
	};
	const runs: SoakRun[] = options.only ? [options.only] : ['cockpit', 'demo'];
	process.stderr.write(`soak: ${runs.join(' + ')} for ${full.minutes} min at 100 ms refresh, a sample every ${full.sampleSeconds} s, ${full.cols}x${full.rows}; files in ${full.outDir}\n`);
	// Both runs end (and stop what they started) before a failure of one is reported.
	const settled = await Promise.allSettled(runs.map(run => soakRun(run, full, record).then(r => ({run, ...r}))));
	const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failed) throw failed.reason;
	const results = settled.map(r => (r as PromiseFulfilledResult<{run: SoakRun; exitCode: number; demoFolderRemoved?: boolean; demoEndedEarly?: string}>).value);
	const lines = [
		`Soak: ${full.minutes} min at --refresh 100, ${full.cols}x${full.rows} pty, sample every ${full.sampleSeconds} s (${os.cpus().length} cores, load ${os.loadavg().map(l => l.toFixed(2)).join(' ')} at the end)`,
		'',
		...soakTable(samples, full.minutes),
		'',
		...soakSummary(samples).map(l => `- ${l}`),
		...results.map(r => `- ${r.run}: exit code ${r.exitCode}${r.demoFolderRemoved === undefined ? '' : `, headless demo's temporary folder removed: ${r.demoFolderRemoved ? 'yes' : 'NO'}`}${r.demoEndedEarly ? `; the headless demo ended before the soak did (${r.demoEndedEarly}; see headless-demo.log)` : ''}`),
	];
	writeFileSync(path.join(full.outDir, 'table.md'), `${lines.join('\n')}\n`);
	return lines.join('\n');
}
