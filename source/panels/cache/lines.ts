// Cache panel text: per engine prefix-cache figures (SGLang hit rate from cached/prompt tokens,
// radix size, token usage; vLLM prefix hits/queries and KV usage; llama.cpp what it exposes), then
// the cache and log folders with their filesystems' free space, fitted to the panel's width. With
// several hosts each line names its host (a HOST column), or only the `h` host's lines are given.

import type {DiskDir, EnginesState, EngineRow} from '../../store/slices/engines.js';
import type {Token} from '../../theme/tokens.js';
import {fit, formatBytes, formatPercent} from '../../domain/format.js';
import {inScope, type HostScope} from '../../store/slices/host.js';
import {LOCAL_HOST_ID} from '../../domain/host-id.js';
import {LLAMACPP_NO_KV} from '../../domain/engines/metrics.js';
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
		case 'llamacpp': {
			const kv = g.kvUsage !== undefined ? `KV ${formatPercent(g.kvUsage)}` : LLAMACPP_NO_KV;
			return hitLife !== null ? `${hitText} · ${kv}` : `${kv}; no prefix-cache metrics`;
		}
		case 'ollama':
			return 'no cache metrics (Ollama)';
		default:
			return r.problem ?? 'identifying…';
	}
}

const ALL_HOSTS: HostScope = {column: false, only: null};

/**
 * `s.rows` are the engines shown (already scoped); `scope` picks the folders and says whether
 * lines carry a host column.
 */
export function cacheLines(s: EnginesState, width: number, scope: HostScope = ALL_HOSTS): PanelLine[] {
	const disk = scope.only === null ? s.disk : s.disk.filter(d => inScope(scope, d.hostId));
	const hostW = scope.column ? Math.min(9, Math.max(5, ...s.rows.map(r => r.hostId.length + 1), ...disk.map(d => d.hostId.length + 1))) : 0;
	const host = (id: string) => (hostW ? `${fit(id, hostW - 1)} ` : '');
	const lines: PanelLine[] = [{key: 'h', text: 'Prefix cache', tone: 'title', row: -1, selected: false}];
	s.rows.forEach((r, i) => {
		const selected = i === s.selected;
		const text = `${selected ? '> ' : '  '}${host(r.hostId)}${r.name}: ${engineCacheText(r)}`;
		const low = r.figures?.cacheHitRatio !== null && r.figures?.cacheHitRatio !== undefined && r.figures.cacheHitRatio < 0.3;
		lines.push({key: `e${i}`, text, tone: r.state === 'unreachable' ? 'error' : low ? 'warn' : 'text', row: i, selected});
	});
	if (s.rows.length === 0) lines.push({key: 'none', text: '  no model server found', tone: 'muted', row: -1, selected: false});
	lines.push({key: 'dh', text: `Disk (warn at ${formatBytes(s.warnBytes, 0)})`, tone: 'title', row: -1, selected: false});
	const read = scope.only === null ? Object.keys(s.diskAt).length > 0 : s.diskAt[scope.only] !== undefined;
	if (!read) lines.push({key: 'dw', text: '  measuring folders…', tone: 'muted', row: -1, selected: false});
	else if (disk.length === 0 && scope.only !== null) lines.push({key: 'dn', text: `  no folders watched on ${scope.only} (${scope.only === LOCAL_HOST_ID ? '[cache] dirs' : 'cache_dirs and ssh in its [[hosts]] entry'})`, tone: 'muted', row: -1, selected: false});
	const seenFs = new Set<string>();
	const indent = `    ${' '.repeat(hostW)}`;
	disk.forEach((d, i) => {
		const {text, tone, note} = diskLine(d, s.warnBytes, width - hostW);
		lines.push({key: `d${i}`, text: `  ${host(d.hostId)}${text.slice(2)}`, tone, row: -1, selected: false});
		if (note) lines.push({key: `n${i}`, text: `${indent}${note}`, tone: 'warn', row: -1, selected: false});
		if (d.fsId !== null && !seenFs.has(d.fsId) && d.fsFree !== null) {
			seenFs.add(d.fsId);
			const ratio = d.fsTotal ? d.fsFree / d.fsTotal : 1;
			lines.push({key: `f${i}`, text: `${indent}filesystem: ${formatBytes(d.fsFree)} free of ${formatBytes(d.fsTotal)}`, tone: ratio < 0.1 ? 'warn' : 'muted', row: -1, selected: false});
		}
	});
	return lines;
}

/** "≥1.2 GiB" when the size is a lower bound (walk cut short, or subfolders it could not read). */
export function diskSize(d: DiskDir): string {
	return `${d.partial || d.unreadable.length > 0 ? '≥' : ''}${formatBytes(d.bytes)}`;
}

/**
 * One folder's line, fitted to `width`: the size and the over-the-limit warning always stay in
 * view; the file count, then the "walk cut short" words (the ≥ stays) and then the head of the
 * path give way first. A note (subfolders not read) goes on a line of its own.
 */
export function diskLine(d: DiskDir, warnBytes: number, width: number): {text: string; tone: Token; note: string | null} {
	const lead = `  ${d.isHicache ? 'hicache ' : ''}`;
	if (d.bytes === null) {
		const tail = `: ${d.error ?? 'not measured'}`;
		const room = Math.max(8, width - lead.length - tail.length);
		return {text: lead + shortenPath(d.path, room) + tail, tone: d.hostDown ? 'error' : d.error === 'does not exist' ? 'muted' : 'warn', note: null};
	}
	const over = d.bytes >= warnBytes;
	const size = `: ${diskSize(d)}`;
	const files = ` in ${d.files} ${d.files === 1 ? 'file' : 'files'}`;
	const cut = d.partial ? ' (walk cut short)' : '';
	const warn = over ? ' — over the limit' : '';
	const tone: Token = over || d.unreadable.length > 0 ? 'warn' : 'text';
	const note = unreadableNote(d.unreadable);
	for (const tail of [size + files + cut + warn, size + cut + warn, size + warn]) {
		if (lead.length + d.path.length + tail.length <= width) return {text: lead + d.path + tail, tone, note};
	}
	const tail = size + warn;
	const room = Math.max(8, width - lead.length - tail.length);
	return {text: lead + shortenPath(d.path, room) + tail, tone, note};
}

/** "not counted, cannot read: a (EACCES), b (EIO) and 2 more", or null. */
export function unreadableNote(unreadable: readonly string[]): string | null {
	if (unreadable.length === 0) return null;
	const more = unreadable.length > 3 ? ` and ${unreadable.length - 3} more` : '';
	return `not counted, cannot read: ${unreadable.slice(0, 3).join(', ')}${more}`;
}

/** Keep the end of a path (the folder's own name): "/data/openhands-state/logs" -> "…state/logs". */
export function shortenPath(p: string, width: number): string {
	if (p.length <= width) return p;
	return width <= 1 ? '…' : `…${p.slice(p.length - (width - 1))}`;
}
