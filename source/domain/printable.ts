// Text from outside (server logs, error messages, file lines) made safe for the terminal: escape
// sequences and control characters would move the cursor or recolour the cockpit.

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function printable(text: string): string {
	return text.replace(ESCAPES, '').replace(/\t/g, ' ').replace(/\r?\n/g, ' ').replace(CONTROLS, '?');
}
