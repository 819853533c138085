// The swap planner: from the profiles, what serves now, host memory and past load times, decide
// what a swap to one profile stops, keeps and starts, whether it fits, and the text the user
// confirms. Pure: the caller observes the world and hands the observations in.

import {formatDuration} from '../format.js';
import {describeRuntime, type SwapProfile} from './profile.js';

const GB = 1024 ** 3;

export interface HostMemory {
	totalBytes: number;
	availableBytes: number;
	cachedBytes: number;
}

export interface PlanInput {
	profiles: readonly SwapProfile[];
	/** Names of the profiles that serve now. */
	serving: ReadonlySet<string>;
	/**
	 * Profiles whose server runs but does not serve yet: a load in progress or stuck, such as one a
	 * swap killed half-way left behind. It holds memory the target may need.
	 */
	loading?: ReadonlySet<string>;
	/** From the Memory panel's source; null when it cannot be read (fit not checked). */
	memory: HostMemory | null;
	/** Last measured load time per profile (from the journal). */
	lastLoadMs: Readonly<Record<string, number>>;
	target: string;
	/** Serving profiles outside the target's group to stop as well (the refusal names them). */
	alsoStop?: readonly string[];
	headroomGb: number;
}

export interface SwapPlan {
	target: SwapProfile;
	/** Serving profiles this swap stops (the target's group, plus alsoStop). */
	stop: SwapProfile[];
	/** Loading profiles it stops first (the same groups): not serving, so nothing to drain or restore. */
	stopLoading: SwapProfile[];
	/** Serving profiles that keep running. */
	keep: SwapProfile[];
	fits: boolean;
	/** Memory free once `stop` has stopped, in GB (null without a memory reading). */
	freeAfterGb: number | null;
	/** The fit in one sentence, with its figures. */
	why: string;
	/** Set when the swap must not run: why, and what to do instead. */
	refusal: string | null;
	/** What it will change, one line each (the confirmation). */
	lines: string[];
}

export function gb(bytes: number): number {
	return bytes / GB;
}

function fmtGb(value: number): string {
	return `${Math.round(value)} GB`;
}

function memoryText(p: SwapProfile): string {
	return p.memoryGb === null ? 'memory unknown' : `~${fmtGb(p.memoryGb)}`;
}

/** Stopping these frees enough? The smallest set of `candidates` (largest first) that makes it fit. */
function whatToStop(candidates: SwapProfile[], missingGb: number): SwapProfile[] | null {
	const sorted = [...candidates].filter(p => p.runtime.type !== 'none' && (p.memoryGb ?? 0) > 0).sort((a, b) => (b.memoryGb ?? 0) - (a.memoryGb ?? 0));
	const chosen: SwapProfile[] = [];
	let freed = 0;
	for (const p of sorted) {
		if (freed >= missingGb) break;
		chosen.push(p);
		freed += p.memoryGb ?? 0;
	}
	return freed >= missingGb ? chosen : null;
}

export function planSwap(input: PlanInput): SwapPlan | {error: string} {
	const target = input.profiles.find(p => p.name === input.target);
	if (!target) return {error: `no profile "${input.target}"; known: ${input.profiles.map(p => p.name).join(', ') || 'none (add [profiles.NAME] to the config)'}`};
	const servingProfiles = input.profiles.filter(p => input.serving.has(p.name) && p.name !== target.name);
	const also = new Set(input.alsoStop ?? []);
	const stop = servingProfiles.filter(p => p.group === target.group || also.has(p.name));
	const keep = servingProfiles.filter(p => !stop.includes(p));
	const stopLoading = input.profiles.filter(
		p => input.loading?.has(p.name) && !input.serving.has(p.name) && p.name !== target.name && (p.group === target.group || also.has(p.name)),
	);
	const headroom = input.headroomGb;
	const need = target.memoryGb;
	// A loading server holds up to its size: counted as freed at most that, and the swap's memory
	// stage then waits until the target's need is really free.
	const sizeOf = (list: SwapProfile[]) => list.reduce((sum, p) => sum + (p.memoryGb ?? 0), 0);
	const loadsGb = sizeOf(stopLoading);
	const freedGb = sizeOf(stop) + loadsGb;
	let freeAfterGb: number | null = null;
	let fits = true;
	let why: string;
	let refusal: string | null = null;

	if (input.serving.has(target.name)) {
		why = `${target.name} serves now`;
		refusal = `${target.name} already serves ${target.servedModel}`;
	} else if (need === null) {
		fits = false;
		why = `${target.name} has no memory estimate`;
		refusal = `set memory_gb in [profiles.${target.name}] so that the fit can be checked`;
	} else if (input.memory === null) {
		why = 'host memory unknown (no /proc/meminfo): fit not checked';
	} else {
		const available = gb(input.memory.availableBytes);
		// Never more than the host has (a load counted at its full size may hold only part of it).
		freeAfterGb = Math.min(available + freedGb, gb(input.memory.totalBytes));
		const wanted = need + headroom;
		fits = freeAfterGb >= wanted;
		const freedText = (stop.length > 0 ? ` + ${fmtGb(freedGb - loadsGb)} freed` : '') + (stopLoading.length > 0 ? ` + up to ${fmtGb(loadsGb)} from stopped loads` : '');
		why = `${fits ? 'fits' : 'does not fit'}: ${fmtGb(available)} available${freedText} = ${fmtGb(freeAfterGb)} ${fits ? '>=' : '<'} ${fmtGb(need)} + ${fmtGb(headroom)} headroom (host ${fmtGb(gb(input.memory.totalBytes))})`;
		if (!fits) {
			const missing = wanted - freeAfterGb;
			const extra = whatToStop(keep, missing);
			const cache = gb(input.memory.cachedBytes);
			const cacheHint = cache >= missing ? `; or drop the page cache holding ${fmtGb(cache)} (needs root: sync; echo 3 > /proc/sys/vm/drop_caches)` : '';
			refusal = extra
				? `${fmtGb(missing)} short: stop ${extra.map(p => `${p.name} (${memoryText(p)})`).join(' and ')} too (--also-stop ${extra.map(p => p.name).join(',')})${cacheHint}`
				: `${fmtGb(missing)} short even with every other profile stopped: free memory outside stackdeck's profiles${cacheHint}`;
		}
	}
	if (!refusal && target.runtime.type === 'none') refusal = `${target.name} has no runtime: set container, runtime = "command" with start_command/stop_command, or runtime = "ollama"`;
	if (!refusal && target.url === null) refusal = `${target.name} has no URL: set url or engine in [profiles.${target.name}]`;
	const stuck = stop.find(p => p.runtime.type === 'none');
	if (!refusal && stuck) refusal = `${stuck.name} serves but has no runtime, so it cannot be stopped: stop it by hand or give it a runtime`;

	const last = input.lastLoadMs[target.name];
	const lines = [
		...stopLoading.map(p => `stop ${p.name} (${describeRuntime(p.runtime)}): running but not serving, a load in progress or stuck`),
		...stop.map(p => `stop ${p.name} (${describeRuntime(p.runtime)}, ${memoryText(p)}) once its requests finish`),
		...(stop.length > 0 ? ['wait until its memory is back'] : stopLoading.length > 0 ? [`wait until ${memoryText(target)} is free`] : []),
		`start ${target.name} (${describeRuntime(target.runtime)}, ${memoryText(target)}; last load ${last === undefined ? 'never measured' : formatDuration(last)})`,
		`ready when ${target.url ?? '?'}/v1/models lists ${target.servedModel} and one token comes back`,
		...keep.map(p => `keep ${p.name} running`),
		why,
	];
	return {target, stop, stopLoading, keep, fits, freeAfterGb, why, refusal, lines};
}

export interface ProfileRow {
	name: string;
	serving: boolean;
	/** Its server runs but does not serve (yet). */
	loading: boolean;
	memoryGb: number | null;
	fits: boolean;
	lastLoadMs: number | null;
	/** Why it cannot be chosen (or null). */
	refusal: string | null;
}

/** The `m` list and `stackdeck swap` without a name: every profile with its fit. */
export function listProfiles(input: Omit<PlanInput, 'target'>): ProfileRow[] {
	return input.profiles.map(p => {
		const plan = planSwap({...input, target: p.name});
		const serving = input.serving.has(p.name);
		const loading = !serving && (input.loading?.has(p.name) ?? false);
		if ('error' in plan) return {name: p.name, serving, loading, memoryGb: p.memoryGb, fits: false, lastLoadMs: null, refusal: plan.error};
		return {name: p.name, serving, loading, memoryGb: p.memoryGb, fits: plan.fits, lastLoadMs: input.lastLoadMs[p.name] ?? null, refusal: plan.refusal};
	});
}
