// Model profiles: what each engine serves, how it is started and stopped for a swap, how much
// memory it needs, and which clients (OpenHands, Aider) point at it.
import {z} from 'zod';

export const profileEntry = z.strictObject({
	/** The [[engines.list]] entry that serves it (its url and kind are the defaults below). */
	engine: z.string().min(1).optional(),
	served_model_name: z.string().min(1),
	expected_tps: z.number().positive().optional(),
	memory_gb: z.number().positive().optional(),
	/** How a swap starts and stops it; default: docker when `container` is set, else none (not swappable). */
	runtime: z.enum(['docker', 'command', 'ollama', 'none']).optional(),
	container: z.string().optional(),
	/** runtime = "command": shell commands that start (and return) and stop the server. */
	start_command: z.string().optional(),
	stop_command: z.string().optional(),
	/** Base URL of the server (default: the engine's url). */
	url: z.url().optional(),
	kind: z.enum(['sglang', 'vllm', 'ollama', 'llamacpp']).optional(),
	/** Give up waiting for it to serve after this long (a Spark takes minutes). */
	load_timeout_s: z.number().positive().optional(),
	/** Docker stop grace period before the kill. */
	stop_timeout_s: z.number().int().positive().optional(),
	/** The [[hosts]] entry it runs on (default: the first host, this machine unless [local] is off). */
	host: z.string().min(1).optional(),
	/** Profiles in one group replace each other; other groups keep running. */
	group: z.string().optional(),
	/** Clients pointed at this profile, rewritten when a swap moves them. */
	openhands_config: z.string().optional(),
	openhands_container: z.string().optional(),
	aider_conf: z.string().optional(),
});

export const profilesSection = z.record(z.string(), profileEntry).default({});

/** Swap settings shared by every profile. */
export const swapSection = z
	.strictObject({
		/** Memory kept free on top of the target's estimate. */
		headroom_gb: z.number().min(0).default(8),
		/** How long to wait for a stopped engine's memory to come back. */
		memory_timeout_s: z.number().positive().default(120),
		/** How long to wait for running requests to finish before stopping an engine. */
		drain_timeout_s: z.number().positive().default(600),
	})
	.prefault({});
