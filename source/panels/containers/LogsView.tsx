// Log viewer: the last lines of one container, stdout and stderr (stderr tinted), known stack
// failures highlighted, long lines folded; only the visible slice is rendered.

import React, {useMemo} from 'react';
import {Box, useInput} from 'ink';
import {useAppState, useCockpit} from '../../ui/context.js';
import {update} from '../../store/index.js';
import {patchLogs} from '../../store/slices/containers.js';
import {Line} from '../../ui/widgets/Line.js';
import {logRows} from './selectors.js';

export function LogsView({width, height}: {width: number; height: number}) {
	const {store} = useCockpit();
	const s = useAppState(st => st.containers);
	const logs = s.logs;
	// Filter typing: the registry's containers.filter.type swallows the key; the character is read here.
	useInput(
		(input, key) => {
			if (key.ctrl || key.meta || key.return || key.escape || key.backspace || key.delete || input.length !== 1 || input < ' ') return;
			update(store, 'containers', c => patchLogs(c, {draft: (c.logs?.draft ?? '') + input}));
		},
		{isActive: logs?.editing === true},
	);
	const info = logs ? s.byId[logs.target] : undefined;
	const body = Math.max(0, height - 1);
	const view = useMemo(() => (logs ? logRows(logs, width, body) : null), [logs, width, body]);
	if (!logs || !view) return <Line tone="muted">No log open</Line>;
	const flags = [logs.follow ? 'follow' : 'paused', logs.timestamps ? 'ts' : '', logs.scroll ? `-${logs.scroll}` : ''].filter(Boolean).join(' ');
	const filter = logs.editing ? `filter: ${logs.draft}_` : logs.filter ? `filter "${logs.filter}" ${view.matched}` : `${logs.lines.length} lines`;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone={logs.editing ? 'accent' : 'muted'} bold={logs.editing}>{`${info?.name ?? logs.target.slice(0, 12)} [${flags}] ${filter}`}</Line>
			{logs.error ? <Line tone="error">{logs.error}</Line> : null}
			{view.rows.slice(logs.error ? 1 : 0).map(r => (
				<Line key={r.key} tone={r.tone}>
					{r.text}
				</Line>
			))}
		</Box>
	);
}
