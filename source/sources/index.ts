// Every source the cockpit runs for one host. Each feature adds its factory here.

import type {Source, SourceContext} from './types.js';
import {createMeminfoSource} from './host/meminfo-source.js';
import {createOpenhandsSource} from './openhands/openhands-source.js';
import {LOCAL_HOST_ID, type Host} from '../hosts/host.js';
import {createEngineSources} from './engines/index.js';
import {createEnginesSource} from './engines/engines-source.js';
import {createDockerSource} from './docker/docker-source.js';
import {createDoctorSource} from './doctor/doctor-source.js';
import {createContractSource} from './swap/contract-source.js';
import {entryHostName, hostConfig} from '../config/host-config.js';
import {createPrometheusMemorySource} from './host/prometheus-memory-source.js';
import {createDiskSource} from './engines/disk-source.js';

export function createSources(base: Omit<SourceContext, 'host'>, host: Host): Source[] {
	const ctx: SourceContext = {...base, host};
	return [createMeminfoSource(ctx), createOpenhandsSource(ctx), ...createEngineSources(ctx), createDockerSource(ctx), createDoctorSource(ctx), createContractSource(ctx)];
}

/**
 * Every host's sources. The first host gets them all; each further host its containers, engines,
 * memory and cache folders, which the store keys by host, and a Doctor running the checks that read
 * them (its results named by host; the GPU and swap-contract slices hold one host's), and its OpenHands
 * sessions when it has a state_dir (rows carrying its id beside the first host's). A host's sources read its own [[hosts]] settings, and their ids carry its
 * name so the scheduler polls each host's on its own: a host that hangs holds up no other.
 */
export function createHostSources(base: Omit<SourceContext, 'host'>, hosts: readonly Host[]): Source[] {
	return hosts.flatMap((host, index) => {
		const entry = base.config.hosts.find(h => h.name === host.id);
		const config = entry ? hostConfig(base.config, entry) : base.config;
		const ctx: SourceContext = {...base, config, host};
		let sources = index === 0 ? createSources({...base, config}, host) : [createMeminfoSource(ctx), createEnginesSource(ctx), createDiskSource(ctx), createDockerSource(ctx), createDoctorSource(ctx, config.memory.meminfo_path, true)];
		// Its OpenHands sessions, when its entry names a state folder: rows of their own in the one Sessions list.
		if (index > 0 && entry?.state_dir) sources.push(createOpenhandsSource(ctx, undefined, undefined, {primary: false, configToml: entry.openhands_config}));
		// With a Prometheus and no ssh, its memory is node_exporter's there, not a file.
		if (entry?.prometheus && !entry.ssh) sources = sources.map(s => (s.id === 'host.meminfo' ? createPrometheusMemorySource(ctx, entry.prometheus!, entryHostName(entry)) : s));
		return host.id === LOCAL_HOST_ID ? sources : sources.map(s => Object.assign(s, {id: `${host.id}/${s.id}`}));
	});
}
