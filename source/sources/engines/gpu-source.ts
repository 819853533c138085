// GPU memory from nvidia-smi when it is installed. On a DGX Spark it reports memory as N/A: the
// panel then shows "unified (N/A)", never 0. Run on the source's host.

import {NVIDIA_SMI_ARGS, parseNvidiaSmi} from '../../domain/engines/nvidia-smi.js';
import {update} from '../../store/index.js';
import type {Source, SourceContext} from '../types.js';

const EVERY_MS = 10_000;

export function createGpuSource(ctx: SourceContext, command = ctx.env['STACKDECK_NVIDIA_SMI'] ?? 'nvidia-smi'): Source {
	let lastAt = -Infinity;
	let absent = false;
	return {
		id: 'engines.gpu',
		panels: ['memory'],
		async poll() {
			const now = Date.now();
			if (absent || now - lastAt < EVERY_MS) return;
			lastAt = now;
			try {
				const {exitCode, stdout, stderr} = await ctx.host.exec(command, NVIDIA_SMI_ARGS, {timeoutMs: 3000});
				if (exitCode !== 0) throw new Error(`exit ${exitCode ?? 'by a signal'}${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
				const gpus = parseNvidiaSmi(stdout);
				update(ctx.store, 'engines', s => ({...s, gpus, gpuNote: gpus.length ? null : 'nvidia-smi listed no GPU'}));
			} catch (error) {
				const code = (error as {code?: string}).code;
				if (code === 'ENOENT') absent = true;
				const note = code === 'ENOENT' ? 'no nvidia-smi on this host' : `nvidia-smi failed: ${(error as Error).message.split('\n')[0]}`;
				update(ctx.store, 'engines', s => ({...s, gpus: null, gpuNote: note}));
			}
		},
	};
}
