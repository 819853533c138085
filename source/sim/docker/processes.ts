// What runs inside each demo container: an engine process (starting and stopping a simulated
// engine, logging its load and its periodic stats), a service that writes access lines, and a
// model server that crashes a few seconds after it starts.

import type {SimEngine} from '../types.js';
import type {ContainerProcess, ProcessControl} from './container.js';
import {brokenModelLines, engineShardLine, engineWarningLine, enginePeriodicLine, engineReadyLines, engineStartLines, engineStopLines, serviceLine, type EngineLogInput} from './role-logs.js';

const GIB = 1024 ** 3;

/** A repeating timer that never keeps the process alive. */
function every(ms: number, fn: () => void): NodeJS.Timeout {
	const timer = setInterval(fn, ms);
	timer.unref?.();
	return timer;
}

export interface EngineProcessOptions {
	engine: SimEngine;
	log: Omit<EngineLogInput, 'availGb'>;
	/** Host memory free for the engine when it starts (GB), for SGLang's "avail mem" lines. */
	availGb: () => number;
	/** The server process's own RSS (the cgroup sees this, not the unified-memory allocations). */
	rssBytes: number;
	/** How often the engine logs its stats (SGLang every 40 decode steps; vLLM every 10 s). */
	periodicMs: number;
}

export function engineProcess(o: EngineProcessOptions): ContainerProcess {
	let timer: NodeJS.Timeout | undefined;
	let unsubscribe: (() => void) | undefined;
	let last = {at: Date.now(), gen: 0, prompt: 0, cached: 0};
	let sayStopping = () => undefined as void;
	return {
		async start(ctl: ProcessControl) {
			// What is free for this engine: its own memory (if it is already up) counts as free.
			const input: EngineLogInput = {...o.log, availGb: o.availGb() + o.engine.residentBytes() / GIB};
			for (const line of engineStartLines(input)) ctl.log('stdout', line);
			sayStopping = () => {
				for (const line of engineStopLines(input)) ctl.log('stdout', line);
			};
			unsubscribe?.();
			unsubscribe = o.engine.onLifecycle(event => {
				if (event.type === 'shard') ctl.log('stderr', engineShardLine(input, event.shard, event.shards, event.elapsedMs / 1000 / event.shard));
				else if (event.type === 'ready') for (const line of engineReadyLines(input, event.loadMs / 1000)) ctl.log('stdout', line);
				else if (event.type === 'warning') ctl.log('stderr', engineWarningLine(input, event.message));
			});
			await o.engine.start();
			if (o.engine.phase() === 'ready') for (const line of engineReadyLines(input, 0)) ctl.log('stdout', line);
			last = {at: Date.now(), gen: 0, prompt: 0, cached: 0};
			if (timer) clearInterval(timer);
			timer = every(o.periodicMs, () => {
				if (o.engine.phase() !== 'ready') return;
				const c = o.engine.counters();
				const now = Date.now();
				const seconds = Math.max(0.001, (now - last.at) / 1000);
				const promptDelta = c.promptTokens - last.prompt;
				const line = enginePeriodicLine(o.log.kind, {
					running: c.running,
					waiting: c.waiting,
					genTps: (c.generationTokens - last.gen) / seconds,
					promptTps: promptDelta / seconds,
					kvUsage: Math.min(0.95, 0.02 + c.running * 0.03),
					hitRate: promptDelta > 0 ? (c.cachedTokens - last.cached) / promptDelta : 0,
				});
				last = {at: now, gen: c.generationTokens, prompt: c.promptTokens, cached: c.cachedTokens};
				if (line) ctl.log('stdout', line);
			});
		},
		async stop() {
			if (timer) clearInterval(timer);
			timer = undefined;
			unsubscribe?.();
			unsubscribe = undefined;
			if (o.engine.phase() !== 'stopped' && o.engine.phase() !== 'releasing') sayStopping();
			await o.engine.stop();
		},
		cpuCores() {
			const phase = o.engine.phase();
			if (phase === 'loading') return 1.0;
			if (phase !== 'ready') return 0;
			const c = o.engine.counters();
			return 0.35 + 0.18 * Math.min(8, c.running) + Math.random() * 0.05;
		},
		memoryBytes() {
			const phase = o.engine.phase();
			return phase === 'stopped' || phase === 'releasing' ? 0 : o.rssBytes;
		},
	};
}

export interface ServiceProcessOptions {
	role: Parameters<typeof serviceLine>[0];
	rssBytes: number;
	/** Idle CPU, in cores. */
	cpu: number;
	lineEveryMs: number;
	startLines?: string[];
}

export function serviceProcess(o: ServiceProcessOptions): ContainerProcess {
	let timer: NodeJS.Timeout | undefined;
	let tick = 0;
	return {
		start(ctl) {
			for (const line of o.startLines ?? []) ctl.log('stdout', line);
			if (timer) clearInterval(timer);
			timer = every(o.lineEveryMs, () => ctl.log(o.role === 'openhands' ? 'stderr' : 'stdout', serviceLine(o.role, ++tick)));
		},
		stop() {
			if (timer) clearInterval(timer);
			timer = undefined;
		},
		cpuCores: () => o.cpu * (0.8 + Math.random() * 0.4),
		memoryBytes: () => o.rssBytes * (0.97 + Math.random() * 0.03),
	};
}

/** Starts, prints its first lines, and dies with a traceback after `crashAfterMs` (exit 1). */
export function crashingProcess(modelPath: string, crashAfterMs: number): ContainerProcess {
	let timer: NodeJS.Timeout | undefined;
	return {
		start(ctl) {
			const lines = brokenModelLines(modelPath);
			for (const line of lines.start) ctl.log('stdout', line);
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => {
				timer = undefined;
				for (const line of lines.crash) ctl.log('stderr', line);
				ctl.exit(1);
			}, crashAfterMs);
			timer.unref?.();
		},
		stop() {
			if (timer) clearTimeout(timer);
			timer = undefined;
		},
		cpuCores: () => 0.9,
		memoryBytes: () => 1.4 * GIB,
	};
}
