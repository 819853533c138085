// Core settings: look, refresh rate, read-only mode, slow-link mode.
import {z} from 'zod';

export const coreShape = {
	theme: z.string().min(1).default('dark'),
	refresh_ms: z.number().int().min(100).max(60_000).default(1000),
	read_only: z.boolean().default(false),
	ascii: z.union([z.boolean(), z.literal('auto')]).default('auto'),
	layout: z.enum(['auto', 'wide', 'medium', 'phone']).default('auto'),
	/** A slow or metered link: refresh and repaint every 2 s at most (keys still answer at once). */
	slow_link: z.boolean().default(false),
};
