// Every source the cockpit runs for one host. Each feature adds its factory here.

import type {Source, SourceContext} from './types.js';
import {createMeminfoSource} from './host/meminfo-source.js';
import {createOpenhandsSource} from './openhands/openhands-source.js';
import type {Host} from '../hosts/host.js';
import {createEngineSources} from './engines/index.js';
import {createDockerSource} from './docker/docker-source.js';
import {createDoctorSource} from './doctor/doctor-source.js';
import {createContractSource} from './swap/contract-source.js';

export function createSources(base: Omit<SourceContext, 'host'>, host: Host): Source[] {
	const ctx: SourceContext = {...base, host};
	return [createMeminfoSource(ctx), createOpenhandsSource(ctx), ...createEngineSources(ctx), createDockerSource(ctx), createDoctorSource(ctx), createContractSource(ctx)];
}
