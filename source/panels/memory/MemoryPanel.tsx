// Memory panel: host memory (unified with the GPU on a DGX Spark), swap, and a 60-sample history.

import {RowDetail} from '../../ui/list/RowDetail.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {useList} from '../../ui/list/use-list.js';
import {listState} from '../../store/slices/lists.js';
import {engineText, filteredEngines, scopedEngines} from '../engines-common.js';
import {memoryList} from './list.js';
import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useTheme} from '../../ui/context.js';
import {Line, Span} from '../../ui/widgets/Line.js';
import {bar, sparkline} from '../../domain/sparkline.js';
import {fit, formatBytes, formatPercent} from '../../domain/format.js';
import type {PanelProps} from '../types.js';
import {engineMemoryLines, gpuLines} from './engine-lines.js';
import {currentMemory, hostScope} from '../../store/slices/host.js';

export function MemoryPanel({width, height}: PanelProps) {
	const host = useAppState(currentMemory);
	const allEngines = useAppState(s => s.engines);
	const column = useAppState(s => hostScope(s).column);
	const only = useAppState(s => hostScope(s).only);
	const engines = useMemo(() => scopedEngines(allEngines, {column, only}), [allEngines, column, only]);
	const hosts = useAppState(s => s.host.list);
	const memory = useAppState(s => s.host.memory);
	const current = useAppState(s => s.host.current);
	const {filter, editing, detail} = useAppState(s => listState(s.lists, 'memory'));
	const view = useList('memory', engines.rows, engineText, engines.selected, height);
	const {glyphs} = useTheme();
	const {mem, error, usedHistory} = host;
	const rows: React.ReactNode[] = [];
	// Wide, several hosts: one line per host first, then the current host's detail.
	if (column) {
		const nameW = Math.min(10, Math.max(...hosts.map(h => h.id.length)) + 1);
		for (const h of hosts) {
			const m = memory[h.id]?.mem;
			const err = memory[h.id]?.error;
			const via = memory[h.id]?.via;
			const used = m && m.totalBytes > 0 ? m.usedBytes / m.totalBytes : 0;
			rows.push(
				<Line key={`host-${h.id}`} tone={err ? 'error' : used >= 0.9 ? 'error' : used >= 0.75 ? 'warn' : 'text'} bold={h.id === current}>
					{`${fit(h.id, nameW)}${m ? `${formatBytes(m.usedBytes)} / ${formatBytes(m.totalBytes)} ${formatPercent(used)}${via ? `  via Prometheus ${via}` : ''}` : err ? `unreadable: ${err}` : 'reading…'}`}
				</Line>,
			);
		}
		rows.push(
			<Line key="host-cur" tone="title">
				{`${current} (h: next host)`}
			</Line>,
		);
	}
	if (mem) {
		const used = mem.totalBytes > 0 ? mem.usedBytes / mem.totalBytes : 0;
		const tone = used >= 0.9 ? 'error' : used >= 0.75 ? 'warn' : 'ok';
		rows.push(
			<Line key="used">
				<Span bold>Used </Span>
				{`${formatBytes(mem.usedBytes)} / ${formatBytes(mem.totalBytes)} `}
				<Span tone={tone} bold>
					{formatPercent(used)}
				</Span>
			</Line>,
			<Line key="bar" tone={tone}>
				{bar(used, width, glyphs.barFull, glyphs.barEmpty)}
			</Line>,
			<Line key="avail" tone="muted">
				{`Avail ${formatBytes(mem.availableBytes)}  cache ${formatBytes(mem.cachedBytes)}${host.via ? `  via ${host.via}` : ''}`}
			</Line>,
			<Line key="swap" tone={mem.swapUsedBytes > 0 ? 'warn' : 'muted'}>
				{mem.swapTotalBytes > 0
					? `Swap  ${formatBytes(mem.swapUsedBytes)} / ${formatBytes(mem.swapTotalBytes)}`
					: 'Swap  none configured'}
			</Line>,
			<Line key="hist-label" tone="muted">{`History (${usedHistory.length}/60 samples, 0-100%)`}</Line>,
			<Line key="hist" tone="spark">
				{sparkline(usedHistory, Math.min(width, 60), glyphs.spark, 1)}
			</Line>,
		);
	} else if (!error) {
		rows.push(
			<Line key="wait" tone="muted">
				Reading /proc/meminfo…
			</Line>,
		);
	}
	// Engines after the host figures; the host part keeps its rows first when space is short.
	const extra = [...gpuLines(engines), ...engineMemoryLines(filteredEngines(engines, filter), true)];
	if (extra.length > 0 && rows.length + 1 < height) {
		rows.push(
			<Line key="eng-h" tone="title">
				Engines
			</Line>,
			...extra.map(l => (
				<Line key={l.key} tone={l.tone}>
					{l.text}
				</Line>
			)),
		);
	}
	if (error) {
		rows.unshift(
			<Line key="err" tone="error">
				{error}
			</Line>,
		);
	}
	if (detail && engines.rows.length > 0) return <RowDetail list={memoryList} width={width} height={height} noun="engine" />;
	const room = height - (filter || editing ? 1 : 0);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{rows.slice(0, room)}
			<FilterLine width={width} view={view} noun="engines" />
		</Box>
	);
}
