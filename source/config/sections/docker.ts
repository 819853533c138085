// Docker Engine connection; DOCKER_HOST wins when set, as with the docker CLI.
import {z} from 'zod';

export const dockerSection = z
	.strictObject({
		enabled: z.boolean().default(true),
		host: z.string().optional(),
		socket_path: z.string().default('/var/run/docker.sock'),
		/** How often each visible container's CPU and memory are sampled (docker stats: every second). */
		stats_ms: z.number().int().min(500).max(60_000).default(2000),
	})
	.prefault({});
