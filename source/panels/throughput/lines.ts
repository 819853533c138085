// Throughput panel text: one row per engine (name, model, tok/s now, 60 s sparkline, TTFT p50,
// running/queued, expected rate) and a note under it when there is something to say, wrapped to the
// panel's width.

import type {Token} from '../../theme/tokens.js';
import type {EnginesState, EngineRow} from '../../store/slices/engines.js';
import {fit, formatDuration, formatRate} from '../../domain/format.js';
import {sparkline} from '../../domain/sparkline.js';
import {cellWidth, fitCells, wrapCells} from '../../domain/list/cells.js';
import {printable} from '../../domain/text/printable.js';
import {isSlow} from '../../domain/engines/health.js';
import {downText} from '../engines-common.js';
import {benchLoadText} from '../../domain/engines/bench-load.js';

/** What a first run without engines sees: where to add one. Wrapped, never cut. */
export const NO_ENGINES = 'No model server found: add engines.list to the config, or start one on 30000/8000/8001/8080/11434.';

export interface PanelLine {
	key: string;
	text: string;
	tone: Token;
	/** Index of the engine this line belongs to. */
	row: number;
	selected: boolean;
}

export function rowNote(r: EngineRow, now: number): {text: string; tone: Token} | null {
	const down = downText(r);
	if (down) return {text: down, tone: 'error'};
	if (isSlow(r.slowSince, now)) return {text: `below half of expected ${formatRate(r.expectedTps)} tok/s: cache misses? see Cache`, tone: 'warn'};
	if (r.problem) return {text: r.problem, tone: 'warn'};
	if (r.benchRunning) return {text: 'bench running…', tone: 'info'};
	if (r.bench) {
		const b = r.bench;
		return b.error
			? {text: `bench: ${b.error}`, tone: 'error'}
			: {text: `bench: TTFT ${formatDuration(b.ttftMs)}, ${formatRate(b.decodeTps)} tok/s${b.estimated ? ' (estimate)' : ''}${benchLoadText(b.load) ? `, ${benchLoadText(b.load)}` : ''}`, tone: 'info'};
	}
	if (r.state === 'probing') return {text: 'identifying…', tone: 'muted'};
	// Ollama has no /metrics: its figures come only from a benchmark.
	if (r.kind === 'ollama' && !r.figures) return {text: 'no Prometheus metrics in Ollama: press b to measure', tone: 'muted'};
	// Figures read through a Prometheus server rather than the engine's own /metrics: say which.
	if (r.via) return {text: `via Prometheus ${r.via}`, tone: 'muted'};
	return null;
}

export function throughputLines(s: EnginesState, width: number, spark: readonly string[], now: number, hostColumn = false): PanelLine[] {
	// Columns shrink with the width: the sparkline and the expected column go first. The figures
	// fit in 5 characters ("94.0", "1.2k", "850ms", "3m04s"), so 6 keeps a space between them. The
	// name column is as wide as the longest name (up to 14): the model gets the rest.
	// The model name takes width by content: the sparkline, then the expected rate, then R/Q give way
	// before it is cut (Enter on the row shows them all). What is still too long is cut in the middle.
	let sparkW = width >= 70 ? 20 : width >= 56 ? 10 : 0;
	let showExp = width >= 50;
	let showRq = true;
	const hostW = hostColumn ? Math.min(9, Math.max(5, ...s.rows.map(r => r.hostId.length + 1))) : 0;
	const longest = Math.max(6, ...s.rows.map(r => r.name.length));
	const longestModel = Math.max(5, ...s.rows.map(r => cellWidth(r.model ?? r.kind ?? '?')));
	const fixedW = () => 2 + hostW + 6 + 6 + (showRq ? 6 : 0) + (sparkW ? sparkW + 1 : 0) + (showExp ? 6 : 0);
	const nameWidth = () => Math.max(6, Math.min(14, longest, Math.floor((width - fixedW()) / 2)));
	const modelRoom = () => width - fixedW() - nameWidth() - 1;
	const wanted = Math.min(longestModel, Math.floor(width / 2));
	// The sparkline narrows by what the model lacks (gone when under 5 cells), then the others drop.
	if (modelRoom() < wanted && sparkW) sparkW -= wanted - modelRoom();
	if (sparkW < 5) sparkW = 0;
	if (modelRoom() < wanted) showExp = false;
	if (modelRoom() < wanted) showRq = false;
	const nameW = nameWidth();
	const modelW = Math.max(0, modelRoom());
	const header =
		'  ' +
		(hostW ? fit('HOST', hostW) : '') +
		fit('ENGINE', nameW) +
		' ' +
		fit('MODEL', modelW) +
		fit('TOK/S', 6, 'right') +
		(sparkW ? ' ' + fit('60s', sparkW) : '') +
		fit('TTFT', 6, 'right') +
		(showRq ? fit('R/Q', 6, 'right') : '') +
		(showExp ? fit('EXP', 6, 'right') : '');
	const lines: PanelLine[] = [{key: 'h', text: header, tone: 'muted', row: -1, selected: false}];
	s.rows.forEach((r, i) => {
		const f = r.figures;
		const selected = i === s.selected;
		const rq = f ? `${f.running ?? '–'}/${f.queued ?? '–'}` : '–';
		const slow = isSlow(r.slowSince, now);
		const text =
			(selected ? '> ' : '  ') +
			(hostW ? fit(r.hostId, hostW - 1) + ' ' : '') +
			fit(r.name, nameW) +
			' ' +
			fitCells(r.model ?? (r.kind ?? '?'), modelW, 'left', 'middle') +
			fit(formatRate(f?.decodeTps), 6, 'right') +
			(sparkW ? ' ' + sparkline(r.tpsHistory, sparkW, spark, Math.max(r.expectedTps ?? 0, ...r.tpsHistory)) : '') +
			fit(formatDuration(f?.ttftP50Ms), 6, 'right') +
			(showRq ? fit(rq, 6, 'right') : '') +
			(showExp ? fit(r.expectedTps ? formatRate(r.expectedTps) : '–', 6, 'right') : '');
		const tone: Token = r.state === 'unreachable' ? 'error' : slow ? 'warn' : 'text';
		lines.push({key: `r${i}`, text, tone, row: i, selected});
		const note = noteLines(r, width, now);
		if (note) note.texts.forEach((text, j) => lines.push({key: `n${i}.${j}`, text, tone: note.tone, row: i, selected: false}));
	});
	return lines;
}

/** The note under an engine's row. A note is a message (a hint, an error in the server's words): it wraps under its row, never cut. */
function noteLines(r: EngineRow, width: number, now: number): {texts: string[]; tone: Token} | null {
	const note = rowNote(r, now);
	if (!note) return null;
	const indent = width >= 60 ? '    ' : '  ';
	return {texts: wrapCells(`${indent}${printable(note.text)}`, width, indent), tone: note.tone};
}

/**
 * How many lines throughputLines gives, without drawing them: the layout asks on every store change,
 * and building every row's text (sparkline, figures) to count them was 4% of the cockpit's busy time.
 */
export function throughputLineCount(s: EnginesState, width: number, now: number): number {
	let count = 1;
	for (const r of s.rows) count += 1 + (noteLines(r, width, now)?.texts.length ?? 0);
	return count;
}

/** The lines to draw in `height` rows: the header, then a window that keeps the selection visible. */
export function visibleLines(lines: PanelLine[], height: number, selected: number): PanelLine[] {
	if (height <= 0) return [];
	const [header, ...body] = lines;
	if (!header) return [];
	const room = height - 1;
	if (body.length <= room) return [header, ...body];
	const at = Math.max(0, body.findIndex(l => l.row === selected));
	const start = Math.max(0, Math.min(body.length - room, at - Math.floor(room / 3)));
	return [header, ...body.slice(start, start + room)];
}
