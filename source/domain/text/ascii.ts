// Under a non-UTF-8 locale (LANG=C) or --ascii, every glyph needs an ASCII form: the terminal would
// show mojibake otherwise. One character for one, so widths (and the layout) stay the same; other
// non-ASCII text (a title in another script) becomes "?", which is what such a terminal could show.

const MAP: Record<string, string> = {
	'·': '.', '…': '~', '–': '-', '—': '-', '‒': '-', '›': '>', '‹': '<', '»': '>', '«': '<',
	'✓': 'v', '✔': 'v', '✗': 'x', '✘': 'x', '×': 'x', '•': '*', '●': '*', '○': 'o', '◆': '*',
	'→': '>', '←': '<', '↑': '^', '↓': 'v', '▲': '^', '▼': 'v', '▶': '>', '◀': '<', '⏸': '|',
	'│': '|', '─': '-', '╭': '+', '╮': '+', '╰': '+', '╯': '+', '┌': '+', '┐': '+', '└': '+', '┘': '+', '├': '+', '┤': '+', '┼': '+',
	'█': '#', '▇': '#', '▆': '=', '▅': '=', '▄': '-', '▃': '-', '▂': '.', '▁': '_', '░': '.', '▒': ':', '▓': '#',
	'“': '"', '”': '"', '‘': "'", '’': "'", '°': 'o', '±': '+', '≈': '~', '≥': '>', '≤': '<', '⚠': '!', '…?': '?',
};

const NON_ASCII = /[^\u0000-\u007f]/gu;

export function toAscii(text: string): string {
	return text.replace(NON_ASCII, c => MAP[c] ?? '?');
}
