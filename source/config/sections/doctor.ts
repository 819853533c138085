// The Doctor: how often its checks run in the cockpit, and where to look for what it cannot discover.
import {z} from 'zod';

export const doctorSection = z
	.strictObject({
		/** The checks run on this slow timer while the Doctor panel is on screen (and on r). */
		interval_ms: z.number().int().min(10_000).max(86_400_000).default(300_000),
		/** Folders holding project repositories (default: WORKSPACE_BASE of the openhands container). */
		project_dirs: z.array(z.string()).default([]),
		/** Gitea's app.ini (default: gitea/conf/app.ini in the volume mounted on the gitea container's /data). */
		gitea_app_ini: z.string().optional(),
		/** Aider's conf file (default ~/.aider.conf.yml). */
		aider_conf: z.string().optional(),
	})
	.prefault({});
