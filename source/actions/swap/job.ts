// A swap as a Job: the plan's stages as steps (drain, stop, memory, start and serve), so the
// runner gives it progress, cancel and rollback like every other change to the stack.

import {formatDuration} from '../../domain/format.js';
import {gb, type SwapPlan} from '../../domain/swap/plan.js';
import type {Job, Step} from '../../jobs/job.js';
import type {SwapEnv} from '../../sources/swap/env.js';
import {drainStep, memoryStep, startStep, stopStep, type SwapControls, type SwapMeasures} from './stages.js';

export function buildSwapJob(plan: SwapPlan, env: SwapEnv, controls: SwapControls, lastLoadMs: Readonly<Record<string, number>>, hostId = 'local'): {job: Job; measures: SwapMeasures} {
	const measures: SwapMeasures = {loadMs: null, availableBefore: null, availableAfterStop: null, availableAfterStart: null};
	const steps: Step[] = [];
	steps.push({
		title: 'read host memory',
		async run() {
			const mem = await env.readMemory();
			measures.availableBefore = mem ? gb(mem.availableBytes) : null;
			return mem ? `${Math.round(gb(mem.availableBytes))} GB available of ${Math.round(gb(mem.totalBytes))} GB` : 'host memory unknown';
		},
	});
	// A load left running (not serving) is stopped first and not started again on a rollback: it
	// served nothing before the swap.
	for (const p of plan.stopLoading) steps.push(stopStep(p, env, null, false));
	if (plan.stop.length > 0) {
		steps.push(drainStep(plan.stop, env, controls));
		for (const p of plan.stop) steps.push(stopStep(p, env, lastLoadMs[p.name] ?? null));
	}
	if (plan.stop.length > 0 || plan.stopLoading.length > 0) steps.push(memoryStep(plan.stop, plan.target, env, controls, measures));
	steps.push(startStep(plan.target, env, lastLoadMs[plan.target.name] ?? null, measures));
	const job: Job = {
		kind: 'swap',
		title: `swap to ${plan.target.name}`,
		hostId,
		mutating: true,
		plan: plan.lines,
		steps,
		summary: () => `${plan.target.name} serves ${plan.target.servedModel}${measures.loadMs === null ? '' : ` (loaded in ${formatDuration(measures.loadMs)})`}`,
	};
	return {job, measures};
}
