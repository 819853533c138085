// Readers of the sessions' `events/` folders, kept between scans: the background check and the open
// session share one, so opening a session the list has already checked reads only new files, and a
// live session that is not open is re-checked by reading its new events, not all of them. Least
// recently used readers are dropped past a memory budget.

import {EventDirReader} from './event-dir.js';
import {LOCAL_FILES, type StateFiles} from './state-files.js';

/** Parsed events kept for all sessions together (~25,000 typical events per 64 MB). */
export const EVENT_CACHE_BYTES = 64 * 1024 * 1024;

export class EventReaderCache {
	private readonly readers = new Map<string, EventDirReader>();

	constructor(
		private readonly budgetBytes = EVENT_CACHE_BYTES,
		/** Where the folders are: this machine, or another host's over SSH. */
		private readonly files: StateFiles = LOCAL_FILES,
	) {}

	/** The reader for this folder (made on first use), now the most recently used. */
	get(dir: string): EventDirReader {
		let reader = this.readers.get(dir);
		if (reader) this.readers.delete(dir);
		else reader = new EventDirReader(dir, this.files);
		this.readers.set(dir, reader);
		return reader;
	}

	/** Drop least recently used readers until within budget; `keep` (the open session) always stays. */
	trim(keep: string | null = null): void {
		let total = 0;
		for (const reader of this.readers.values()) total += reader.approxBytes;
		for (const [dir, reader] of this.readers) {
			if (total <= this.budgetBytes) break;
			if (dir === keep) continue;
			total -= reader.approxBytes;
			this.readers.delete(dir);
		}
	}

	/** Folders cached, least recently used first (for tests and status). */
	dirs(): string[] {
		return [...this.readers.keys()];
	}
}
