// The root view: plans the layout from the live terminal size, then draws header, panels (or an
// overlay) and the tab strip. It holds no data of its own: everything comes from the store.

import React, {useEffect, useMemo} from 'react';
import {Box, useInput} from 'ink';
import {planLayout, type LayoutMode} from '../domain/layout.js';
import {PANEL_IDS} from '../domain/panel-ids.js';
import {update} from '../store/index.js';
import {setVisible} from '../store/slices/ui.js';
import {keyNames} from '../commands/keys.js';
import {dispatchKey} from '../commands/dispatch.js';
import {useAppState, useCockpit} from './context.js';
import {useTerminalSize} from './use-terminal-size.js';
import {PanelFrame} from './PanelFrame.js';
import {Header} from './Header.js';
import {TabStrip} from './TabStrip.js';
import {HelpOverlay} from './HelpOverlay.js';
import {ConfirmDialog} from './ConfirmDialog.js';
import {TooSmall} from './TooSmall.js';

export interface AppProps {
	/** Force a layout instead of choosing by size ("auto" chooses). */
	layout?: 'auto' | Exclude<LayoutMode, 'too-small'>;
	/** Override the measured size (tests). */
	size?: {cols: number; rows: number};
	/** Shown after the name: "demo" on the simulated stack. */
	label?: string;
}

export function App({layout = 'auto', size, label}: AppProps) {
	const cockpit = useCockpit();
	const {store, registry, quit, panels, services} = cockpit;
	const measured = useTerminalSize();
	const {cols, rows} = size ?? measured;
	const ui = useAppState(s => s.ui);
	const plan = useMemo(
		() => planLayout(cols, rows, PANEL_IDS, ui.focused, ui.zoomed, layout === 'auto' ? undefined : layout),
		[cols, rows, ui.focused, ui.zoomed, layout],
	);

	useEffect(() => {
		update(store, 'ui', u => setVisible(u, plan.mode, plan.slots.map(s => s.panel)));
	}, [store, plan]);

	useInput(
		(input, key) => {
			for (const name of keyNames(input, key)) dispatchKey(name, {store, registry, services, quit});
		},
		{isActive: !ui.capture},
	);

	if (plan.mode === 'too-small') return <TooSmall cols={cols} rows={rows} />;

	const overlay = ui.confirm ? 'confirm' : ui.overlay;
	const body = overlay ? (
		<PanelFrame index={0} title={overlay === 'help' ? 'Help' : 'Confirm'} width={plan.frameWidth} height={plan.bodyHeight} focused>
			{overlay === 'help' ? (
				<HelpOverlay width={plan.frameWidth - 2} height={plan.bodyHeight - 2} />
			) : (
				<ConfirmDialog width={plan.frameWidth - 2} height={plan.bodyHeight - 2} />
			)}
		</PanelFrame>
	) : (
		<Grid plan={plan} focused={ui.focused} />
	);

	return (
		<Box flexDirection="column" width={plan.frameWidth} height={plan.frameHeight} overflow="hidden">
			<Header width={plan.frameWidth} label={label} />
			<Box flexDirection="column" width={plan.frameWidth} height={plan.bodyHeight} overflow="hidden">
				{body}
			</Box>
			<TabStrip panels={panels} width={plan.frameWidth} />
		</Box>
	);
}

function Grid({plan, focused}: {plan: ReturnType<typeof planLayout>; focused: string}) {
	const {panels} = useCockpit();
	const state = useAppState(s => s);
	const rowsByY = new Map<number, typeof plan.slots>();
	for (const slot of plan.slots) rowsByY.set(slot.y, [...(rowsByY.get(slot.y) ?? []), slot]);
	return (
		<>
			{[...rowsByY.entries()].map(([y, slots]) => (
				<Box key={y} flexDirection="row" height={slots[0]!.height} width={plan.frameWidth}>
					{slots.map(slot => {
						const def = panels.find(p => p.id === slot.panel)!;
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
								badge={def.badge?.(state)}
							>
								<Component width={Math.max(0, slot.width - 2)} height={Math.max(0, slot.height - 2)} focused={slot.panel === focused} />
							</PanelFrame>
						);
					})}
				</Box>
			))}
		</>
	);
}
