// What every view and text output applies to a string before it reaches the terminal: printable
// (no escape sequences or controls) and masked (no secret by value pattern).

import {maskString} from '../secrets.js';
import {printable} from './printable.js';

export function safeText(text: string): string {
	return maskString(printable(text));
}

/** Multi-line output (status, check-session): each line made safe, the breaks kept. */
export function safeLines(text: string): string {
	return text.split('\n').map(safeText).join('\n');
}
