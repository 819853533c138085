// Key names: the one vocabulary shared by the registry, the keybindings file and the help overlay.
// Only keys a phone keyboard (Termux's extra-keys row) can type: printable characters, arrows,
// Enter, Esc, Tab, Backspace, page keys and Ctrl+letter. No F-keys, no Shift+Tab.

export const NAMED_KEYS = [
	'enter',
	'escape',
	'tab',
	'backspace',
	'delete',
	'up',
	'down',
	'left',
	'right',
	'pageup',
	'pagedown',
	'home',
	'end',
	'space',
] as const;

/** Subset of Ink's Key object that we read (kept structural so tests need no Ink). */
export interface InkKeyLike {
	upArrow?: boolean;
	downArrow?: boolean;
	leftArrow?: boolean;
	rightArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	shift?: boolean;
	tab?: boolean;
	backspace?: boolean;
	delete?: boolean;
	meta?: boolean;
}

/** Is `name` a key this registry accepts? Returns an explanation when it is not. */
export function validateKeyName(name: string): string | null {
	if ((NAMED_KEYS as readonly string[]).includes(name)) return null;
	if (/^ctrl\+[a-z]$/.test(name)) return null;
	if ([...name].length === 1 && name >= ' ' && name !== ' ') return null;
	if (/^f\d+$/i.test(name)) return `"${name}": F-keys are not on a phone keyboard; pick a letter, digit or Ctrl+letter`;
	if (name === 'shift+tab') return `"shift+tab" is not on Termux's extra-keys row; use "tab" or a letter`;
	return `"${name}" is not a key name; use one character, ctrl+<letter>, or one of ${NAMED_KEYS.join(', ')}`;
}

/** Turn one Ink input event into our key name, or null when it is nothing we bind. */
export function keyName(input: string, key: InkKeyLike): string | null {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab && !key.shift) return 'tab';
	if (key.backspace) return 'backspace';
	if (key.delete) return 'delete';
	if (key.ctrl && /^[a-z]$/i.test(input)) return `ctrl+${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	if (input.length === 1 && input >= ' ') return input;
	return null;
}

/** How a key is written in the help overlay and hint strip. */
export function displayKey(name: string): string {
	switch (name) {
		case 'enter':
			return 'Enter';
		case 'escape':
			return 'Esc';
		case 'tab':
			return 'Tab';
		case 'up':
			return '↑';
		case 'down':
			return '↓';
		case 'left':
			return '←';
		case 'right':
			return '→';
		case 'space':
			return 'Space';
		case 'pageup':
			return 'PgUp';
		case 'pagedown':
			return 'PgDn';
		case 'home':
			return 'Home';
		case 'end':
			return 'End';
		case 'backspace':
			return 'Backspace';
		case 'delete':
			return 'Del';
		default:
			return name.startsWith('ctrl+') ? `Ctrl-${name.slice(5).toUpperCase()}` : name;
	}
}

/**
 * Ink hands a burst of plain text (fast typing, or keys sent in one SSH packet: "5\r") to the input
 * handler as one string; split it into one key name per character.
 */
export function keyNames(input: string, key: InkKeyLike): string[] {
	const single = keyName(input, key);
	if (single !== null || input.length <= 1 || key.ctrl || key.meta) return single === null ? [] : [single];
	const names: string[] = [];
	for (const ch of input) {
		if (ch === '\r' || ch === '\n') names.push('enter');
		else if (ch === '\t') names.push('tab');
		else if (ch === '\u007F' || ch === '\b') names.push('backspace');
		else if (ch === '\u001B') names.push('escape');
		else if (ch < ' ') names.push(`ctrl+${String.fromCharCode(ch.charCodeAt(0) + 96)}`);
		else names.push(ch === ' ' ? 'space' : ch);
	}
	return names;
}
