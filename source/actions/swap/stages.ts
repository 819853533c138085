// The stages of a swap as job steps: drain the engines to stop, stop them, wait for their memory,
// start the target with its progress, and wait until it serves. Undo restarts what was stopped
// (and checks that it serves again) and stops a target that never came up.

import {formatDuration} from '../../domain/format.js';
import {gb, type HostMemory} from '../../domain/swap/plan.js';
import type {SwapProfile} from '../../domain/swap/profile.js';
import type {Step, StepContext} from '../../jobs/job.js';
import {sleep, type SwapEnv} from '../../sources/swap/env.js';
import {readiness, requestCount} from '../../sources/swap/probe.js';
import {deadReason, logLines, startServer, stopServer} from './runtime.js';

export interface SwapControls {
	/** Set by the user (cockpit `f`, `--force`): stop without waiting for requests to finish. */
	force(): boolean;
	drainTimeoutMs: number;
	memoryTimeoutMs: number;
	headroomGb: number;
}

/** What the stages measured, for the journal and the summary. */
export interface SwapMeasures {
	loadMs: number | null;
	availableBefore: number | null;
	availableAfterStop: number | null;
	availableAfterStart: number | null;
}

const SHARD = /(shards?|checkpoint|loading|weights|load)/i;

export function drainStep(stop: readonly SwapProfile[], env: SwapEnv, controls: SwapControls): Step {
	return {
		title: `wait for requests on ${stop.map(p => p.name).join(', ')} to finish`,
		async run(ctx) {
			const deadline = env.now() + controls.drainTimeoutMs;
			for (;;) {
				let busy = 0;
				const unknown: string[] = [];
				for (const p of stop) {
					const count = await requestCount(p, env);
					if (count === null) unknown.push(p.name);
					else busy += count.running + count.queued;
				}
				if (busy === 0) return unknown.length > 0 ? `no request count from ${unknown.join(', ')} (its server does not export one)` : 'no running or queued requests';
				if (controls.force()) return `forced with ${busy} request${busy === 1 ? '' : 's'} still running or queued`;
				if (env.now() > deadline) throw new Error(`${busy} requests still running or queued after ${formatDuration(controls.drainTimeoutMs)}: force the swap or try later`);
				ctx.progress(`${busy} request${busy === 1 ? '' : 's'} running or queued (f force, Esc cancel)`);
				await sleep(env.pollMs, ctx.signal);
			}
		},
	};
}

/** Start `p` and wait until it serves: the target's start, and every rollback. */
export async function startAndWait(p: SwapProfile, env: SwapEnv, ctx: StepContext, lastLoadMs: number | null): Promise<number> {
	const started = env.now();
	ctx.progress('starting');
	const said = await startServer(p, env, ctx.signal, ctx.log);
	ctx.log(`${p.name}: ${said}`);
	return waitServing(p, env, ctx, started, lastLoadMs);
}

/** Poll until `/v1/models` lists the served name and one token comes back; returns the load time. */
export async function waitServing(p: SwapProfile, env: SwapEnv, ctx: StepContext, started: number, lastLoadMs: number | null): Promise<number> {
	let shown = 0;
	let lastLine = '';
	let missing = '';
	for (;;) {
		const lines = await logLines(p, env, started - 1000);
		for (const line of lines.slice(shown)) ctx.log(`${p.name}: ${line}`);
		if (lines.length > shown) {
			const progressLine = [...lines].reverse().find(l => SHARD.test(l));
			lastLine = progressLine ?? lines.at(-1) ?? '';
		}
		shown = Math.max(shown, lines.length);
		const elapsed = env.now() - started;
		const against = lastLoadMs === null ? '' : ` of ~${formatDuration(lastLoadMs)} last time`;
		ctx.progress(`${formatDuration(elapsed)}${against}${lastLine ? ` · ${lastLine.slice(0, 80)}` : ''}`);
		const notYet = await readiness(p, env, ctx.signal);
		if (notYet === null) return env.now() - started;
		missing = notYet;
		const dead = await deadReason(p, env);
		if (dead) {
			const tail = (await logLines(p, env, started - 1000, 20)).slice(-5);
			throw new Error(`${dead}; last log lines: ${tail.join(' | ') || '(none)'}`);
		}
		if (elapsed > p.loadTimeoutMs) {
			const tail = (await logLines(p, env, started - 1000, 20)).slice(-5);
			throw new Error(`not serving after ${formatDuration(p.loadTimeoutMs)} (load_timeout_s): ${missing}${tail.length ? `; last log lines: ${tail.join(' | ')}` : ''}`);
		}
		await sleep(env.pollMs, ctx.signal);
	}
}

/** Stop one profile's server; `restore`: a rollback starts it again and waits until it serves. */
export function stopStep(p: SwapProfile, env: SwapEnv, lastLoadMs: number | null, restore = true): Step {
	const step: Step = {
		title: `stop ${p.name}`,
		async run(ctx) {
			ctx.progress(p.runtime.type === 'docker' ? `docker stop -t ${p.stopTimeoutS}` : 'stopping');
			return stopServer(p, env, ctx.signal);
		},
	};
	if (!restore) return step;
	return {
		...step,
		async undo(ctx) {
			const ms = await startAndWait(p, env, ctx, lastLoadMs);
			return `${p.name} serves ${p.servedModel} again (${formatDuration(ms)})`;
		},
	};
}

export function memoryStep(stopped: readonly SwapProfile[], target: SwapProfile, env: SwapEnv, controls: SwapControls, measures: SwapMeasures): Step {
	const expected = stopped.reduce((sum, p) => sum + (p.memoryGb ?? 0), 0);
	const need = (target.memoryGb ?? 0) + controls.headroomGb;
	return {
		// Only loads were stopped (what they held is unknown): wait for what the target needs instead.
		title: expected > 0 ? `wait for ${Math.round(expected)} GB of memory to come back` : `wait for ${Math.round(need)} GB to be free for ${target.name}`,
		async run(ctx) {
			const before = measures.availableBefore;
			const deadline = env.now() + controls.memoryTimeoutMs;
			let mem: HostMemory | null = null;
			for (;;) {
				mem = await env.readMemory();
				if (!mem) return 'host memory unknown: not checked';
				const available = gb(mem.availableBytes);
				measures.availableAfterStop = available;
				const rose = before === null ? 0 : available - before;
				// "About their size": most of it is enough; the rest can be allocator slack.
				if ((expected > 0 && rose >= expected * 0.8) || ((expected === 0 || before === null) && available >= need)) return `${Math.round(available)} GB available (+${Math.round(rose)} GB)`;
				ctx.progress(expected > 0 ? `${Math.round(available)} GB available (+${Math.round(rose)} of ${Math.round(expected)} GB)` : `${Math.round(available)} of ${Math.round(need)} GB free`);
				if (env.now() > deadline) break;
				await sleep(env.pollMs, ctx.signal);
			}
			const available = gb(mem.availableBytes);
			const cache = gb(mem.cachedBytes);
			const cacheNote = cache >= 1 ? `; the page cache holds ${Math.round(cache)} GB (drop it as root: sync; echo 3 > /proc/sys/vm/drop_caches)` : '';
			if (available >= need) return `only +${Math.round(available - (before ?? available))} GB came back, but ${Math.round(available)} GB is enough${cacheNote}`;
			throw new Error(`memory did not come back: ${Math.round(available)} GB available after ${formatDuration(controls.memoryTimeoutMs)}, ${target.name} needs ${Math.round(need)} GB with headroom${cacheNote}`);
		},
	};
}

export function startStep(target: SwapProfile, env: SwapEnv, lastLoadMs: number | null, measures: SwapMeasures): Step {
	return {
		title: `start ${target.name} and wait until it serves`,
		async run(ctx) {
			const ms = await startAndWait(target, env, ctx, lastLoadMs);
			measures.loadMs = ms;
			const mem = await env.readMemory();
			if (mem) measures.availableAfterStart = gb(mem.availableBytes);
			return `serves ${target.servedModel} after ${formatDuration(ms)}`;
		},
		async undo(ctx) {
			ctx.progress('stopping the target that did not come up');
			return stopServer(target, env, ctx.signal);
		},
	};
}
