// From the config and the world to a plan: resolve the profiles, observe what serves and the host
// memory, read past load times, and plan (or list every profile's fit).

import type {Config} from '../../config/schema.js';
import {listProfiles, planSwap, type ProfileRow, type SwapPlan} from '../../domain/swap/plan.js';
import type {SwapProfile} from '../../domain/swap/profile.js';
import {swapProfiles} from '../../sources/swap/profiles.js';
import type {SwapEnv} from '../../sources/swap/env.js';
import {readLoadTimes} from './journal-file.js';
import {observe, type Observation} from './observe.js';
import type {SwapControls} from './stages.js';

export interface Prepared {
	profiles: SwapProfile[];
	errors: string[];
	observation: Observation;
	lastLoadMs: Record<string, number>;
	rows: ProfileRow[];
}

export {swapProfiles};

export async function prepare(config: Config, env: SwapEnv): Promise<Prepared> {
	const {profiles, errors} = swapProfiles(config);
	const observation = await observe(profiles, env);
	const lastLoadMs = readLoadTimes(env.stateDir);
	const rows = listProfiles({profiles, serving: observation.serving, loading: observation.loading, memory: observation.memory, lastLoadMs, headroomGb: config.swap.headroom_gb});
	return {profiles, errors, observation, lastLoadMs, rows};
}

export function planFor(config: Config, prepared: Prepared, target: string, alsoStop: readonly string[] = []): SwapPlan | {error: string} {
	return planSwap({
		profiles: prepared.profiles,
		serving: prepared.observation.serving,
		loading: prepared.observation.loading,
		memory: prepared.observation.memory,
		lastLoadMs: prepared.lastLoadMs,
		target,
		alsoStop,
		headroomGb: config.swap.headroom_gb,
	});
}

export function controlsFrom(config: Config, force: () => boolean): SwapControls {
	return {
		force,
		drainTimeoutMs: config.swap.drain_timeout_s * 1000,
		memoryTimeoutMs: config.swap.memory_timeout_s * 1000,
		headroomGb: config.swap.headroom_gb,
	};
}
