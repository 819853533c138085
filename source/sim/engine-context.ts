// What request handlers need from a running simulated engine.

import type {IncomingMessage, ServerResponse} from 'node:http';
import type {EngineStats} from './engine-stats.js';
import type {Scheduler} from './scheduler.js';
import type {SimFault, SimKind} from './types.js';

export interface EngineContext {
	kind: SimKind;
	model: string;
	port: number;
	decodeTps: number;
	scheduler: Scheduler;
	stats: EngineStats;
	fault: SimFault;
	/** Tokens held by the prefix cache. */
	cacheTokens(): number;
	flushCache(): void;
	/** SGLang: whether this release has /server_info (current) or only /get_server_info (before the rename). */
	sglangRelease: 'current' | 'before-rename';
	/** Log a warning to the engine's output, as the real server does. */
	warn(message: string): void;
	/** Ollama: the model stays loaded until this time (keep-alive 5 min after last use). */
	touch(): void;
	/** Ollama keep_alive: milliseconds to keep the model loaded (0 unloads, null keeps it forever). */
	keepAlive(ms: number | null): void;
	/** Counts this engine's generation requests (1, 2, ...): varies the seed of repeated prompts. */
	nextRequest(): number;
	expiresAt: Date;
	startedAt: Date;
}

export type Handler = (ctx: EngineContext, req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
