// fs.watch with a polling fallback: calls `onChange` (debounced) when the folder changes, and in any
// case every `pollMs`, so a network or container-mounted folder where watch events never arrive
// still updates within a second.

import {watch, type FSWatcher} from 'node:fs';
import {fsPath} from '../../fs/raw-names.js';

export interface FolderWatch {
	mode: 'watch' | 'poll';
	close(): void;
}

/**
 * `pollMs` applies when fs.watch is unavailable; `watchedPollMs` (default: the same) is the safety
 * re-scan while fs.watch works, e.g. slower for a listing that is costly to rebuild.
 */
export function watchFolder(dir: string, onChange: () => void, pollMs = 1000, debounceMs = 50, watchedPollMs = pollMs): FolderWatch {
	let timer: NodeJS.Timeout | null = null;
	const kick = () => {
		if (timer) return;
		timer = setTimeout(() => {
			timer = null;
			onChange();
		}, debounceMs);
	};
	let watcher: FSWatcher | null = null;
	try {
		watcher = watch(fsPath(dir), {persistent: false}, kick);
		watcher.on('error', () => {
			watcher?.close();
			watcher = null;
		});
	} catch {
		watcher = null;
	}
	const interval = setInterval(onChange, watcher ? watchedPollMs : pollMs);
	interval.unref();
	return {
		mode: watcher ? 'watch' : 'poll',
		close() {
			watcher?.close();
			clearInterval(interval);
			if (timer) clearTimeout(timer);
		},
	};
}

/** Polling only: a folder on another host (over SSH there is no change notification to wait for). */
export function pollFolder(onChange: () => void, pollMs: number): FolderWatch {
	const interval = setInterval(onChange, pollMs);
	interval.unref();
	return {mode: 'poll', close: () => clearInterval(interval)};
}
