// An engine process's life as memory sees it: loading (weights arrive shard by shard), ready
// (weights + KV cache held), releasing (a process exit hands memory back over a second or two),
// stopped. Pure: the engine passes the clock in.

export type EnginePhase = 'stopped' | 'loading' | 'ready' | 'releasing';

export interface LifecycleTiming {
	/** Time from start to serving (weights loaded, KV cache allocated). */
	loadMs: number;
	/** Time for the memory of a stopped engine to return to the host. */
	releaseMs: number;
	/** Weight shards read during loading (one log line each). */
	shards: number;
}

export interface LifecycleState {
	phase: EnginePhase;
	/** When the current phase began (ms, the engine's clock). */
	since: number;
	/** Memory held when a release began (it falls from there to 0). */
	releaseFrom: number;
}

export interface EngineFootprint {
	weightsBytes: number;
	/** KV cache (and CUDA graphs): allocated once the weights are in, as SGLang and vLLM preallocate. */
	kvBytes: number;
}

export const STOPPED: LifecycleState = {phase: 'stopped', since: 0, releaseFrom: 0};

/** Shards loaded by `now` while loading (0..shards). */
export function shardsLoaded(state: LifecycleState, timing: LifecycleTiming, now: number): number {
	if (state.phase !== 'loading') return state.phase === 'stopped' || state.phase === 'releasing' ? 0 : timing.shards;
	if (timing.loadMs <= 0) return timing.shards;
	return Math.min(timing.shards, Math.floor(((now - state.since) / timing.loadMs) * timing.shards));
}

/** Bytes the engine holds at `now`. */
export function residentBytes(state: LifecycleState, timing: LifecycleTiming, footprint: EngineFootprint, now: number): number {
	switch (state.phase) {
		case 'stopped':
			return 0;
		case 'ready':
			return footprint.weightsBytes + footprint.kvBytes;
		case 'loading':
			return timing.shards > 0 ? (footprint.weightsBytes * shardsLoaded(state, timing, now)) / timing.shards : 0;
		case 'releasing': {
			if (timing.releaseMs <= 0) return 0;
			const left = 1 - (now - state.since) / timing.releaseMs;
			return Math.max(0, state.releaseFrom * left);
		}
	}
}

/** The phase after a stop at `now`: memory starts flowing back from what was held. */
export function beginRelease(state: LifecycleState, timing: LifecycleTiming, footprint: EngineFootprint, now: number): LifecycleState {
	return {phase: 'releasing', since: now, releaseFrom: residentBytes(state, timing, footprint, now)};
}

/** A release that has run its course is a stop. */
export function settle(state: LifecycleState, timing: LifecycleTiming, now: number): LifecycleState {
	if (state.phase === 'releasing' && now - state.since >= timing.releaseMs) return {phase: 'stopped', since: now, releaseFrom: 0};
	if (state.phase === 'loading' && now - state.since >= timing.loadMs) return {phase: 'ready', since: state.since + timing.loadMs, releaseFrom: 0};
	return state;
}
