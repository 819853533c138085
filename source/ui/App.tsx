// The root view: plans the layout from the live terminal size, then draws header, panels (or an
// overlay) and the tab strip. It holds no data of its own: everything comes from the store.

import React, {useEffect, useMemo} from 'react';
import {Box, useInput} from 'ink';
import {layoutMode, planLayout, type LayoutMode, type PanelWants} from '../domain/layout.js';
import {PANEL_IDS, isPanelId} from '../domain/panel-ids.js';
import type {AppState} from '../store/index.js';
import type {PanelView} from './panel-view.js';
import {update} from '../store/index.js';
import {setVisible} from '../store/slices/ui.js';
import {hasRunningJob} from '../store/slices/jobs.js';
import {keyNames} from '../commands/keys.js';
import {dispatchKey} from '../commands/dispatch.js';
import {sameItems, useAppState, useAppStateBy, useCockpit} from './context.js';
import {useTerminalSize} from './use-terminal-size.js';
import {PanelFrame} from './PanelFrame.js';
import {Header} from './Header.js';
import {TabStrip} from './TabStrip.js';
import {HelpOverlay} from './HelpOverlay.js';
import {SwapOverlay} from './SwapOverlay.js';
import {ConfirmDialog} from './ConfirmDialog.js';
import {NoticeLog} from './NoticeLog.js';
import {JobsLine} from './JobsLine.js';
import {TooSmall} from './TooSmall.js';

export interface AppProps {
	/** Force a layout instead of choosing by size ("auto" chooses). */
	layout?: 'auto' | Exclude<LayoutMode, 'too-small'>;
	/** Override the measured size (tests). */
	size?: {cols: number; rows: number};
	/** Shown after the name: "demo" on the simulated stack. */
	label?: string;
	/** The focused panel alone, on the whole frame: no header, no tab strip (--panel, a tmux pane). */
	single?: boolean;
}

export function App({layout = 'auto', size, label, single = false}: AppProps) {
	const cockpit = useCockpit();
	const {store, registry, quit, panels, services} = cockpit;
	const measured = useTerminalSize();
	const {cols, rows} = size ?? measured;
	const ui = useAppState(s => s.ui);
	// A running job takes one row under the header; the layout mode stays the one the full size gives.
	const jobRows = useAppState(s => (hasRunningJob(s.jobs) ? 1 : 0));
	const natural = layoutMode(cols, rows);
	const forced = layout !== 'auto' ? layout : natural === 'too-small' ? undefined : natural;
	// Rows each panel has to show, measured at the width a grid column would give it: space goes by them.
	const columnWidth = Math.max(1, Math.floor(cols / (forced === 'wide' ? 3 : forced === 'medium' ? 2 : 1)) - 2);
	const wants = useAppState(s => wantsKey(panels, s, columnWidth));
	const plan = useMemo(() => {
		// --panel: one panel fills the frame, with no header (a tmux pane shows just that panel).
		const planned = planLayout(cols, rows - (single ? 0 : jobRows), PANEL_IDS, ui.focused, single || ui.zoomed, forced, parseWants(wants));
		if (!single || planned.mode === 'too-small') return planned;
		return {...planned, bodyHeight: planned.frameHeight, slots: planned.slots.map(s => ({...s, height: planned.frameHeight}))};
	}, [cols, rows, jobRows, ui.focused, ui.zoomed, forced, single, wants]);

	useEffect(() => {
		update(store, 'ui', u => setVisible(u, plan.mode, plan.slots.map(s => s.panel)));
	}, [store, plan]);

	// With several hosts the swap window says which one it swaps on (the one `h` chose).
	const swapHost = useAppState(s => (s.host.list.length > 1 ? s.host.current : null));
	useInput(
		(input, key) => {
			cockpit.onInput?.();
			for (const name of keyNames(input, key)) dispatchKey(name, {store, registry, jobs: cockpit.jobs, services: cockpit.services, quit});
		},
		{isActive: !ui.capture},
	);

	if (plan.mode === 'too-small') return <TooSmall cols={cols} rows={rows} />;

	const overlay = ui.confirm ? 'confirm' : ui.overlay;
	const inner = {width: plan.frameWidth - 2, height: plan.bodyHeight - 2};
	const body = overlay ? (
		<PanelFrame index={0} title={overlay === 'swap' && swapHost ? `${OVERLAY_TITLES.swap} on ${swapHost}` : OVERLAY_TITLES[overlay]} width={plan.frameWidth} height={plan.bodyHeight} focused>
			{overlay === 'help' ? <HelpOverlay {...inner} /> : overlay === 'log' ? <NoticeLog {...inner} /> : overlay === 'swap' ? <SwapOverlay {...inner} /> : <ConfirmDialog {...inner} />}
		</PanelFrame>
	) : (
		<Grid plan={plan} focused={ui.focused} />
	);

	if (single) {
		return (
			<Box flexDirection="column" width={plan.frameWidth} height={plan.frameHeight} overflow="hidden">
				{body}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={plan.frameWidth} height={plan.frameHeight + jobRows} overflow="hidden">
			<Header width={plan.frameWidth} label={label} />
			{jobRows ? <JobsLine width={plan.frameWidth} /> : null}
			<Box flexDirection="column" width={plan.frameWidth} height={plan.bodyHeight} overflow="hidden">
				{body}
			</Box>
			<TabStrip panels={panels} width={plan.frameWidth} />
		</Box>
	);
}

const OVERLAY_TITLES = {help: 'Help', log: 'Jobs and notices', swap: 'Swap model', confirm: 'Confirm'} as const;

/** The wants as a string, so the store selector re-renders only when a panel's row count changes. */
function wantsKey(panels: readonly PanelView[], state: AppState, width: number): string {
	return panels.map(p => `${p.id}=${p.rows?.(state, width) ?? ''}`).join(',');
}

function parseWants(key: string): PanelWants {
	const out: PanelWants = {};
	for (const part of key.split(',')) {
		const [id, n] = part.split('=');
		if (id && n && isPanelId(id)) out[id] = Number(n);
	}
	return out;
}

function Grid({plan, focused}: {plan: ReturnType<typeof planLayout>; focused: string}) {
	const {panels} = useCockpit();
	// The badges alone, not the whole state: a store change the frame does not show (a session list
	// read again, unchanged) renders nothing; each panel re-renders from its own selection.
	const badges = useAppStateBy(s => plan.slots.map(slot => panels.find(p => p.id === slot.panel)!.badge?.(s)), sameItems);
	// Panels stack in columns, each column as tall as the body.
	const columns = new Map<number, typeof plan.slots>();
	for (const slot of plan.slots) columns.set(slot.x, [...(columns.get(slot.x) ?? []), slot]);
	return (
		<Box flexDirection="row" width={plan.frameWidth} height={plan.bodyHeight}>
			{[...columns.entries()].map(([x, slots]) => (
				<Box key={x} flexDirection="column" width={slots[0]!.width} height={plan.bodyHeight} flexShrink={0}>
					{slots.map(slot => {
						const def = panels.find(p => p.id === slot.panel)!;
						const badge = badges[plan.slots.indexOf(slot)];
						const index = panels.indexOf(def) + 1;
						const Component = def.Component;
						return (
							<PanelFrame
								key={slot.panel}
								index={index}
								title={def.title}
								width={slot.width}
								height={slot.height}
								focused={slot.panel === focused}
								badge={badge}
							>
								<Component width={Math.max(0, slot.width - 2)} height={Math.max(0, slot.height - 2)} focused={slot.panel === focused} />
							</PanelFrame>
						);
					})}
				</Box>
			))}
		</Box>
	);
}
