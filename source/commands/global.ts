// Cockpit-wide commands: quit, help, panel jumps, focus, zoom. Panel commands come from each
// panel folder and are listed before these, so a focused panel can take Enter or Esc first.

import {PANEL_IDS, type PanelId} from '../domain/panel-ids.js';
import {update} from '../store/index.js';
import {cycleFocus, focusPanel} from '../store/slices/ui.js';
import {nextHost} from '../store/slices/host.js';
import {patchList} from '../store/slices/lists.js';
import {helpLines, helpSection} from './help-lines.js';
import type {Command, CommandContext} from './registry.js';

const noOverlay = (s: {ui: {overlay: unknown; confirm: unknown}}) => s.ui.overlay === null && s.ui.confirm === null;

/** `panels`: id and title of each panel, in tab order (for the digit keys and their help lines). */
export function globalCommands(panels: readonly {id: PanelId; title: string}[]): Command[] {
	const order = panels.map(p => p.id);
	const commands: Command[] = [
		{
			id: 'app.quit',
			keys: ['q', 'ctrl+c'],
			description: 'Quit stackdeck (asks first while Aider sessions run: they end with it)',
			group: 'Global',
			run: ({store, state, quit}) => {
				const running = state.aider.sessions.filter(s => s.status === 'running');
				if (running.length === 0 || state.ui.confirm) return quit(0);
				// The sessions are child processes of the cockpit: quitting ends them and their unsent work.
				update(store, 'ui', ui => ({
					...ui,
					confirm: {
						title: 'Quit stackdeck',
						body: [
							`${running.length} Aider session${running.length === 1 ? '' : 's'} running: ${running.map(s => s.title).join(', ')}.`,
							'Quitting ends them (their processes die with the cockpit).',
						],
						run: () => quit(0),
					},
				}));
			},
		},
		{
			id: 'host.next',
			keys: ['h'],
			description: 'Next host: the panels show its containers, engines and memory (several hosts configured)',
			group: 'Global',
			when: s => noOverlay(s) && s.host.list.length > 1,
			run: ({store}) => update(store, 'host', nextHost),
		},
		{
			id: 'app.repaint',
			keys: ['ctrl+l'],
			description: 'Repaint the whole screen (after another program wrote over it)',
			group: 'Global',
			run: ({store}) => update(store, 'ui', ui => ({...ui, repaints: ui.repaints + 1})),
		},
		{
			id: 'app.help',
			keys: ['?'],
			description: "Show or hide this help (it opens at the panel's own keys)",
			group: 'Global',
			run: ctx => {
				if (ctx.state.ui.overlay === 'help') return update(ctx.store, 'ui', ui => ({...ui, overlay: null}));
				const title = panels.find(p => p.id === ctx.state.ui.focused)?.title ?? 'Global';
				update(ctx.store, 'lists', l => patchList(l, 'help', {filter: '', editing: false}));
				update(ctx.store, 'ui', ui => ({...ui, overlay: 'help', helpOffset: sectionOf(ctx, title)}));
			},
		},
		{
			id: 'help.section',
			keys: PANEL_IDS.map((_, i) => String(i + 1)),
			description: "Show that panel's keys (help stays open; Esc, then the digit, goes to the panel)",
			group: 'Help',
			when: s => s.ui.overlay === 'help' && s.ui.confirm === null,
			run: ctx => {
				const id = PANEL_IDS[Number(ctx.key) - 1];
				const title = panels.find(p => p.id === id)?.title;
				if (!title) return;
				update(ctx.store, 'lists', l => patchList(l, 'help', {filter: '', editing: false}));
				update(ctx.store, 'ui', ui => ({...ui, helpOffset: sectionOf(ctx, title)}));
			},
		},
		{
			id: 'help.close',
			keys: ['escape', 'enter'],
			description: 'Close help',
			group: 'Help',
			when: s => s.ui.overlay === 'help',
			run: ({store}) => update(store, 'ui', ui => ({...ui, overlay: null})),
		},
		{
			id: 'focus.next',
			keys: ['tab', 'right'],
			description: 'Next panel',
			group: 'Global',
			when: noOverlay,
			run: ({store}) => update(store, 'ui', ui => cycleFocus(ui, order, 1)),
		},
		{
			id: 'focus.prev',
			keys: ['left'],
			description: 'Previous panel',
			group: 'Global',
			when: noOverlay,
			run: ({store}) => update(store, 'ui', ui => cycleFocus(ui, order, -1)),
		},
		{
			id: 'panel.zoom',
			keys: ['enter'],
			description: 'Open the focused panel full size',
			group: 'Global',
			when: s => noOverlay(s) && !s.ui.zoomed && s.ui.layout !== 'phone',
			run: ({store}) => update(store, 'ui', ui => ({...ui, zoomed: true})),
		},
		{
			id: 'panel.back',
			keys: ['escape'],
			description: 'Back (close the zoomed panel)',
			group: 'Global',
			when: s => noOverlay(s) && s.ui.zoomed,
			run: ({store}) => update(store, 'ui', ui => ({...ui, zoomed: false})),
		},
	];
	PANEL_IDS.forEach((id, i) => {
		const title = panels.find(p => p.id === id)?.title ?? id;
		commands.push({
			id: `panel.${id}`,
			keys: [String(i + 1)],
			description: `Go to ${title}`,
			group: 'Global',
			when: noOverlay,
			run: ({store}) => update(store, 'ui', ui => focusPanel(ui, id)),
		});
	});
	return commands;
}

/** Help's first line for a panel's keys, from the commands as bound (the registry's order). */
function sectionOf(ctx: CommandContext, group: string): number {
	return ctx.commands ? helpSection(helpLines(ctx.commands), group) : 0;
}
