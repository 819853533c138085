// How Aider sessions are started from the cockpit.
import {z} from 'zod';

export const aiderSection = z
	.strictObject({
		command: z.string().default('aider'),
		extra_args: z.array(z.string()).default([]),
		default_repo: z.string().optional(),
		api_key: z.string().default('not-needed'),
		history_dir: z.string().optional(),
	})
	.prefault({});
