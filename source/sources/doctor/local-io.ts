// This machine as the Doctor sees it: the host's Docker client (DOCKER_HOST as the docker CLI reads
// it), with the reason when there is none. The host's owner closes its connections.

import type {Config} from '../../config/schema.js';
import type {Host} from '../../hosts/host.js';
import {createLocalIo, type DoctorIo} from './io.js';

export function openLocalIo(host: Host, config: Config, env: NodeJS.ProcessEnv): DoctorIo {
	if (!config.docker.enabled) return createLocalIo(null, 'disabled', null, env);
	try {
		const link = host.docker();
		return createLocalIo(link.docker, link.endpoint, null, env);
	} catch (error) {
		return createLocalIo(null, env['DOCKER_HOST'] ?? 'DOCKER_HOST', (error as Error).message, env);
	}
}
