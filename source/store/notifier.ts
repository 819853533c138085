// Coalesces store changes: however many sources update the store in one event-loop turn, listeners
// (the React views) hear about it once, so one refresh tick produces at most one render.

import type {AppStore} from './index.js';

export interface Notifier {
	subscribe(listener: () => void): () => void;
	/** Number of coalesced notifications sent so far (for tests and benchmarks). */
	readonly flushes: number;
	dispose(): void;
}

export function createNotifier(store: AppStore, schedule: (fn: () => void) => void = fn => setImmediate(fn)): Notifier {
	const listeners = new Set<() => void>();
	let pending = false;
	let flushes = 0;
	const unsubscribe = store.subscribe(() => {
		if (pending) return;
		pending = true;
		schedule(() => {
			pending = false;
			flushes++;
			for (const listener of [...listeners]) listener();
		});
	});
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		get flushes() {
			return flushes;
		},
		dispose() {
			unsubscribe();
			listeners.clear();
		},
	};
}
