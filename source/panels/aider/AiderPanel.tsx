// Aider panel: session tabs, the session's title line (status, tokens, cost, commits, last error),
// and the terminal pane itself. With no session, what to press and what is missing.

import React, {useEffect} from 'react';
import {Box} from 'ink';
import {useAppState, useCockpit} from '../../ui/context.js';
import {Line, Span} from '../../ui/widgets/Line.js';
import {TerminalView} from '../../terminal-pane/TerminalView.js';
import {displayKey} from '../../commands/keys.js';
import {wrapWords} from '../../domain/format.js';
import type {PanelProps} from '../types.js';
import {exitText, lastError, titleLine} from './summary.js';
import {DEFAULT_RELEASE, RELEASE_COMMAND, usePaneInput} from './use-pane-input.js';

export function AiderPanel({width, height, focused}: PanelProps) {
	const {store, registry, services} = useCockpit();
	const aider = useAppState(s => s.aider);
	const capture = useAppState(s => s.ui.capture);
	const manager = services.aider;
	const active = aider.sessions.find(s => s.id === aider.activeId);
	const pane = manager.pane(active?.id);
	const releaseKey = registry.keysFor(RELEASE_COMMAND)[0] ?? DEFAULT_RELEASE;
	const captured = capture && focused && !!pane && !pane.exit;
	usePaneInput(store, pane, captured, releaseKey);

	const paneRows = Math.max(1, height - 2);
	useEffect(() => {
		if (width > 0 && height > 2) manager.resize(width, paneRows);
	}, [manager, width, paneRows, height]);

	if (!active || !pane) {
		const rows: React.ReactNode[] = [];
		// Wrapped: what is missing and what to do must be readable whole on a phone.
		if (aider.error) wrapWords(aider.error, width, Math.max(1, height - 2)).forEach((text, i) => rows.push(<Line key={`err${i}`} tone="error">{text}</Line>));
		rows.push(
			<Line key="n" tone="muted">
				{'n  new Aider session'}
			</Line>,
			<Line key="t" tone="muted">
				{'stackdeck term -- CMD  hosts any command'}
			</Line>,
		);
		return (
			<Box flexDirection="column" width={width} height={height} overflow="hidden">
				{rows.slice(0, height)}
			</Box>
		);
	}

	const tabs = aider.sessions.map((s, i) => `${i + 1}:${s.title}${s.status === 'exited' ? '✕' : ''}`);
	const error = lastError(active);
	const hint = captured ? `${displayKey(releaseKey)} release` : pane.scroll > 0 ? `scrolled ${pane.scroll}` : 'Enter type';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line>
				{tabs.map((t, i) => (
					<Span key={i} tone={aider.sessions[i]!.id === active.id ? 'title' : 'muted'} inverse={aider.sessions[i]!.id === active.id}>
						{`${t}`}
					</Span>
				))}
				<Span tone="muted">{` ${hint}`}</Span>
			</Line>
			{error ? (
				<Line tone="error">{`${exitText(active)} · ${error}`}</Line>
			) : (
				<Line tone={active.status === 'exited' ? (active.exitCode === 0 ? 'muted' : 'warn') : 'info'}>{titleLine(active)}</Line>
			)}
			<TerminalView session={pane} width={width} height={paneRows} cursor={captured} />
		</Box>
	);
}
