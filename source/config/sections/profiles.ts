// Model profiles: what each engine serves, how fast it should be and how much memory it needs.
import {z} from 'zod';

export const profileEntry = z.strictObject({
	engine: z.string().min(1),
	served_model_name: z.string().min(1),
	expected_tps: z.number().positive().optional(),
	memory_gb: z.number().positive().optional(),
	container: z.string().optional(),
});

export const profilesSection = z.record(z.string(), profileEntry).default({});
