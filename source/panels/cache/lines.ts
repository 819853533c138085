// Cache panel text: per engine prefix-cache figures (SGLang hit rate from cached/prompt tokens,
// radix size, token usage; vLLM prefix hits/queries and KV usage; llama.cpp what it exposes), then
// the cache and log folders with their filesystems' free space.

import type {EnginesState, EngineRow} from '../../store/slices/engines.js';
import {formatBytes, formatPercent} from '../../domain/format.js';
import {downText} from '../engines-common.js';
import type {PanelLine} from '../throughput/lines.js';

function tokens(n: number | undefined): string {
	if (n === undefined) return '–';
	return n >= 10_000 ? `${Math.round(n / 1000)}k` : String(Math.round(n));
}

export function engineCacheText(r: EngineRow): string {
	const down = downText(r);
	if (down) return down;
	const f = r.figures;
	const g = f?.gauges ?? {};
	const hit = f?.cacheHitRatio ?? null;
	const hitLife = f?.cacheHitRatioLifetime ?? null;
	const hitText = `hit ${formatPercent(hit)} (60s), ${formatPercent(hitLife)} total`;
	switch (r.kind) {
		case 'sglang':
			return `${hitText} · radix ${tokens(g.radixTokens)} tok · usage ${formatPercent(g.kvUsage)}${g.maxTotalTokens ? ` of ${tokens(g.maxTotalTokens)}` : ''}`;
		case 'vllm':
			return `prefix ${hitText} · KV ${formatPercent(g.kvUsage, 1)}`;
		case 'llamacpp':
			return hitLife !== null || g.kvUsage !== undefined ? `${hitText} · KV ${formatPercent(g.kvUsage)}` : 'no cache metrics in this llama-server build (see /slots)';
		case 'ollama':
			return 'no cache metrics (Ollama)';
		default:
			return r.problem ?? 'identifying…';
	}
}

export function cacheLines(s: EnginesState, width: number): PanelLine[] {
	const lines: PanelLine[] = [{key: 'h', text: 'Prefix cache', tone: 'title', row: -1, selected: false}];
	s.rows.forEach((r, i) => {
		const selected = i === s.selected;
		const text = `${selected ? '> ' : '  '}${r.name}: ${engineCacheText(r)}`;
		const low = r.figures?.cacheHitRatio !== null && r.figures?.cacheHitRatio !== undefined && r.figures.cacheHitRatio < 0.3;
		lines.push({key: `e${i}`, text, tone: r.state === 'unreachable' ? 'error' : low ? 'warn' : 'text', row: i, selected});
	});
	if (s.rows.length === 0) lines.push({key: 'none', text: '  no model server found', tone: 'muted', row: -1, selected: false});
	lines.push({key: 'dh', text: `Disk (warn at ${formatBytes(s.warnBytes, 0)})`, tone: 'title', row: -1, selected: false});
	if (s.diskAt === null) lines.push({key: 'dw', text: '  measuring folders…', tone: 'muted', row: -1, selected: false});
	const seenFs = new Set<string>();
	s.disk.forEach((d, i) => {
		const size = d.error ? d.error : `${d.partial ? '≥' : ''}${formatBytes(d.bytes)} in ${d.files} files${d.partial ? ' (walk cut short)' : ''}`;
		const over = d.bytes !== null && d.bytes >= s.warnBytes;
		lines.push({key: `d${i}`, text: `  ${d.isHicache ? 'hicache ' : ''}${d.path}: ${size}${over ? ' — over the limit' : ''}`, tone: d.error ? 'muted' : over ? 'warn' : 'text', row: -1, selected: false});
		if (d.fsId !== null && !seenFs.has(d.fsId) && d.fsFree !== null) {
			seenFs.add(d.fsId);
			const ratio = d.fsTotal ? d.fsFree / d.fsTotal : 1;
			lines.push({key: `f${i}`, text: `    filesystem: ${formatBytes(d.fsFree)} free of ${formatBytes(d.fsTotal)}`, tone: ratio < 0.1 ? 'warn' : 'muted', row: -1, selected: false});
		}
	});
	void width;
	return lines;
}
