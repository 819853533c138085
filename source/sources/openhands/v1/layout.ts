// The on-disk shapes of OpenHands V1 conversations: the SDK folder (base_state.json +
// events/event-NNNNN-<uuid>.json; CLI ~/.openhands/conversations, agent server
// workspace/conversations) and the app server's copies (v1/events/<conversation>/<time>_<Kind>_<hex>).

import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {listingError, type StateEntry, type StateFiles} from '../state-files.js';

/** software-agent-sdk's read pattern: five or more digits (the width is not capped). */
export const SDK_EVENT_FILE = /^event-(\d{5,})-([0-9a-fA-F-]{8,})\.json$/;
/** FilesystemEventService: `<YYYYMMDDHHMMSS>_<EventClassName>_<event id hex>`, no extension. */
export const APP_EVENT_FILE = /^(\d{14})_([A-Za-z][A-Za-z0-9]*)_([0-9a-fA-F]{8,})$/;

export type V1Layout = 'sdk' | 'app';

export interface V1ConversationDir {
	/** The conversation folder (SDK: holds events/ and base_state.json; app: holds the event files). */
	dir: string;
	eventsDir: string;
	layout: V1Layout;
	id: string;
}

function names(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}

function isDir(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}

/** What a folder is, from its names (and its events/ folder's, when it has one): the rule every reader shares. */
export function classify(dir: string, here: readonly string[], eventsNames: readonly string[] | null): V1ConversationDir | null {
	if (here.includes('base_state.json') || (eventsNames !== null && eventsNames.some(n => SDK_EVENT_FILE.test(n)))) {
		return {dir, eventsDir: path.join(dir, 'events'), layout: 'sdk', id: path.basename(dir)};
	}
	if (here.some(n => SDK_EVENT_FILE.test(n))) {
		const parent = path.dirname(dir);
		const inFolder = path.basename(dir) === 'events';
		return {dir: inFolder ? parent : dir, eventsDir: dir, layout: 'sdk', id: path.basename(inFolder ? parent : dir)};
	}
	if (here.some(n => APP_EVENT_FILE.test(n))) return {dir, eventsDir: dir, layout: 'app', id: path.basename(dir)};
	return null;
}

/** What `dir` is, as one V1 conversation: an SDK folder, its events/ folder, or an app-server event folder. */
export function conversationAt(dir: string): V1ConversationDir | null {
	const events = path.join(dir, 'events');
	return classify(dir, names(dir), isDir(events) ? names(events) : null);
}

/** Every conversation folder directly under `root` (e.g. ~/.openhands/conversations, v1/events). */
export function conversationsUnder(root: string): V1ConversationDir[] {
	const out: V1ConversationDir[] = [];
	for (const name of names(root).sort()) {
		const dir = path.join(root, name);
		if (!isDir(dir)) continue;
		const found = conversationAt(dir);
		if (found) out.push(found);
	}
	return out;
}

/** The V1 roots under an OpenHands persistence folder (~/.openhands, the app's /.openhands, a workspace). */
export function v1Roots(stateDir: string): string[] {
	return rootsOf(stateDir).filter(isDir);
}

/** Where V1 conversations may be under a state folder, there or not. */
export function rootsOf(stateDir: string): string[] {
	return [path.join(stateDir, 'conversations'), path.join(stateDir, 'v1', 'events'), path.join(stateDir, 'workspace', 'conversations')];
}

/** A folder's entries there; none when it is missing (removed since it was listed). */
export async function listVia(files: StateFiles, dir: string): Promise<StateEntry[]> {
	try {
		return await files.list(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw listingError(files, dir, 'a conversation', error);
	}
}
