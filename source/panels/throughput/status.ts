// `stackdeck status` records for the Throughput panel.

import {benchLoadText} from '../../domain/engines/bench-load.js';
import type {AppState} from '../../store/index.js';
import type {StatusSection} from '../types.js';
import {formatDuration, formatRate} from '../../domain/format.js';
import {isSlow} from '../../domain/engines/health.js';
import {downText} from '../engines-common.js';
import {sessionTokenTotals} from '../../store/slices/aider.js';

export function throughputStatus(state: AppState): StatusSection {
	const now = Date.now();
	const lines: string[] = [];
	const data = state.engines.rows.map(r => ({
		hostId: r.hostId,
		name: r.name,
		url: r.url,
		kind: r.kind,
		model: r.model,
		state: r.state,
		downSince: r.downSince === null ? null : new Date(r.downSince).toISOString(),
		downReason: r.downReason,
		problem: r.problem,
		decodeTps: r.figures?.decodeTps ?? null,
		prefillTps: r.figures?.prefillTps ?? null,
		running: r.figures?.running ?? null,
		queued: r.figures?.queued ?? null,
		ttftP50Ms: r.figures?.ttftP50Ms ?? null,
		ttftP95Ms: r.figures?.ttftP95Ms ?? null,
		itlMs: r.figures?.itlMs ?? null,
		expectedTps: r.expectedTps,
		bench: r.bench,
		via: r.via ?? 'metrics',
		slow: isSlow(r.slowSince, now),
		models: r.models.map(m => ({model: m.model, decodeTps: m.decodeTps, prefillTps: m.prefillTps, running: m.running, queued: m.queued, ttftP50Ms: m.ttftP50Ms, ttftP95Ms: m.ttftP95Ms, itlMs: m.itlMs})),
	}));
	for (const r of state.engines.rows) {
		const down = downText(r);
		if (down) {
			lines.push(`error: ${r.name} (${r.url}) ${down}`);
			continue;
		}
		const f = r.figures;
		lines.push(
			`${r.name} ${r.kind ?? '?'} ${r.model ?? ''}: ${formatRate(f?.decodeTps)} tok/s decode, ${formatRate(f?.prefillTps)} prefill, TTFT p50 ${formatDuration(f?.ttftP50Ms)} p95 ${formatDuration(f?.ttftP95Ms)}, ITL ${formatDuration(f?.itlMs)}, running ${f?.running ?? '–'} queued ${f?.queued ?? '–'}${r.expectedTps ? `, expected ${formatRate(r.expectedTps)}` : ''}${r.problem ? ` (${r.problem})` : ''}${r.via ? ` [via Prometheus ${r.via}]` : ''}`,
		);
		const b = r.bench;
		if (b) lines.push(`  bench ${new Date(b.at).toISOString()}: ${b.error ? `error: ${b.error}` : `TTFT ${formatDuration(b.ttftMs)}, ${formatRate(b.decodeTps)} tok/s decode${b.estimated ? ' (estimated)' : ''}${benchLoadText(b.load) ? `, ${benchLoadText(b.load)}` : ''}`}`);
	}
	if (lines.length === 0) lines.push('no model server found');
	const aiderSessions = sessionTokenTotals(state.aider);
	for (const t of aiderSessions) lines.push(`aider ${t.title}: ${t.sent} tokens sent, ${t.received} received in ${t.messages} messages`);
	const contract = state.swap.contract;
	if (contract) lines.push(contract.state === 'differs' ? `warning: ${contract.text}` : contract.text);
	return {title: 'Throughput', lines, data: {engines: data, aiderSessions, openhandsContract: contract}};
}
