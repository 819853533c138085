// The container list: grouped by role, live CPU and memory, the selection highlighted, a running
// job's step beside its container. Drawn by the shared list mechanism (columns, window, `/`
// filter). Publishes the ids it shows so that the Docker source fetches stats for those alone.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useTheme} from '../../ui/context.js';
import {Line} from '../../ui/widgets/Line.js';
import {useList} from '../../ui/list/use-list.js';
import {ListRows} from '../../ui/list/ListRows.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {fitColumns, headerText} from '../../domain/list/columns.js';
import {cellWidth, fitCells, truncateCells} from '../../domain/list/cells.js';
import {currentStep} from '../../domain/jobs/record.js';
import {runningJobs} from '../../store/slices/jobs.js';
import {linkOf, staleAge} from '../../store/slices/containers.js';
import {hostScope, inScope} from '../../store/slices/host.js';
import {LOCAL_HOST_ID} from '../../domain/host-id.js';
import {containerColumns, containerText, groupTitle, orderedContainers, selectedIndex, type ContainerCells} from './list.js';
import {useStatsFor} from './use-stats-for.js';

const textOf = (r: ContainerCells) => containerText(r.info);
const keyOf = (r: ContainerCells) => r.info.id;

export function ListView({width, height}: {width: number; height: number}) {
	const {glyphs} = useTheme();
	const s = useAppState(st => st.containers);
	const jobs = useAppState(st => st.jobs);
	const column = useAppState(st => hostScope(st).column);
	const only = useAppState(st => hostScope(st).only);
	const scope = useMemo(() => ({column, only}), [column, only]);
	// Stats only reorder the list when it is sorted by them.
	const sortStats = s.sort === 'cpu' || s.sort === 'memory' ? s.stats : null;
	const ordered = useMemo(() => orderedContainers({byId: s.byId, stats: sortStats ?? {}, sort: s.sort, hideStopped: s.hideStopped}, scope), [s.byId, sortStats, s.sort, s.hideStopped, scope]);
	const all = useMemo(() => Object.values(s.byId).filter(c => inScope(scope, c.hostId)), [s.byId, scope]);
	const busy = useMemo(() => {
		const byTarget = new Map<string, string>();
		for (const job of runningJobs(jobs)) {
			const at = job.target ? currentStep(job) : null;
			if (at) byTarget.set(job.target!, `${at.step.title.split(' (')[0]}…`);
		}
		return byTarget;
	}, [jobs]);
	const items = useMemo(
		() => ordered.map((info): ContainerCells => ({info, stats: s.stats[info.id], busy: busy.get(info.id) ?? null, stale: info.state === 'running' ? staleAge(s, s.stats[info.id]) : null})),
		[ordered, s, busy],
	);
	const counts = useMemo(() => {
		const n = new Map<string, number>();
		for (const c of ordered) n.set(groupTitle(c), (n.get(groupTitle(c)) ?? 0) + 1);
		return n;
	}, [ordered]);
	const cursor = selectedIndex(s, ordered);
	// Group headings take rows of their own: leave room for them.
	const view = useList('containers', items, textOf, cursor, Math.max(0, height - 1 - Math.min(counts.size, 3)));
	useStatsFor(view.shown.map(i => ordered[i]!.id), view.shown[0] ?? 0);

	const columns = useMemo(() => containerColumns({running: glyphs.barFull, other: '·'}, scope.column), [glyphs, scope.column]);
	const fitted = fitColumns(columns, width, view.shown.map(i => items[i]!));
	// The header line: the counts (and a remote daemon's address) above the name, the figures' headers.
	const figures = headerText(fitted.filter(f => f.column.id !== 'mark' && f.column.id !== 'host' && f.column.id !== 'name'));
	const left = Math.max(0, width - cellWidth(figures) - (figures ? 1 : 0));
	const running = all.filter(c => c.state === 'running').length;
	const hidden = all.length - ordered.length;
	// The order and what `a` hides, in the fewest words that fit a phone: "7/9 up, 2 hidden · by cpu".
	const upText = `${running}/${all.length} up${hidden ? `, ${hidden} hidden` : ''}`;
	const sortText = ` · by ${s.sort === 'memory' ? 'mem' : s.sort}`;
	// A daemon on another host is named, so its containers are not mistaken for this machine's; on a
	// phone it wins over the default order's label.
	const endpoint = scope.column ? null : linkOf(s, scope.only ?? LOCAL_HOST_ID).endpoint;
	const isRemote = endpoint !== null && !endpoint.startsWith('unix://');
	const withSort = left - (upText + sortText).length - 3 >= 10 || !isRemote || s.sort !== 'name';
	const countText = withSort ? upText + sortText : upText;
	const room = left - countText.length - 3;
	const remote = isRemote && room >= 10 ? `${truncateCells(endpoint, room)} · ` : '';
	const header = `${fitCells(remote + countText, left, 'right')}${figures ? ` ${figures}` : ''}`;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone="muted">{header}</Line>
			{all.length === 0 ? <Line tone="muted">No containers (docker ps -a is empty)</Line> : ordered.length === 0 ? <Line tone="muted">{`All ${all.length} stopped and hidden: a shows them`}</Line> : null}
			<ListRows
				items={items}
				shown={view.shown}
				selected={cursor}
				columns={columns}
				width={width}
				keyOf={keyOf}
				height={Math.max(0, height - 1 - (view.filter || view.editing ? 1 : 0))}
				header={false}
				group={r => `${groupTitle(r.info)} (${counts.get(groupTitle(r.info)) ?? 0})`}
				rowTone={(_, sel) => (sel ? 'selectionText' : 'text')}
			/>
			<FilterLine width={width} view={view} noun="containers" />
		</Box>
	);
}
