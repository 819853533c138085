// Builds the services once per run (hosts, the Aider manager, benchmarks, jobs) and lets go of them at the
// end. The runtime is the only place that makes them; everything else is handed them.

import type {Config} from '../config/schema.js';
import {createLocalHost} from '../hosts/local.js';
import {createConfiguredHost} from '../hosts/configured.js';
import {setHosts} from '../store/slices/host.js';
import type {TargetOptions} from '../hosts/docker.js';
import type {Services} from '../services/types.js';
import {AiderManager} from '../sources/aider/manager.js';
import {createBenchRunner} from '../sources/engines/bench-action.js';
import {createJobsService} from '../jobs/service.js';
import type {AppStore} from '../store/index.js';

export interface ServiceOptions {
	store: AppStore;
	config: Config;
	env: NodeJS.ProcessEnv;
	/** Docker connection settings (tests shorten the connect deadline). */
	dockerTarget?: TargetOptions;
}

export function createServices(options: ServiceOptions): Services {
	const {store, config, env} = options;
	// This machine (unless [local] enabled = false), then each [[hosts]] entry in order.
	const targetOptions = options.dockerTarget ? {targetOptions: options.dockerTarget} : {};
	const local = config.local.enabled ? [createLocalHost({env, docker: config.docker, ...targetOptions})] : [];
	const hosts = [...local, ...config.hosts.map(entry => createConfiguredHost(entry, env, options.dockerTarget))];
	store.setState(s => ({host: setHosts(s.host, hosts.map(h => ({id: h.id, label: h.label})))}));
	return {hosts, aider: new AiderManager(store, config, env), bench: createBenchRunner(store), jobs: createJobsService(store)};
}

/** Stops every session the Aider manager started and closes every host's connections. */
export function closeServices(services: Services): void {
	services.aider.dispose();
	for (const host of services.hosts) host.close();
}
