// The files in each Aider session's chat, kept in the aider slice beside the other history
// summaries. The field and its reducer live here, next to the source that reads the history.
// TODO(store owner): move `chatFiles` and applyChatFiles into store/slices/aider.ts.

import type {AiderState} from '../../store/slices/aider.js';
import type {AiderEvent} from '../../domain/aider/history-parser.js';
import {nextChatFiles} from '../../domain/aider/chat-files.js';

declare module '../../store/slices/aider.js' {
	interface AiderSessionState {
		/** Files in the chat (editable and read-only), from the chat history. */
		chatFiles?: readonly string[];
	}
}

export function applyChatFiles(state: AiderState, id: string, events: readonly AiderEvent[]): AiderState {
	let changed = false;
	const sessions = state.sessions.map(s => {
		if (s.id !== id) return s;
		const before = s.chatFiles ?? [];
		const after = nextChatFiles(before, events);
		if (after === before) return s;
		changed = true;
		return {...s, chatFiles: after};
	});
	return changed ? {...state, sessions} : state;
}
