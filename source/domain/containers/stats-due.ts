// Which visible containers get a stats request on this tick. Each one-shot request costs dockerd a
// cgroup read and an HTTP exchange, so rows are sampled every `everyMs` (2 s by default, like btop)
// instead of every tick; a row without a CPU figure yet (new on screen: one-shot stats carry no
// previous sample) is sampled on every tick until it has one, so numbers appear within a second.

import type {ContainerStats} from './types.js';

export function statsDue(
	ids: readonly string[],
	stats: Readonly<Record<string, ContainerStats | undefined>>,
	lastAt: ReadonlyMap<string, number>,
	now: number,
	everyMs: number,
	tickMs: number,
): string[] {
	// Half a tick of slack: a 2 s interval on a 1 s tick samples every second tick, not every third.
	const slack = tickMs / 2;
	return ids.filter(id => {
		if ((stats[id]?.cpuPercent ?? null) === null) return true;
		return now - (lastAt.get(id) ?? -Infinity) >= everyMs - slack;
	});
}
