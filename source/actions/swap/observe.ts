// What serves now, what is still loading, and how much memory the host has: the planner's observations.

import type {HostMemory} from '../../domain/swap/plan.js';
import type {SwapProfile} from '../../domain/swap/profile.js';
import type {SwapEnv} from '../../sources/swap/env.js';
import {isServing} from '../../sources/swap/probe.js';

export interface Observation {
	serving: Set<string>;
	/** Profiles whose container runs but that do not serve (a load in progress, or one a killed swap left). */
	loading: Set<string>;
	memory: HostMemory | null;
}

/** Its container runs? Only a Docker profile can say so; a command's or Ollama's load is not seen before it serves. */
async function containerRuns(p: SwapProfile, env: SwapEnv): Promise<boolean> {
	if (p.runtime.type !== 'docker' || !env.docker) return false;
	try {
		return (await env.docker.getContainer(p.runtime.container).inspect()).State.Running === true;
	} catch {
		return false;
	}
}

export async function observe(profiles: readonly SwapProfile[], env: SwapEnv): Promise<Observation> {
	const results = await Promise.all(profiles.map(async p => [p.name, await isServing(p, env)] as const));
	const serving = new Set(results.filter(([, yes]) => yes).map(([name]) => name));
	const running = await Promise.all(profiles.filter(p => !serving.has(p.name)).map(async p => [p.name, await containerRuns(p, env)] as const));
	const memory = await env.readMemory().catch(() => null);
	return {serving, loading: new Set(running.filter(([, yes]) => yes).map(([name]) => name)), memory};
}
