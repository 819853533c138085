// One simulated engine: a node:http server on loopback speaking SGLang's, vLLM's or Ollama's
// formats, with its scheduler, prefix cache, counters and fault switches, and a process life: a
// start loads weights for loadMs (/health 503, nothing else served), a stop closes the port and
// hands the memory back over releaseMs.

import http from 'node:http';
import type {Socket} from 'node:net';
import type {EngineContext} from './engine-context.js';
import {beginRelease, residentBytes, settle, shardsLoaded, STOPPED, type EngineFootprint, type EnginePhase, type LifecycleState, type LifecycleTiming} from './engine-lifecycle.js';
import {newStats, type EngineStats} from './engine-stats.js';
import {PrefixCache} from './prefix-cache.js';
import {SIM_PROFILES} from './profiles.js';
import {CONTEXT_LENGTH, route, sendFault500, sendLoading503, SGLANG_MAX_TOTAL_TOKENS, VLLM_BLOCK_SIZE, VLLM_GPU_BLOCKS} from './routes.js';
import {Scheduler} from './scheduler.js';
import type {EngineCounters, EngineLifecycleEvent, SimEngine, SimEngineOptions, SimFault, SimKind} from './types.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const OLLAMA_KEEP_ALIVE_MS = 5 * 60 * 1000;
const GIB = 1024 ** 3;
/** A real engine process exit frees its memory within a second or two. */
export const RELEASE_MS = 1500;

export class SimEngineServer implements SimEngine {
	readonly kind: SimKind;
	readonly host: string;
	readonly model: string;
	readonly decodeTps: number;
	readonly ttftMs: number;
	readonly cacheMissTtftMs: number;
	readonly sglangRelease: 'current' | 'before-rename';
	port: number;
	stats!: EngineStats;
	scheduler!: Scheduler;
	private cache!: PrefixCache;
	private fault: SimFault = null;
	private server: http.Server | undefined;
	private readonly sockets = new Set<Socket>();
	private stopped = true;
	private startedAt = new Date();
	private expiresAt = new Date(0);
	/** Generation requests served: varies the seed of a repeated prompt, per engine. */
	private requests = 0;
	private transition: Promise<void> = Promise.resolve();
	private lifecycle: LifecycleState = STOPPED;
	readonly timing: LifecycleTiming;
	readonly footprint: EngineFootprint;
	private loadTimer: NodeJS.Timeout | undefined;
	private readonly listeners = new Set<(event: EngineLifecycleEvent) => void>();

	constructor(options: SimEngineOptions) {
		const profile = SIM_PROFILES[options.kind];
		this.kind = options.kind;
		this.host = options.host ?? '127.0.0.1';
		if (!LOOPBACK.has(this.host)) throw new Error(`simulated ${options.kind} engine: host "${this.host}" is not loopback; use 127.0.0.1`);
		this.port = options.port ?? profile.port;
		this.model = options.model ?? profile.model;
		this.decodeTps = options.decodeTps ?? profile.decodeTps;
		this.ttftMs = options.ttftMs ?? profile.ttftMs;
		this.cacheMissTtftMs = Math.max(this.ttftMs, options.cacheMissTtftMs ?? (this.ttftMs * profile.cacheMissTtftMs) / profile.ttftMs);
		if (!(this.decodeTps > 0)) throw new Error(`simulated ${options.kind} engine: decodeTps must be above 0, got ${this.decodeTps}`);
		this.sglangRelease = options.sglangRelease ?? 'current';
		this.timing = {loadMs: Math.max(0, options.loadMs ?? 0), releaseMs: Math.max(0, options.releaseMs ?? RELEASE_MS), shards: profile.shards};
		this.footprint = {weightsBytes: profile.weightsGb * GIB, kvBytes: profile.kvGb * GIB};
		this.reset();
	}

	get url(): string {
		return `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
	}

	/** Fresh counters, cache and queue, as a newly started server process has. */
	private reset(): void {
		this.startedAt = new Date();
		this.stats = newStats(this.kind, CONTEXT_LENGTH[this.kind], this.startedAt.getTime());
		const capacity = this.kind === 'vllm' ? VLLM_GPU_BLOCKS * VLLM_BLOCK_SIZE : SGLANG_MAX_TOTAL_TOKENS;
		this.cache = new PrefixCache(this.kind === 'vllm' ? VLLM_BLOCK_SIZE : this.kind === 'ollama' ? 1 : 1, capacity);
		this.scheduler = new Scheduler({
			decodeTps: this.decodeTps,
			ttftMs: this.ttftMs,
			cacheMissTtftMs: this.cacheMissTtftMs,
			maxRunning: this.kind === 'ollama' ? 1 : 8,
			cache: this.cache,
			stats: () => this.stats,
			fault: () => this.fault,
		});
		this.expiresAt = this.kind === 'ollama' ? new Date(Date.now() + OLLAMA_KEEP_ALIVE_MS) : new Date(0);
	}

	setFault(fault: SimFault): void {
		const previous = this.fault;
		this.fault = fault;
		if (previous === 'stall' && fault !== 'stall') this.scheduler.resumeStalled();
		if (this.stopped) return;
		if (fault === 'refuse' && previous !== 'refuse') this.chain(() => this.closeListener());
		if (fault !== 'refuse' && previous === 'refuse') this.chain(() => this.listen());
	}

	/** Resolves once a fault switch's listener change (refuse / clear) has taken effect. */
	settled(): Promise<void> {
		return this.transition;
	}

	/** `instant`: already loaded (the demo opens on a stack that has been up for a while). */
	async start(options: {instant?: boolean} = {}): Promise<void> {
		await this.transition;
		if (!this.stopped) return;
		this.reset();
		this.stopped = false;
		this.beginLoad(options.instant === true);
		if (this.fault !== 'refuse') await this.chain(() => this.listen());
	}

	/** `instant`: the memory is gone at once (a container that was never up). */
	async stop(options: {instant?: boolean} = {}): Promise<void> {
		await this.transition;
		if (this.stopped) return;
		this.stopped = true;
		if (this.loadTimer) clearTimeout(this.loadTimer);
		this.loadTimer = undefined;
		this.scheduler.cancelAll();
		this.lifecycle = options.instant ? STOPPED : beginRelease(this.current(), this.timing, this.footprint, Date.now());
		this.emit({type: 'stopped'});
		await this.chain(() => this.closeListener());
	}

	/** stopped, loading (port open, /health 503), ready, or releasing (port closed, memory going back). */
	phase(now = Date.now()): EnginePhase {
		return this.current(now).phase;
	}

	/** Bytes of (unified) memory the engine process holds now: weights, then KV cache once loaded. */
	residentBytes(now = Date.now()): number {
		return residentBytes(this.current(now), this.timing, this.footprint, now);
	}

	counters(): EngineCounters {
		const s = this.stats;
		return {running: s.running, waiting: s.waiting, generationTokens: s.generationTokens, promptTokens: s.promptTokens, cachedTokens: s.cachedTokens};
	}

	/** Lifecycle events (shard loaded, ready, stopped) for the container's log; returns the unsubscribe. */
	onLifecycle(listener: (event: EngineLifecycleEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private current(now = Date.now()): LifecycleState {
		this.lifecycle = settle(this.lifecycle, this.timing, now);
		return this.lifecycle;
	}

	private emit(event: EngineLifecycleEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	/** Loading: one event per weight shard as it lands, then ready. */
	private beginLoad(instant: boolean): void {
		const started = Date.now();
		this.lifecycle = {phase: 'loading', since: started, releaseFrom: 0};
		let shown = 0;
		const tick = () => {
			this.loadTimer = undefined;
			if (this.stopped) return;
			const now = Date.now();
			const loaded = shardsLoaded(this.lifecycle, this.timing, now);
			while (shown < loaded) this.emit({type: 'shard', shard: ++shown, shards: this.timing.shards, elapsedMs: now - started});
			if (this.current(now).phase === 'ready') {
				this.emit({type: 'ready', loadMs: now - started});
				return;
			}
			const next = started + ((shown + 1) * this.timing.loadMs) / this.timing.shards;
			this.loadTimer = setTimeout(tick, Math.max(1, Math.min(next, started + this.timing.loadMs) - now));
			this.loadTimer.unref?.();
		};
		if (instant || this.timing.loadMs <= 0) {
			this.lifecycle = {phase: 'ready', since: started, releaseFrom: 0};
			return;
		}
		this.loadTimer = setTimeout(tick, Math.max(1, this.timing.loadMs / this.timing.shards));
		this.loadTimer.unref?.();
	}

	private chain(step: () => Promise<void>): Promise<void> {
		this.transition = this.transition.then(step, step);
		return this.transition;
	}

	private listen(): Promise<void> {
		const server = http.createServer((req, res) => this.handle(req, res));
		server.keepAliveTimeout = 5000;
		server.on('connection', socket => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		return new Promise<void>((resolve, reject) => {
			server.once('error', (error: NodeJS.ErrnoException) => {
				const hint = error.code === 'EADDRINUSE' ? `port ${this.port} is in use; pick another port or pass 0 for any free port` : error.message;
				reject(new Error(`simulated ${this.kind} engine on ${this.host}:${this.port}: ${hint}`));
			});
			server.listen(this.port, this.host, () => {
				const address = server.address();
				if (address && typeof address === 'object') this.port = address.port;
				this.server = server;
				resolve();
			});
		});
	}

	private closeListener(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return Promise.resolve();
		return new Promise<void>(resolve => {
			server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
			this.sockets.clear();
		});
	}

	private context(): EngineContext {
		return {
			kind: this.kind,
			model: this.model,
			port: this.port,
			decodeTps: this.decodeTps,
			scheduler: this.scheduler,
			stats: this.stats,
			fault: this.fault,
			cacheTokens: () => this.cache.sizeTokens(),
			flushCache: () => this.cache.clear(),
			sglangRelease: this.sglangRelease,
			warn: message => this.emit({type: 'warning', message}),
			touch: () => {
				if (this.kind === 'ollama') this.expiresAt = new Date(Date.now() + OLLAMA_KEEP_ALIVE_MS);
			},
			keepAlive: ms => {
				// Go's zero time is what real Ollama reports for "forever"; a far date stands in for it.
				if (this.kind === 'ollama') this.expiresAt = ms === null ? new Date(Date.UTC(2318, 0, 1)) : new Date(Date.now() + ms);
			},
			nextRequest: () => ++this.requests,
			expiresAt: this.expiresAt,
			startedAt: this.startedAt,
		};
	}

	private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
		const ctx = this.context();
		if (this.phase() === 'loading') {
			req.resume();
			sendLoading503(ctx, req, res);
			return;
		}
		if (this.fault === 'http500') {
			req.resume();
			sendFault500(ctx, req, res);
			return;
		}
		Promise.resolve(route(ctx, req, res)).catch((error: unknown) => {
			if (!res.headersSent) sendFault500(ctx, req, res);
			else res.destroy(error as Error);
		});
	}
}

export async function startSimEngine(options: SimEngineOptions): Promise<SimEngine> {
	const engine = new SimEngineServer(options);
	await engine.start();
	return engine;
}
