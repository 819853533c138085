// Memory panel's engine part: GPU memory from nvidia-smi ("unified (N/A)" on a DGX Spark, never 0)
// and what each model server reports about its own memory.

import type {EnginesState} from '../../store/slices/engines.js';
import {formatBytes, formatPercent} from '../../domain/format.js';
import {LLAMACPP_NO_KV} from '../../domain/engines/metrics.js';
import type {Token} from '../../theme/tokens.js';

export interface MemLine {
	key: string;
	text: string;
	tone: Token;
}

export function gpuLines(s: EnginesState): MemLine[] {
	if (!s.gpus) return s.gpuNote ? [{key: 'gpu-note', text: `GPU   ${s.gpuNote}`, tone: 'muted'}] : [];
	return s.gpus.map((g, i) => ({
		key: `gpu${i}`,
		text:
			g.unified || g.totalBytes === null
				? `GPU   ${g.name}: unified (N/A)${g.utilization !== null ? `, util ${g.utilization}%` : ''}`
				: `GPU   ${g.name}: ${formatBytes(g.usedBytes)} / ${formatBytes(g.totalBytes)}${g.utilization !== null ? `, util ${g.utilization}%` : ''}`,
		tone: 'text',
	}));
}

/** `marked`: the selected engine gets "> " (Enter opens it), the others two spaces. */
export function engineMemoryLines(s: EnginesState, marked = false): MemLine[] {
	const mark = (i: number) => (marked ? (i === s.selected ? '> ' : '  ') : '');
	const out: MemLine[] = [];
	s.rows.forEach((r, i) => {
		if (r.state === 'unreachable') {
			out.push({key: `em${i}`, text: `${mark(i)}${r.name}: unreachable`, tone: 'muted'});
			return;
		}
		const parts: string[] = [];
		if (r.memory) {
			for (const item of r.memory.items) {
				const vram = item.vramBytes !== undefined && item.vramBytes < item.bytes ? ` (${formatBytes(item.vramBytes)} on GPU)` : '';
				parts.push(`${item.label} ${formatBytes(item.bytes)}${vram}`);
			}
			if (r.kind === 'ollama' && r.memory.items.length === 0) parts.push('no model loaded');
		}
		const kv = r.figures?.gauges.kvUsage;
		if (kv !== undefined) parts.push(`KV ${formatPercent(kv, 1)}`);
		else if (r.kind === 'llamacpp' && r.figures) parts.push(LLAMACPP_NO_KV);
		out.push({key: `em${i}`, text: `${mark(i)}${r.name}: ${parts.length ? parts.join(', ') : 'no memory figures reported'}`, tone: 'text'});
	});
	return out;
}
