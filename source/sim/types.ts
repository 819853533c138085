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
}

export interface SimEngine {
	kind: SimKind;
	url: string;
	port: number;
	model: string;
	decodeTps: number;
	ttftMs: number;
	setFault(fault: SimFault): void;
	/** (Re)listen on the same port; a restart starts with fresh counters, like a new server process. */
	start(): Promise<void>;
	stop(): Promise<void>;
}

export interface DemoStack {
	engines: SimEngine[];
	/** OpenHands state dir (V0 file store: sessions/<id>/...). */
	stateDir: string;
	/** The generated config.toml. */
	configPath: string;
	workDir: string;
	/** Human-readable notes (e.g. a busy default port replaced by a free one). */
	notices: string[];
	stop(): Promise<void>;
}

export interface DemoStackOptions {
	ports?: Partial<Record<SimKind, number>>;
	/** Run the load generator (default true). */
	load?: boolean;
	/** Keep appending events to the live OpenHands session (default true). */
	live?: boolean;
}
