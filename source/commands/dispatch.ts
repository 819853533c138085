// Routes one key to a command: a pending confirmation answers first, then the registry. Mutating
// commands are refused in read-only mode; a command that fails shows its error as a notice. Any key
// takes an error notice out of the header (it stays in the `!` log).

import {update, type AppStore} from '../store/index.js';
import {noticeSeen, showNotice} from '../store/slices/ui.js';
import type {JobsService} from '../jobs/service.js';
import type {Services} from '../services/types.js';
import type {Registry} from './registry.js';

export interface DispatchContext {
	store: AppStore;
	registry: Registry;
	jobs: JobsService;
	services: Services;
	quit(code?: number): void;
}

export function dispatchKey(key: string, ctx: DispatchContext): string | undefined {
	const {store} = ctx;
	update(store, 'ui', noticeSeen);
	const state = store.getState();
	const confirm = state.ui.confirm;
	if (confirm) {
		if (key === 'y' || key === 'enter') {
			update(store, 'ui', ui => ({...ui, confirm: null}));
			runSafely(store, confirm.title, confirm.run);
			return 'confirm.yes';
		}
		if (key === 'n' || key === 'escape' || key === 'q') {
			update(store, 'ui', ui => showNotice({...ui, confirm: null}, `${confirm.title}: cancelled`, 'info'));
			return 'confirm.no';
		}
		if (key === 'ctrl+c') ctx.quit(0);
		return undefined;
	}
	const command = ctx.registry.resolve(key, state);
	if (!command) return undefined;
	if (command.mutating && state.ui.readOnly) {
		update(store, 'ui', ui => showNotice(ui, `read-only mode: "${command.description}" refused`, 'warn'));
		return command.id;
	}
	runSafely(store, command.description, () => command.run({store, state, jobs: ctx.jobs, services: ctx.services, key, quit: ctx.quit, commands: ctx.registry.commands}));
	return command.id;
}

function runSafely(store: AppStore, what: string, run: () => void | Promise<void>): void {
	const fail = (error: unknown) =>
		update(store, 'ui', ui => showNotice(ui, `${what} failed: ${(error as Error)?.message ?? String(error)}`, 'error'));
	try {
		const result = run();
		if (result && typeof (result as Promise<void>).catch === 'function') (result as Promise<void>).catch(fail);
	} catch (error) {
		fail(error);
	}
}
