// How Aider sessions are started from the cockpit.
import {z} from 'zod';

export const aiderSection = z
	.strictObject({
		command: z.string().default('aider'),
		/** Arguments placed before Aider's own (e.g. a script path when command is node). */
		command_args: z.array(z.string()).default([]),
		extra_args: z.array(z.string()).default([]),
		default_repo: z.string().optional(),
		api_key: z.string().default('not-needed'),
		history_dir: z.string().optional(),
	})
	.prefault({});
