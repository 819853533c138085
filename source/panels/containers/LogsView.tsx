// Log viewer: the last lines of one container, stdout and stderr (stderr tinted), known stack
// failures highlighted, long lines folded; only the visible slice is rendered. Scrolled and filtered
// (`/`) with the keys every list shares.

import React, {useEffect, useMemo} from 'react';
import {Box} from 'ink';
import {useAppState, useCockpit} from '../../ui/context.js';
import {update} from '../../store/index.js';
import {patchLogs} from '../../store/slices/containers.js';
import {listState, patchList} from '../../store/slices/lists.js';
import {Line} from '../../ui/widgets/Line.js';
import {FilterLine} from '../../ui/list/FilterLine.js';
import {logRows} from './selectors.js';

export function LogsView({width, height}: {width: number; height: number}) {
	const {store} = useCockpit();
	const s = useAppState(st => st.containers);
	const {filter, editing} = useAppState(st => listState(st.lists, 'logs'));
	const logs = s.logs;
	const info = logs ? s.byId[logs.target] : undefined;
	const filterRows = filter || editing ? 1 : 0;
	const body = Math.max(0, height - 1 - filterRows);
	const view = useMemo(() => (logs ? logRows(logs, width, body, filter) : null), [logs, width, body, filter]);
	const maxScroll = view?.maxScroll ?? 0;
	useEffect(() => {
		update(store, 'lists', l => patchList(l, 'logs', {page: Math.max(1, body)}));
		update(store, 'containers', c => (c.logs && (c.logs.maxScroll !== maxScroll || c.logs.scroll > maxScroll) ? patchLogs(c, {maxScroll, scroll: Math.min(c.logs.scroll, maxScroll)}) : c));
	}, [store, body, maxScroll, view?.scroll]);
	if (!logs || !view) return <Line tone="muted">No log open</Line>;
	const flags = [logs.removed ? 'container removed' : logs.follow ? 'follow' : 'paused', logs.timestamps ? 'ts' : '', view.scroll ? `-${view.scroll}` : ''].filter(Boolean).join(' ');
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone={logs.removed ? 'warn' : 'muted'}>{`${info?.name ?? logs.name ?? logs.target.slice(0, 12)} [${flags}] ${logs.lines.length} lines`}</Line>
			{logs.error ? <Line tone="error">{logs.error}</Line> : null}
			{view.rows.slice(logs.error ? 1 : 0).map(r => (
				<Line key={r.key} tone={r.tone}>
					{r.text}
				</Line>
			))}
			<FilterLine width={width} view={{shown: [], matched: view.matched, total: logs.lines.length, filter, editing, rows: body}} noun="lines" />
		</Box>
	);
}
