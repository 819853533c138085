// Every source the cockpit runs. Each feature adds its factory here.

import type {Source, SourceContext} from './types.js';
import {createMeminfoSource} from './host/meminfo-source.js';
import {createOpenhandsSource} from './openhands/openhands-source.js';
import {createAiderSource} from './aider/aider-source.js';
import {createEngineSources} from './engines/index.js';
import {createDockerSource} from './docker/docker-source.js';
import {createDoctorSource} from './doctor/doctor-source.js';
import {createContractSource} from './swap/contract-source.js';

export function createSources(ctx: SourceContext): Source[] {
	return [createMeminfoSource(ctx), createOpenhandsSource(ctx), createAiderSource(ctx), ...createEngineSources(ctx), createDockerSource(ctx), createDoctorSource(ctx), createContractSource(ctx)];
}
