// Host memory for the Memory panel: the /proc/meminfo-format file to read (the demo points it at
// the simulated Spark's).
import {z} from 'zod';

export const memorySection = z
	.strictObject({
		meminfo_path: z.string().min(1).default('/proc/meminfo'),
	})
	.prefault({});
