// Top row: name, read-only badge, and the latest notice, or where you are and the keys that matter.
// A notice leaves after NOTICE_MS; an error stays until a key is pressed (the dispatcher clears it);
// every notice stays in the `!` log.

import React, {useEffect} from 'react';
import {Box} from 'ink';
import {update} from '../store/index.js';
import {displayKey} from '../commands/keys.js';
import {dismissNotice, NOTICE_MS} from '../store/slices/ui.js';
import {useAppState, useCockpit} from './context.js';
import {headerHint} from './header-hint.js';
import {Line, Span} from './widgets/Line.js';
import {hostTagsText} from '../store/host-summary.js';
import {cellWidth} from '../domain/list/cells.js';

export function Header({width, label}: {width: number; label?: string | undefined}) {
	const {store, panels, registry} = useCockpit();
	const ui = useAppState(s => s.ui);
	const notice = ui.notice;
	useEffect(() => {
		if (!notice || notice.level === 'error') return;
		const timer = setTimeout(() => update(store, 'ui', u => dismissNotice(u, notice)), Math.max(0, notice.at + NOTICE_MS - Date.now()));
		return () => clearTimeout(timer);
	}, [store, notice]);
	const index = panels.findIndex(p => p.id === ui.focused);
	const hosts = useAppState(hostTagsText);
	const room = width - 'stackdeck'.length - (ui.readOnly ? ' [read-only]'.length : 0) - cellWidth(hosts);
	// The keys as bound now: a keybindings file that moves quit must not leave the header saying "q".
	const bound = (id: string, fallback: string) => {
		const key = registry.keysFor(id)[0];
		return key ? displayKey(key) : fallback;
	};
	const hint = headerHint(room, {label, index: index + 1, panel: panels[index]?.title ?? '', panels: panels.length, grid: ui.layout !== 'phone', help: bound('app.help', '?'), quit: bound('app.quit', 'q')});
	return (
		<Box width={width} height={1}>
			<Line>
				<Span tone="title" bold>
					stackdeck
				</Span>
				{ui.readOnly ? <Span tone="warn"> [read-only]</Span> : null}
				{hosts ? <Span tone="accent">{hosts}</Span> : null}
				{notice ? <Span tone={notice.level === 'info' ? 'muted' : notice.level}>{`  ${notice.text}`}</Span> : <Span tone="muted">{hint}</Span>}
			</Line>
		</Box>
	);
}
