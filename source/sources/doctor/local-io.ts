// This machine as the Doctor sees it: the Docker client from the config (DOCKER_HOST as the docker
// CLI reads it), with the reason when there is none.

import Docker from 'dockerode';
import type {Config} from '../../config/schema.js';
import {dockerTarget} from '../../hosts/docker.js';
import {createLocalIo, type DoctorIo} from './io.js';

export function openLocalIo(config: Config, env: NodeJS.ProcessEnv): {io: DoctorIo; close(): void} {
	if (!config.docker.enabled) return {io: createLocalIo(null, 'disabled', null, env), close: () => undefined};
	try {
		const target = dockerTarget(env, config.docker);
		return {io: createLocalIo(new Docker(target.options), target.endpoint, null, env), close: () => target.close()};
	} catch (error) {
		return {io: createLocalIo(null, env['DOCKER_HOST'] ?? 'DOCKER_HOST', (error as Error).message, env), close: () => undefined};
	}
}
