// What leaving the cockpit open costs, measured as a user runs it: the built bin/stackdeck in a real
// pty against `stackdeck demo --headless --load` (another process), and `htop -d 10` beside it in
// the same run at the same sizes. Bytes written to the terminal, full clears, CPU and RSS of the
// process, time to the first frame, key-to-frame for panel switches.

import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {startHeadlessDemo, STACKDECK_BIN} from './headless-demo.js';
import {rssLevel} from './rss-level.js';
import type {Bench, BenchOptions, BenchRow} from './types.js';

const CLEAR = '\u001B[2J';
const CLK_TCK = 100;

interface Watched {
	name: string;
	pid: number;
	/** Bytes the program wrote to its terminal so far. */
	bytes(): number;
	/** Full clears after the first frame. */
	clears(): number;
	screen(): string;
	/** Resolves when the screen satisfies `test`, with the arrival time of the chunk that made it so. */
	until(test: (screen: string) => boolean, timeoutMs?: number): Promise<number>;
	write(data: string): void;
	kill(): void;
}

function watch(name: string, file: string, args: string[], cols: number, rows: number, env: NodeJS.ProcessEnv = {}): Watched {
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	// A variable given as undefined is left out of the child's environment.
	const merged = Object.entries({...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...env}).filter(([, v]) => v !== undefined);
	const child = pty.spawn(file, args, {name: 'xterm-256color', cols, rows, env: Object.fromEntries(merged) as Record<string, string>});
	let bytes = 0;
	let clears = 0;
	let framed = false;
	let waiters: Array<{test: (s: string) => boolean; resolve: (t: number) => void}> = [];
	const screen = () => {
		const buffer = term.buffer.active;
		const lines: string[] = [];
		for (let i = 0; i < term.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
		return lines.join('\n');
	};
	child.onData(data => {
		const at = performance.now();
		bytes += Buffer.byteLength(data);
		if (framed) clears += data.split(CLEAR).length - 1;
		framed = true;
		term.write(data, () => {
			if (!waiters.length) return;
			const shown = screen();
			waiters = waiters.filter(w => {
				if (!w.test(shown)) return true;
				w.resolve(at);
				return false;
			});
		});
	});
	// Answer terminal queries like a terminal.
	term.onData(data => {
		try {
			child.write(data);
		} catch {
			// Exited.
		}
	});
	return {
		name,
		pid: child.pid,
		bytes: () => bytes,
		clears: () => clears,
		screen,
		until(test, timeoutMs = 30_000) {
			if (test(screen())) return Promise.resolve(performance.now());
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`${name}: timed out; screen:\n${screen()}`)), timeoutMs);
				waiters.push({test, resolve: t => (clearTimeout(timer), resolve(t))});
			});
		},
		write: data => child.write(data),
		kill() {
			try {
				child.kill('SIGKILL');
			} catch {
				// Gone.
			}
			term.dispose();
		},
	};
}

function cpuTicks(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

const MB = 1024 * 1024;
const LEVEL_SPAN_MS = 10_000;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Median wall time of `node -e 0` (5 runs) in this environment changed by `env`. */
function nodeStartMs(env: NodeJS.ProcessEnv): number {
	const merged = Object.fromEntries(Object.entries({...process.env, ...env}).filter(([, v]) => v !== undefined));
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		const t0 = performance.now();
		execFileSync(process.execPath, ['-e', '0'], {env: merged, stdio: 'ignore'});
		times.push(performance.now() - t0);
	}
	return percentile(times, 50);
}

function haveHtop(): boolean {
	try {
		execFileSync('htop', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

interface Steady {
	bytesPerSec: number;
	clears: number;
	cpuPct: number;
	rss: number[];
}

/** Run everything side by side from the same start; sample bytes and CPU over the steady window, RSS at the marks. */
async function steady(procs: Watched[], warmupMs: number, marksMs: number[]): Promise<Map<Watched, Steady>> {
	const start = Date.now();
	await sleep(warmupMs);
	const from = new Map(procs.map(p => [p, {bytes: p.bytes(), clears: p.clears(), cpu: cpuTicks(p.pid), at: Date.now()}]));
	const rss = new Map<Watched, number[]>(procs.map(p => [p, []]));
	for (const mark of marksMs) {
		// The level over the 10 s before the mark, not one reading (rss-level.ts).
		await sleep(Math.max(0, start + mark - LEVEL_SPAN_MS - Date.now()));
		const levels = await Promise.all(procs.map(p => rssLevel(p.pid, LEVEL_SPAN_MS)));
		procs.forEach((p, i) => rss.get(p)!.push((levels[i] ?? NaN) / MB));
	}
	const result = new Map<Watched, Steady>();
	for (const p of procs) {
		const f = from.get(p)!;
		const seconds = (Date.now() - f.at) / 1000;
		result.set(p, {
			bytesPerSec: (p.bytes() - f.bytes) / seconds,
			clears: p.clears() - f.clears,
			cpuPct: ((cpuTicks(p.pid) - f.cpu) / CLK_TCK / seconds) * 100,
			rss: rss.get(p)!,
		});
	}
	return result;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});
const ratio = (ours: number, theirs: number) => (ours > 0 ? `${fmt(theirs / ours, 1)}x below htop` : 'htop');

export const terminalCostBench: Bench = {
	id: 'terminal',
	async run(options: BenchOptions = {}): Promise<BenchRow[]> {
		const rows: BenchRow[] = [];
		const htop = haveHtop();
		const demo = await startHeadlessDemo(STACKDECK_BIN);
		const procs: Watched[] = [];
		// Run as a shell runs it: bin/stackdeck.js through its shebang (node and its flags from PATH).
		const cockpit = (cols: number, rows: number, extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
			watch(`stackdeck ${cols}x${rows}${extra.length ? ' ' + extra.join(' ') : ''}`, STACKDECK_BIN, ['--config', demo.configPath, ...extra], cols, rows, {
				PATH: `${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
				...env,
			});
		try {
			// First frame: cold starts, one at a time, before anything else loads the machine. Node
			// reads NODE_EXTRA_CA_CERTS when it starts, before any of the cockpit's code, and parses its
			// CA certificates then: where the environment sets it, cold starts without it are timed
			// too, alternating with the others, and Node's own start both ways.
			const extraCa = process.env['NODE_EXTRA_CA_CERTS'] ? {NODE_EXTRA_CA_CERTS: undefined} : undefined;
			const firstFrames: number[] = [];
			const firstFramesNoCa: number[] = [];
			for (let i = 0; i < 5; i++) {
				for (const [env, into] of extraCa ? ([[{}, firstFrames], [extraCa, firstFramesNoCa]] as const) : ([[{}, firstFrames]] as const)) {
					const t0 = performance.now();
					const c = cockpit(80, 24, [], env);
					const shown = await c.until(s => s.includes('╭─') && s.includes('stackdeck'));
					into.push(shown - t0);
					c.kill();
					await sleep(300);
				}
			}
			const nodeAlone = extraCa ? {with: nodeStartMs({}), without: nodeStartMs(extraCa)} : undefined;
			let htopFirst: number | undefined;
			if (htop) {
				const t0 = performance.now();
				const h = watch('htop', 'htop', ['-d', '10'], 80, 24);
				htopFirst = (await h.until(s => /Load average/.test(s))) - t0;
				h.kill();
			}

			// Steady state: both sizes, htop beside each, and a slow-link cockpit, all from the same start.
			const sizes = [
				[80, 24],
				[46, 19],
			] as const;
			const pairs = sizes.map(([cols, r]) => ({cols, rows: r, ours: cockpit(cols, r), htop: htop ? watch(`htop ${cols}x${r}`, 'htop', ['-d', '10'], cols, r) : undefined}));
			const slow = cockpit(46, 19, ['--slow-link']);
			for (const p of pairs) procs.push(p.ours, ...(p.htop ? [p.htop] : []));
			procs.push(slow);
			for (const c of [...pairs.map(p => p.ours), slow]) {
				await c.until(s => s.includes('╭─'));
				// Throughput focused: the engines' figures and sparklines move every refresh.
				c.write('2');
			}
			const marks = options.long ? [120_000, 600_000] : [120_000];
			const measured = await steady(procs, 20_000, marks);

			for (const p of pairs) {
				const ours = measured.get(p.ours)!;
				const theirs = p.htop ? measured.get(p.htop) : undefined;
				rows.push({
					name: `terminal bytes/s, ${p.cols}x${p.rows}, throughput panel live`,
					value: `${fmt(ours.bytesPerSec)} B/s${theirs ? ` (htop ${fmt(theirs.bytesPerSec)} B/s: ${ratio(ours.bytesPerSec, theirs.bytesPerSec)})` : ''}`,
					method: `bytes the built bin/stackdeck wrote to its pty from 20 s to ${marks.at(-1)! / 1000} s, against stackdeck demo --headless --load; htop -d 10 beside it`,
					raw: {bytesPerSec: ours.bytesPerSec, htopBytesPerSec: theirs?.bytesPerSec ?? NaN},
				});
				rows.push({
					name: `full clears after the first frame, ${p.cols}x${p.rows}`,
					value: `${ours.clears}${theirs ? ` (htop ${theirs.clears})` : ''}`,
					method: 'ESC[2J in the output over the same window',
					raw: {clears: ours.clears},
				});
				rows.push({
					name: `CPU, ${p.cols}x${p.rows}`,
					value: `${fmt(ours.cpuPct, 2)}% of a core${theirs ? ` (htop ${fmt(theirs.cpuPct, 2)}%)` : ''}`,
					method: 'utime+stime of the cockpit process (/proc/PID/stat) over the same window; demo engines in their own process',
					raw: {cpuPct: ours.cpuPct, htopCpuPct: theirs?.cpuPct ?? NaN},
				});
				rows.push({
					name: `RSS, ${p.cols}x${p.rows}`,
					value:
						ours.rss.map((mb, i) => `${fmt(mb)} MB at ${marks[i]! / 60_000} min`).join(', ') +
						(ours.rss.length > 1 ? ` (growth ${fmt(ours.rss.at(-1)! - ours.rss[0]!, 1)} MB)` : '') +
						(theirs ? ` (htop ${fmt(theirs.rss[0]!)} MB)` : ''),
					method: 'VmRSS of the cockpit process: the median of 11 readings over the 10 s before each mark',
					raw: Object.fromEntries(ours.rss.map((mb, i) => [`rssMbAt${marks[i]! / 60_000}min`, mb])),
				});
			}
			const s = measured.get(slow)!;
			rows.push({
				name: 'terminal bytes/s, 46x19, --slow-link',
				value: `${fmt(s.bytesPerSec)} B/s, ${fmt(s.cpuPct, 2)}% of a core`,
				method: 'as above, refresh and repaint every 2 s',
				raw: {bytesPerSec: s.bytesPerSec, cpuPct: s.cpuPct},
			});
			for (const p of procs) p.kill();
			procs.length = 0;

			rows.push({
				name: 'process start to first complete frame, 80x24',
				value: `${fmt(percentile(firstFrames, 50))} ms median (${firstFrames.map(t => fmt(t)).join(', ')})${htopFirst !== undefined ? ` (htop ${fmt(htopFirst)} ms)` : ''}`,
				method: 'spawn of bin/stackdeck.js in a pty until the emulator shows the framed cockpit; 5 cold starts',
				raw: {firstFrameMs: percentile(firstFrames, 50)},
			});
			if (nodeAlone) {
				rows.push({
					name: 'process start to first complete frame, 80x24, NODE_EXTRA_CA_CERTS unset',
					value: `${fmt(percentile(firstFramesNoCa, 50))} ms median (${firstFramesNoCa.map(t => fmt(t)).join(', ')})`,
					method: `as above, alternating with those starts, with the variable this environment sets removed; Node alone (node -e 0, median of 5) starts in ${fmt(nodeAlone.with)} ms with it and ${fmt(nodeAlone.without)} ms without`,
					raw: {firstFrameMs: percentile(firstFramesNoCa, 50), nodeStartMs: nodeAlone.with, nodeStartNoCaMs: nodeAlone.without},
				});
			}

			// Key to frame: panel switches that page the 80x24 grid, 30 presses. The grid places panels
			// by what they hold, so the panel on another page is found on screen, not assumed.
			const k = cockpit(80, 24);
			procs.push(k);
			await k.until(s => s.includes('╭─ 1 Containers'));
			await sleep(3000);
			const titles = ['1 Containers', '2 Throughput', '3 Memory', '4 Cache', '5 Sessions', '6 Aider', '7 Doctor'];
			const away = titles.find(t => !k.screen().includes(`╭─ ${t}`));
			if (!away) {
				rows.push({name: 'key to frame, panel switch, 80x24', value: 'not measured', method: 'every panel fits the first page of the 80x24 grid: no panel switch pages it'});
			} else {
				const latencies: number[] = [];
				try {
					// Its digit pages to it (its frame appears); 1 pages back (its frame goes: the first page
					// did not hold it, whatever else the other page shares with the first).
					for (let i = 0; i < 30; i++) {
						const there = i % 2 === 0;
						const t0 = performance.now();
						k.write(there ? away[0]! : '1');
						const shown = await k.until(s => s.includes(`╭─ ${away}`) === there, 10_000);
						latencies.push(shown - t0);
						await sleep(250 + Math.random() * 250);
					}
					rows.push({
						name: 'key to frame, panel switch, 80x24',
						value: `p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms`,
						method: `30 presses of ${away[0]} / 1 (grid pages) in the live cockpit: key written to the pty until the chunk that shows the new panel`,
						raw: {p50: percentile(latencies, 50), p95: percentile(latencies, 95)},
					});
				} catch (error) {
					// The steady-state rows above stand; this one says what went wrong.
					rows.push({name: 'key to frame, panel switch, 80x24', value: 'failed', method: (error as Error).message.split('\n')[0] ?? ''});
				}
			}
			if (!htop) rows.push({name: 'htop reference', value: 'not installed', method: 'apt-get install htop for the comparison'});
		} finally {
			for (const p of procs) p.kill();
			await demo.stop();
		}
		return rows;
	},
};
