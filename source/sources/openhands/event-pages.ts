// OpenHands V0's event cache pages: `<session>/event_cache/<start>-<end>.json`, a JSON array of the
// 25 event dicts with ids start..end-1, written after the 25th event's own file (OpenHands >= 0.32;
// EventStream._store_cache_page). One page read stands in for 25 file opens. The event files stay
// the truth: a page is only used for ids whose file exists, and anything odd in it is read from the file.

import path from 'node:path';
import {listNames, LOCAL_FILES, type StateFiles} from './state-files.js';

export interface CachePage {
	file: string;
	start: number;
	/** Exclusive, as OpenHands names it (0-25.json holds 0..24). */
	end: number;
}

const PAGE_FILE = /^(\d+)-(\d+)\.json$/;
/** 25 events of up to a few MB each; a larger "page" is not one of OpenHands'. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** The session's pages, by start id; none when the folder is missing or unreadable (files are read instead). */
export async function listCachePages(eventsDir: string, files: StateFiles = LOCAL_FILES): Promise<CachePage[]> {
	const dir = path.join(path.dirname(eventsDir), 'event_cache');
	let names: string[];
	try {
		names = await listNames(files, dir);
	} catch {
		return [];
	}
	const pages: CachePage[] = [];
	for (const name of names) {
		const match = PAGE_FILE.exec(name);
		if (!match) continue;
		const start = Number(match[1]);
		const end = Number(match[2]);
		if (end > start) pages.push({file: path.join(dir, name), start, end});
	}
	return pages.sort((a, b) => a.start - b.start);
}

/** The page's event dicts, or null when it is not a whole JSON array (cut short, or not OpenHands'). */
export async function readCachePage(page: CachePage, files: StateFiles = LOCAL_FILES): Promise<unknown[] | null> {
	const read = await files.readJson(page.file, MAX_PAGE_BYTES);
	return read.ok && Array.isArray(read.value) ? read.value : null;
}

/** The event id a page entry claims, when it is one the page may hold. */
export function pageEntryId(entry: unknown, page: CachePage): number | null {
	if (typeof entry !== 'object' || entry === null) return null;
	const id = (entry as {id?: unknown}).id;
	return typeof id === 'number' && Number.isInteger(id) && id >= page.start && id < page.end ? id : null;
}
