// Keys of the model swap: `m` anywhere opens the profile list; in it, arrows choose, Enter shows
// the plan, y runs it (and then accepts each client offer), f forces past running requests, Esc
// cancels a running swap (it rolls back) or steps back. On the plan, the offers and the outcome,
// arrows scroll: a diff does not fit on a phone.

import {update, type AppState} from '../store/index.js';
import {moveSelection, scrollSwap} from '../store/slices/swap.js';
import {showNotice} from '../store/slices/ui.js';
import type {Command} from './registry.js';

export interface SwapKeysTarget {
	open(): Promise<void>;
	choose(): Promise<void>;
	confirm(): Promise<void>;
	escape(): void;
	force(): void;
}

const inSwap = (s: AppState) => s.ui.overlay === 'swap' && s.ui.confirm === null;
const phase = (s: AppState, ...phases: string[]) => inSwap(s) && phases.includes(s.swap.phase);
/** Phases that show text to read, longer than a phone's screen when a diff is in it. */
const TEXT_PHASES = ['plan', 'clients', 'restart', 'aider', 'done'];

export function swapCommands(swap: SwapKeysTarget): Command[] {
	return [
		{
			id: 'swap.open',
			keys: ['m'],
			description: 'Swap the serving model on the current host (the one h chose): list its profiles',
			group: 'Global',
			when: s => s.ui.overlay === null && s.ui.confirm === null,
			run: () => swap.open(),
		},
		{
			id: 'swap.down',
			keys: ['down', 'j'],
			description: 'Next profile',
			group: 'Swap',
			when: s => phase(s, 'list'),
			run: ({store}) => update(store, 'swap', st => moveSelection(st, 1)),
		},
		{
			id: 'swap.up',
			keys: ['up', 'k'],
			description: 'Previous profile',
			group: 'Swap',
			when: s => phase(s, 'list'),
			run: ({store}) => update(store, 'swap', st => moveSelection(st, -1)),
		},
		{
			id: 'swap.more',
			keys: ['down', 'j'],
			description: 'Scroll the plan, the offer or the outcome down',
			group: 'Swap',
			when: s => phase(s, ...TEXT_PHASES),
			run: ({store}) => update(store, 'swap', st => scrollSwap(st, 1)),
		},
		{
			id: 'swap.less',
			keys: ['up', 'k'],
			description: 'Scroll the plan, the offer or the outcome up',
			group: 'Swap',
			when: s => phase(s, ...TEXT_PHASES),
			run: ({store}) => update(store, 'swap', st => scrollSwap(st, -1)),
		},
		{
			id: 'swap.plan',
			keys: ['enter'],
			description: 'Show the plan for the chosen profile',
			group: 'Swap',
			when: s => phase(s, 'list'),
			run: () => swap.choose(),
		},
		{
			id: 'swap.yes',
			keys: ['y'],
			description: 'Run the swap / accept the offer',
			group: 'Swap',
			mutating: true,
			when: s => phase(s, 'plan', 'clients', 'restart', 'aider') && !(s.swap.phase === 'plan' && s.swap.refusal !== null),
			run: () => swap.confirm(),
		},
		{
			id: 'swap.force',
			keys: ['f'],
			description: 'Stop the engine without waiting for its requests',
			group: 'Swap',
			when: s => phase(s, 'running'),
			run: () => swap.force(),
		},
		{
			id: 'swap.back',
			keys: ['escape', 'n'],
			description: 'Cancel the swap (rolls back) / back / close',
			group: 'Swap',
			when: inSwap,
			run: () => swap.escape(),
		},
		{
			id: 'swap.busy',
			keys: ['q'],
			description: 'Quit is held while a swap runs',
			group: 'Swap',
			when: s => phase(s, 'running'),
			run: ({store}) => update(store, 'ui', ui => showNotice(ui, 'a swap is running: Esc cancels it (and rolls back) before quitting', 'warn')),
		},
		{
			id: 'swap.close',
			keys: ['enter', 'q'],
			description: 'Close the swap window',
			group: 'Swap',
			when: s => phase(s, 'done'),
			run: () => swap.escape(),
		},
	];
}
