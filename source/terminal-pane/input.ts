// What happens to the bytes the user types while a terminal pane has the keyboard: everything is
// forwarded to the child, except the release chord (gives the keyboard back to the cockpit), Ctrl-Z
// (a stopped child looks hung, so it is swallowed) and bracketed pastes from the outer terminal,
// which are collected and re-sent in the form the child asked for. Pure.

export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';
export const CTRL_Z = '\u001A';

export type InputAction = {kind: 'send'; data: string} | {kind: 'paste'; text: string} | {kind: 'release'} | {kind: 'swallowed'; what: 'ctrl+z'};

export interface InputState {
	/** Inside an outer bracketed paste: the text so far. */
	paste: string | null;
}

export const initialInput: InputState = {paste: null};

/** The byte a `ctrl+<letter>` key name sends; undefined for other names. */
export function ctrlByte(keyName: string): string | undefined {
	const match = /^ctrl\+([a-z])$/.exec(keyName);
	return match ? String.fromCharCode(match[1]!.charCodeAt(0) - 96) : undefined;
}

export function splitInput(state: InputState, chunk: string, releaseByte: string): {state: InputState; actions: InputAction[]} {
	const actions: InputAction[] = [];
	let paste = state.paste;
	let rest = chunk;
	let plain = '';
	const flushPlain = () => {
		if (plain) actions.push({kind: 'send', data: plain});
		plain = '';
	};
	while (rest.length > 0) {
		if (paste !== null) {
			const end = rest.indexOf(PASTE_END);
			if (end < 0) {
				paste += rest;
				rest = '';
				break;
			}
			actions.push({kind: 'paste', text: paste + rest.slice(0, end)});
			paste = null;
			rest = rest.slice(end + PASTE_END.length);
			continue;
		}
		if (rest.startsWith(PASTE_START)) {
			flushPlain();
			paste = '';
			rest = rest.slice(PASTE_START.length);
			continue;
		}
		const ch = rest[0]!;
		rest = rest.slice(1);
		if (ch === releaseByte) {
			flushPlain();
			actions.push({kind: 'release'});
			// What follows the chord in the same chunk belongs to the cockpit, not the child: drop it.
			return {state: {paste: null}, actions};
		}
		if (ch === CTRL_Z) {
			flushPlain();
			actions.push({kind: 'swallowed', what: 'ctrl+z'});
			continue;
		}
		plain += ch;
	}
	flushPlain();
	return {state: {paste}, actions};
}

/** Arrow keys as the child expects them: ESC O A in application cursor mode, ESC [ A otherwise. */
export function cursorKeys(data: string, applicationMode: boolean): string {
	return applicationMode ? data.replace(/\u001B\[([ABCDHF])/g, '\u001BO$1') : data;
}

/** A paste as the child can take it: wrapped when it enabled bracketed paste, else lines ended with CR. */
export function pasteBytes(text: string, bracketed: boolean): string {
	const clean = text.replace(/\u001B\[20[01]~/g, '');
	return bracketed ? `${PASTE_START}${clean}${PASTE_END}` : clean.replace(/\r?\n/g, '\r');
}
