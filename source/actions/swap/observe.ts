// What serves now and how much memory the host has: the planner's observations.

import type {HostMemory} from '../../domain/swap/plan.js';
import type {SwapProfile} from '../../domain/swap/profile.js';
import type {SwapEnv} from '../../sources/swap/env.js';
import {isServing} from '../../sources/swap/probe.js';

export interface Observation {
	serving: Set<string>;
	memory: HostMemory | null;
}

export async function observe(profiles: readonly SwapProfile[], env: SwapEnv): Promise<Observation> {
	const results = await Promise.all(profiles.map(async p => [p.name, await isServing(p, env)] as const));
	const memory = await env.readMemory().catch(() => null);
	return {serving: new Set(results.filter(([, yes]) => yes).map(([name]) => name)), memory};
}
