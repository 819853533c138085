// The services the runtime builds once and hands down: commands get them in their CommandContext,
// views through the cockpit context. Nothing below reaches them through a module-level variable.

import type {HostId} from '../domain/host-id.js';
import type {Host} from '../hosts/host.js';
import type {AiderManager} from '../sources/aider/manager.js';
import type {BenchRunner} from '../sources/engines/bench-action.js';
import type {JobsService} from '../jobs/service.js';

export interface Services {
	/** Every box the cockpit watches, `local` first. */
	hosts: readonly Host[];
	/** Aider (and `term`) sessions in terminal panes. */
	aider: AiderManager;
	/** One-request engine benchmarks started from the panels. */
	bench: BenchRunner;
	/** Runs jobs (plan, steps with progress, cancel, undo) into the jobs slice: every change to the stack goes through it. */
	jobs: JobsService;
}

/** The host a record names; the first host when the id is unknown (records made before hosts had ids). */
export function hostFor(services: Services, id: HostId | null | undefined): Host {
	return services.hosts.find(h => h.id === id) ?? services.hosts[0]!;
}
