// Doctor panel: every check, grouped and worst first, with the selected check's evidence and fix
// below the list (Enter: all of it, scrollable). The checks run when the panel is first shown, on a
// slow timer, and on r.

import React, {useEffect, useMemo} from 'react';
import {Box} from 'ink';
import {formatClock} from '../../domain/format.js';
import {useAppState, useCockpit, useTheme} from '../../ui/context.js';
import {update} from '../../store/index.js';
import {setDetailMax} from '../../store/slices/doctor.js';
import {Line} from '../../ui/widgets/Line.js';
import type {PanelProps} from '../types.js';
import {detailLines, listLines, panelOrder, summaryText, type DoctorLine} from './lines.js';
import {filterIndices} from '../../domain/list/filter.js';
import {listState, patchList} from '../../store/slices/lists.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {checkText} from './list.js';

function draw(lines: readonly DoctorLine[], selected: number | null) {
	return lines.map((l, i) => (
		<Line key={i} tone={l.tone} bold={l.bold} inverse={selected !== null && l.check === selected}>
			{l.check !== undefined ? ` ${l.text}` : l.text}
		</Line>
	));
}

export function DoctorPanel({width, height}: PanelProps) {
	const doctor = useAppState(s => s.doctor);
	const {glyphs} = useTheme();
	const {store} = useCockpit();
	const ordered = useMemo(() => panelOrder(doctor.results ?? []), [doctor.results]);
	const current0 = ordered[Math.min(doctor.selected, ordered.length - 1)];
	const detail = useMemo(() => (current0 ? detailLines(current0, width, glyphs.ascii) : []), [current0, width, glyphs.ascii]);
	const max = Math.max(0, detail.length - height);
	// Up after End must move at once: the scroll limit is what this view draws at this size.
	useEffect(() => update(store, 'doctor', s => setDetailMax(s, max, width)), [store, max, width]);
	// The shared `/` filter: the checks whose words match, still grouped and worst first.
	const {filter, editing} = useAppState(s => listState(s.lists, 'doctor'));
	const kept = useMemo(() => filterIndices(ordered.length, i => checkText(ordered[i]!), filter), [ordered, filter]);
	useEffect(() => update(store, 'lists', l => patchList(l, 'doctor', {page: Math.max(1, height - 2)})), [store, height]);
	if (!doctor.results) {
		const text = doctor.error ?? (doctor.running ? 'Running the checks: Docker, engines, files, Tor, git, Aider…' : 'The checks run when this panel is shown; r runs them again.');
		return <Box flexDirection="column"><Line tone={doctor.error ? 'error' : 'muted'}>{text}</Line></Box>;
	}
	const selected = Math.min(doctor.selected, ordered.length - 1);
	const current = ordered[selected];
	if (doctor.open && current) {
		const offset = Math.min(doctor.detailOffset, max);
		const shown = detail.slice(offset, offset + height);
		return <Box flexDirection="column">{draw(shown, null)}</Box>;
	}
	const header: DoctorLine = {
		text: `${summaryText(ordered)}${doctor.at ? ` · ${formatClock(doctor.at)}` : ''}${doctor.running ? ' · running' : ''}`,
		tone: 'muted',
	};
	const keptSet = kept ? new Set(kept) : null;
	const rows = listLines(ordered, glyphs.ascii).filter(l => l.check === undefined || !keptSet || keptSet.has(l.check));
	const filterView = {shown: kept ?? [], matched: kept?.length ?? ordered.length, total: ordered.length, filter, editing, rows: 0};
	const filterRows = filter || editing ? 1 : 0;
	// Room below the list for the selected check: up to half the panel on a tall one.
	const footerRoom = height >= 12 ? Math.floor((height - 1) / 2) : height >= 8 ? 3 : 0;
	const listRoom = Math.max(1, height - 1 - footerRoom - filterRows);
	const at = rows.findIndex(r => r.check === selected);
	const start = Math.max(0, Math.min(at - Math.floor(listRoom / 2), rows.length - listRoom));
	const visible = rows.slice(start, start + listRoom);
	let footer: DoctorLine[] = [];
	if (current && footerRoom > 0) {
		const rest = detail.slice(1);
		footer = rest.length <= footerRoom ? rest : [...rest.slice(0, footerRoom - 1), {text: 'Enter: the whole check', tone: 'accent'}];
	}
	return (
		<Box flexDirection="column">
			{draw([header], null)}
			{draw(visible, selected)}
			<FilterLine width={width} view={filterView} noun="checks" />
			{footer.length > 0 && visible.length < listRoom ? draw(Array.from({length: listRoom - visible.length}, () => ({text: ' ', tone: 'text' as const})), null) : null}
			{draw(footer, null)}
		</Box>
	);
}
