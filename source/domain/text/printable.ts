// Text from outside (session titles, folder names, event text, container env, log lines, HTTP
// bodies) made safe for a terminal: escape sequences (CSI, OSC, DCS, ...) removed whole, other C0/C1
// controls and DEL dropped, tabs and line breaks to spaces, bidirectional overrides dropped (they
// reorder what is shown), lone surrogates (bytes of a file name that are not UTF-8) to U+FFFD. Used by every view (ui/widgets/Line) and every text output (cli/output).

// ESC [ ... final | ESC ] ... (BEL | ESC \) | ESC P/X/^/_ ... ST | ESC + one char; the 8-bit C1 forms too.
const SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u009d\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\s\S]?/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SPACES = /[\t\n\r]/g;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** One line of printable text. */
export function printable(text: string): string {
	if (LONE_SURROGATE.test(text)) text = text.replace(LONE_SURROGATES, '\ufffd');
	if (!UNSAFE.test(text)) return text;
	return text.replace(SEQUENCES, '').replace(SPACES, ' ').replace(CONTROLS, '');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Printable ASCII only: one character a cell, nothing to segment or measure. */
export function isPrintableAscii(text: string): boolean {
	return PRINTABLE_ASCII.test(text);
}

/** Printable text that keeps its line breaks (for multi-line text output). */
export function printableLines(text: string): string {
	return text.split('\n').map(printable).join('\n');
}
