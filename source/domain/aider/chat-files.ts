// Which files are in an Aider chat, followed from its history events: files given at launch and
// `/add` add, `/drop` removes, `/drop` alone and `/reset` clear, a new session starts empty.

import type {AiderEvent} from './history-parser.js';

export function nextChatFiles(files: readonly string[], events: readonly AiderEvent[]): readonly string[] {
	let next = files;
	for (const event of events) {
		if (event.kind === 'session-start' || event.kind === 'chat-drop-all') {
			if (next.length) next = [];
		} else if (event.kind === 'chat-add') {
			if (!next.includes(event.file)) next = [...next, event.file];
		} else if (event.kind === 'chat-drop') {
			// A read-only file is dropped by its absolute path, though it was added by its relative one.
			const gone = (f: string) => f === event.file || event.file.endsWith(`/${f}`);
			if (next.some(gone)) next = next.filter(f => !gone(f));
		}
	}
	return next;
}
