// The one store: a zustand vanilla store whose state is one object per slice. Sources and actions
// update it with the pure reducers in ./slices; panels read it through selectors.

import {createStore, type StoreApi} from 'zustand/vanilla';
import {initialUi, type UiState} from './slices/ui.js';
import {initialHost, type HostState} from './slices/host.js';
import {initialEngines, type EnginesState} from './slices/engines.js';
import {initialContainers, type ContainersState} from './slices/containers.js';
import {initialSessions, type SessionsState} from './slices/sessions.js';
import {initialAider, type AiderState} from './slices/aider.js';
import {initialDiscovery, type DiscoveryByHost} from './slices/discovery.js';
import {initialDoctor, type DoctorState} from './slices/doctor.js';
import {initialJobs, type JobsState} from './slices/jobs.js';
import {initialLists, type ListsState} from './slices/lists.js';
import {initialSwap, type SwapState} from './slices/swap.js';

export interface AppState {
	ui: UiState;
	host: HostState;
	engines: EnginesState;
	containers: ContainersState;
	sessions: SessionsState;
	aider: AiderState;
	discovery: DiscoveryByHost;
	doctor: DoctorState;
	jobs: JobsState;
	lists: ListsState;
	swap: SwapState;
}

export type AppStore = StoreApi<AppState>;

export function initialState(readOnly = false): AppState {
	return {
		ui: initialUi(readOnly),
		host: initialHost(),
		engines: initialEngines(),
		containers: initialContainers(),
		sessions: initialSessions(),
		aider: initialAider(),
		discovery: initialDiscovery(),
		doctor: initialDoctor(),
		jobs: initialJobs(),
		lists: initialLists(),
		swap: initialSwap(),
	};
}

export function createAppStore(init: Partial<AppState> = {}): AppStore {
	return createStore<AppState>()(() => ({...initialState(), ...init}));
}

/** Update one slice with a reducer: `update(store, 'host', h => applyMeminfo(h, m, now))`. */
export function update<K extends keyof AppState>(
	store: AppStore,
	key: K,
	reducer: (slice: AppState[K]) => AppState[K],
): void {
	store.setState(state => {
		const next = reducer(state[key]);
		return next === state[key] ? state : ({[key]: next} as unknown as Partial<AppState>);
	});
}
