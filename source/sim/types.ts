// Public types of the simulated stack: engine kinds, fault switches, engine and demo-stack handles.

export type SimKind = 'sglang' | 'vllm' | 'ollama';
export type SimFault = null | 'refuse' | 'http500' | 'stall' | 'midstream-error';

export interface SimEngineOptions {
	kind: SimKind;
	/** 0 = any free port. Default: the kind's usual port (30000, 8001, 11434). */
	port?: number;
	/** Loopback only; default 127.0.0.1. */
	host?: string;
	/** Served model name. */
	model?: string;
	/** Decode rate in tokens per second, shared by every running request. */
	decodeTps?: number;
	/** Time to first token when the whole prompt is in the prefix cache. */
	ttftMs?: number;
	/** Time to first token when nothing of the prompt is cached. */
	cacheMissTtftMs?: number;
	/** Start-up time to serving (weights loading): /health answers 503 meanwhile. Default 0. */
	loadMs?: number;
	/** Time for a stopped engine's memory to return to the host. Default 1500. */
	releaseMs?: number;
	/** SGLang only: `current` serves /server_info and logs a deprecation warning on each
	 * /get_server_info call (as current releases do); `before-rename` has only /get_server_info. */
	sglangRelease?: 'current' | 'before-rename';
}

export type EngineLifecycleEvent =
	| {type: 'shard'; shard: number; shards: number; elapsedMs: number}
	| {type: 'ready'; loadMs: number}
	| {type: 'stopped'}
	/** A warning the server logs while serving (SGLang: a deprecated endpoint was called). */
	| {type: 'warning'; message: string};

export interface SimEngine {
	kind: SimKind;
	url: string;
	port: number;
	model: string;
	decodeTps: number;
	ttftMs: number;
	setFault(fault: SimFault): void;
	/** (Re)listen on the same port; a restart starts with fresh counters, like a new server process,
	 * and serves only after its load time. */
	start(options?: {instant?: boolean}): Promise<void>;
	/** Close the port at once; the memory goes back over the release time. */
	stop(options?: {instant?: boolean}): Promise<void>;
	phase(now?: number): 'stopped' | 'loading' | 'ready' | 'releasing';
	/** Bytes of memory held now (weights while loading, weights + KV once ready, falling after a stop). */
	residentBytes(now?: number): number;
	onLifecycle(listener: (event: EngineLifecycleEvent) => void): () => void;
	/** Requests in flight and tokens served since the last start (the container's log reads them). */
	counters(): EngineCounters;
}

export interface EngineCounters {
	running: number;
	waiting: number;
	generationTokens: number;
	promptTokens: number;
	cachedTokens: number;
}

export interface DemoStack {
	engines: SimEngine[];
	/** OpenHands state dir (V0 file store: sessions/<id>/...). */
	stateDir: string;
	/** The generated config.toml. */
	configPath: string;
	/** OpenHands' config.toml in the state dir (mounted into the openhands container). */
	configToml: string;
	/** DOCKER_HOST of the demo's Engine API: unix://<workDir>/docker.sock. */
	dockerHost: string;
	/** The simulated Spark's /proc/meminfo. */
	meminfoPath: string;
	workDir: string;
	/** Human-readable notes (e.g. a busy default port replaced by a free one). */
	notices: string[];
	stop(): Promise<void>;
	/** Listeners on the load generator's abort signal (0 without load): diagnostics. */
	loadListeners(): number;
}

export interface DemoStackOptions {
	ports?: Partial<Record<SimKind, number>>;
	/** Run the load generator (default true). */
	load?: boolean;
	/** Keep appending events to the live OpenHands session (default true). */
	live?: boolean;
	/** An engine container's start-up time before it serves (default 6000 ms). */
	loadMs?: number;
	/** broken-model dies this long after it starts (default 4000 ms). */
	crashAfterMs?: number;
}
