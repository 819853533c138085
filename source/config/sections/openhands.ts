// Where OpenHands keeps its state and config; discovered from the container when not set.
import {z} from 'zod';

export const openhandsSection = z
	.strictObject({
		state_dir: z.string().optional(),
		config_toml: z.string().optional(),
	})
	.prefault({});
