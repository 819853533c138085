// Cache and log folders whose size is watched (defaults from the stack's compose files).
import {z} from 'zod';

export const cacheSection = z
	.strictObject({
		dirs: z.array(z.string()).default(['/data/openhands-state/.sglang/cache', '/data/openhands-state/logs']),
		hicache_dir: z.string().optional(),
		warn_gb: z.number().positive().default(2),
	})
	.prefault({});
