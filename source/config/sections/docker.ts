// Docker Engine connection; DOCKER_HOST wins when set, as with the docker CLI.
import {z} from 'zod';

export const dockerSection = z
	.strictObject({
		enabled: z.boolean().default(true),
		host: z.string().optional(),
		socket_path: z.string().default('/var/run/docker.sock'),
	})
	.prefault({});
