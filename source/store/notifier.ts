// Coalesces store changes: however many sources update the store in one event-loop turn, listeners
// (the React views) hear about it once, so one refresh tick produces at most one render.
//
// `delayMs` says how long a change may wait to be batched with the next ones (0: the next turn).
// A change that may not wait (a key press's) while a batched flush is pending flushes at once:
// waiting behind the batch of a poll that landed just before the key held a panel switch for up
// to the whole batch (150 ms), the slow end of the key-to-frame times.

import type {AppStore} from './index.js';

export interface Notifier {
	subscribe(listener: () => void): () => void;
	/** Number of coalesced notifications sent so far (for tests and benchmarks). */
	readonly flushes: number;
	dispose(): void;
}

export function createNotifier(store: AppStore, delayMs: () => number = () => 0): Notifier {
	const listeners = new Set<() => void>();
	/** The flush waiting to run: a batch timer, or the next turn's immediate. */
	let pending: {timer: NodeJS.Timeout} | {immediate: NodeJS.Immediate} | null = null;
	let flushes = 0;
	const flush = () => {
		pending = null;
		flushes++;
		for (const listener of [...listeners]) listener();
	};
	const cancel = () => {
		if (pending && 'timer' in pending) clearTimeout(pending.timer);
		if (pending && 'immediate' in pending) clearImmediate(pending.immediate);
		pending = null;
	};
	const unsubscribe = store.subscribe(() => {
		const delay = delayMs();
		if (pending && ('immediate' in pending || delay > 0)) return;
		cancel();
		pending = delay > 0 ? {timer: setTimeout(flush, delay)} : {immediate: setImmediate(flush)};
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
			cancel();
			listeners.clear();
		},
	};
}
