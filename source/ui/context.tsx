// React context for the cockpit: the store (read through coalesced notifications), the command
// registry, the panels, the services, theme and glyphs. Components read state only through useAppState
// (or useAppStateBy, for a derived value compared by an equality).

import React, {createContext, useContext, useRef, useSyncExternalStore} from 'react';
import type {AppState, AppStore} from '../store/index.js';
import type {Notifier} from '../store/notifier.js';
import type {Registry} from '../commands/registry.js';
import type {JobsService} from '../jobs/service.js';
import type {Services} from '../services/types.js';
import type {Glyphs, Theme} from '../theme/tokens.js';
import type {PanelView} from './panel-view.js';

export interface CockpitContext {
	store: AppStore;
	notifier: Notifier;
	registry: Registry;
	jobs: JobsService;
	/** Every panel in tab order (the runtime passes the panel registry). */
	panels: readonly PanelView[];
	/** Hosts, the Aider manager, benchmarks: built by the runtime. */
	services: Services;
	theme: Theme;
	glyphs: Glyphs;
	quit(code?: number): void;
	/** Called on every key press before it is dispatched (the frame writer paints the answer at once). */
	onInput?(): void;
}

const Context = createContext<CockpitContext | null>(null);

export function CockpitProvider({value, children}: {value: CockpitContext; children?: React.ReactNode}) {
	return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useCockpit(): CockpitContext {
	const value = useContext(Context);
	if (!value) throw new Error('useCockpit outside CockpitProvider');
	return value;
}

/**
 * Subscribe to part of the store. The selector must return a value that is stable while the
 * data is unchanged (a slice, a field, a primitive); derive lists with useMemo in the view.
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
	const {store, notifier} = useCockpit();
	return useSyncExternalStore(notifier.subscribe, () => selector(store.getState()));
}

export function useTheme(): {theme: Theme; glyphs: Glyphs} {
	const {theme, glyphs} = useCockpit();
	return {theme, glyphs};
}

/**
 * Subscribe to something derived from the store (a list, a map) that is a new value each time it
 * is computed: while `equal` says the new one is the same as the last, the last is kept, so the
 * view renders again only when what it shows changed.
 */
export function useAppStateBy<T>(selector: (state: AppState) => T, equal: (a: T, b: T) => boolean): T {
	const {store, notifier} = useCockpit();
	const last = useRef<{value: T} | null>(null);
	return useSyncExternalStore(notifier.subscribe, () => {
		const next = selector(store.getState());
		if (last.current && equal(last.current.value, next)) return last.current.value;
		last.current = {value: next};
		return next;
	});
}

/** Same length, and each item the same (Object.is). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
	return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
