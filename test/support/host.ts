// The local host for tests that build a source by hand: its Docker from `env` (DOCKER_HOST) or the
// default socket. Close it after the source stops, as the runtime does.

import {defaultConfig} from '../../source/config/schema.js';
import {createLocalHost} from '../../source/hosts/local.js';
import type {Host} from '../../source/hosts/host.js';
import {createDockerSource, type DockerSource} from '../../source/sources/docker/docker-source.js';
import type {SourceContext} from '../../source/sources/types.js';

export function localHost(env: NodeJS.ProcessEnv = {}, docker = defaultConfig().docker): Host {
	return createLocalHost({env, docker});
}

/** A Docker source on a local host of its own (Docker from ctx.env); stopping it closes the host too, as the runtime does at exit. */
export function dockerSourceOnOwnHost(ctx: Omit<SourceContext, 'host'>, backoff?: readonly number[]): DockerSource {
	const host = localHost(ctx.env, ctx.config.docker);
	const source = createDockerSource({...ctx, host}, backoff);
	return {
		...source,
		stop() {
			source.stop?.();
			host.close();
		},
	};
}
