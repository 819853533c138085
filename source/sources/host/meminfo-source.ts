// Host memory source: reads the host's /proc/meminfo (or [memory] meminfo_path; STACKDECK_MEMINFO wins) on
// each tick while the Memory panel is visible.

import {MemInfoError, parseMeminfo} from '../../domain/meminfo.js';
import {update} from '../../store/index.js';
import {applyHostError, applyMeminfo} from '../../store/slices/host.js';
import type {Source, SourceContext} from '../types.js';
import {LOCAL_HOST_ID} from '../../domain/host-id.js';

/** STACKDECK_MEMINFO stands in for this machine's file only, not another host's. */
/** A read of another host's meminfo gives up after this long: a frozen box says so instead of keeping old figures. */
export const MEMINFO_READ_MS = 5000;

export function createMeminfoSource(ctx: SourceContext, file = (ctx.host.id === LOCAL_HOST_ID ? ctx.env['STACKDECK_MEMINFO'] : undefined) ?? ctx.config.memory.meminfo_path): Source {
	return {
		id: 'host.meminfo',
		panels: ['memory'],
		async poll() {
			const now = Date.now();
			try {
				const mem = parseMeminfo(await ctx.host.files.readFile(file, {maxBytes: 64 * 1024, timeoutMs: MEMINFO_READ_MS}), file);
				update(ctx.store, 'host', h => applyMeminfo(h, ctx.host.id, mem, now));
			} catch (error) {
				const message =
					error instanceof MemInfoError
						? error.message
						: `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); host memory needs Linux /proc`;
				update(ctx.store, 'host', h => applyHostError(h, ctx.host.id, message, now));
			}
		},
	};
}
