// Appends swap journal lines to $XDG_STATE_HOME/stackdeck/swaps.jsonl, owner-only, and reads the
// last load times back.

import {appendFileSync, chmodSync, mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {journalLine, lastLoadTimes, type SwapJournalEntry} from '../../domain/swap/journal.js';

export function journalPath(stateDir: string): string {
	return path.join(stateDir, 'swaps.jsonl');
}

export function appendJournal(stateDir: string, entry: SwapJournalEntry): string {
	mkdirSync(stateDir, {recursive: true, mode: 0o700});
	const file = journalPath(stateDir);
	appendFileSync(file, journalLine(entry), {mode: 0o600});
	// A file made earlier with a looser mode is tightened: it names models, hosts and paths.
	chmodSync(file, 0o600);
	return file;
}

export function readLoadTimes(stateDir: string): Record<string, number> {
	try {
		return lastLoadTimes(readFileSync(journalPath(stateDir), 'utf8'));
	} catch {
		return {};
	}
}
