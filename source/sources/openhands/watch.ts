// fs.watch on a folder: calls `onChange` (debounced) when the folder changes. Where fs.watch cannot
// watch (a folder that does not exist yet, as sessions/ before OpenHands' first conversation; some
// network mounts) the mode is 'poll', and the source re-reads the folder on its refresh tick. The
// safety re-reads are the source's too, on the tick: a timer of their own landed between ticks and
// cost a second frame (and render) for each.

import {watch, type FSWatcher} from 'node:fs';
import {fsPath} from '../../fs/raw-names.js';

export interface FolderWatch {
	mode: 'watch' | 'poll';
	close(): void;
}

export function watchFolder(dir: string, onChange: () => void, debounceMs = 50): FolderWatch {
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
	return {
		// A watcher that failed later is polled from then on.
		get mode() {
			return watcher ? 'watch' : 'poll';
		},
		close() {
			watcher?.close();
			if (timer) clearTimeout(timer);
		},
	};
}

/** A folder on another host: over SSH there is no change notification, only the tick's re-reads. */
export const NOT_WATCHED: FolderWatch = {mode: 'poll', close() {}};
