// One engine row opened into its detail (Enter in Throughput, Cache or Memory): every figure the
// three panels show for it, also those a narrow panel drops (the sparkline, the expected rate, the
// radix size), each with its name in words and, in brackets, the list's short header for it, so the
// detail is also the legend of the list.

import type {RowField} from '../domain/list/fields.js';
import type {EngineRow} from '../store/slices/engines.js';
import type {Glyphs, Token} from '../theme/tokens.js';
import type {AppState} from '../store/index.js';
import {selectedRow} from '../store/slices/engines.js';
import {formatBytes, formatDuration, formatPercent, formatRate} from '../domain/format.js';
import {sparkline} from '../domain/sparkline.js';
import {downText} from './engines-common.js';
import {rowNote} from './throughput/lines.js';

function tokens(n: number | undefined): string {
	return n === undefined ? '–' : `${Math.round(n).toLocaleString('en-US')} tok`;
}

export function engineFields(r: EngineRow, spark: readonly string[], now: number): RowField<Token>[] {
	const f = r.figures;
	const g = f?.gauges ?? {};
	const history = r.tpsHistory;
	const fields: RowField<Token>[] = [
		{label: 'Engine', value: `${r.name}${r.kind ? ` (${r.kind}${r.version ? ` ${r.version}` : ''})` : ''} · ${downText(r) ?? r.state}`, tone: r.state === 'unreachable' ? 'error' : 'title'},
		{label: 'Model', value: r.model ?? '–'},
		{label: 'URL', value: `${r.url}${r.via ? ` (figures from ${r.via})` : ''}`},
		{label: 'Decode', value: `${formatRate(f?.decodeTps)} tok/s (TOK/S), expected ${r.expectedTps ? formatRate(r.expectedTps) : '–'} (EXP)`},
		{label: 'Last 60 s', value: history.length ? `${sparkline(history, Math.min(20, history.length), spark, Math.max(r.expectedTps ?? 0, ...history))} max ${formatRate(Math.max(...history))}` : 'no samples yet', tone: 'spark'},
		{label: 'First token', value: `median ${formatDuration(f?.ttftP50Ms)}, p95 ${formatDuration(f?.ttftP95Ms)} (TTFT)`},
		{label: 'Requests', value: `${f?.running ?? '–'} running, ${f?.queued ?? '–'} queued (R/Q)`},
		{label: 'Prefix hit', value: `${formatPercent(f?.cacheHitRatio ?? null)} (60 s), ${formatPercent(f?.cacheHitRatioLifetime ?? null)} since start`},
		{label: 'KV cache', value: `${formatPercent(g.kvUsage, 1)} used · radix ${tokens(g.radixTokens)}${g.maxTotalTokens ? ` of ${tokens(g.maxTotalTokens)}` : ''}`},
		{label: 'Memory', value: r.memory?.items.length ? r.memory.items.map(i => `${i.label} ${formatBytes(i.bytes)}`).join(', ') : 'not reported'},
	];
	if (r.bench) fields.push({label: 'Benchmark', value: r.bench.error ?? `TTFT ${formatDuration(r.bench.ttftMs)}, ${formatRate(r.bench.decodeTps)} tok/s${r.bench.estimated ? ' (est.)' : ''}`, tone: r.bench.error ? 'error' : 'info'});
	const note = rowNote(r, now);
	if (note && !downText(r)) fields.push({label: 'Note', value: note.text, tone: note.tone});
	return fields;
}

/** The engine lists' `fields`: the selected engine's every figure. */
export function selectedEngineFields(state: AppState, glyphs: Glyphs): RowField<Token>[] | null {
	const row = selectedRow(state.engines);
	return row ? engineFields(row, glyphs.spark, Date.now()) : null;
}
