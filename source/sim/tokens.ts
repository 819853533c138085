// A stand-in tokenizer (about four characters a token, like BPE on English and code) and a
// deterministic text generator for completions.

/** Split text into tokens; concatenating them gives the text back. */
export function tokenize(text: string): string[] {
	return text.match(/\s*[A-Za-z]{1,4}|\s*[0-9]{1,3}|\s*[^\sA-Za-z0-9]|\s+$/g) ?? [];
}

/** A 32-bit FNV-1a id for a token string. */
export function tokenId(token: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < token.length; i++) {
		hash ^= token.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** The prompt text an engine's chat template would see: role headers and contents. */
export function chatPromptText(messages: ReadonlyArray<{role: string; content: unknown}>): string {
	return messages.map(m => `<|${m.role}|>\n${contentText(m.content)}\n`).join('') + '<|assistant|>\n';
}

export function contentText(content: unknown): string {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		return content.map(part => (part && typeof part === 'object' && typeof (part as {text?: unknown}).text === 'string' ? (part as {text: string}).text : '')).join('');
	}
	return '';
}

/** Mulberry32: a small seeded PRNG so a prompt always gets the same answer. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PIECES = [
	' the', ' function', ' returns', ' a', ' new', ' list', ' of', ' items', '.', ' We', ' can', ' refactor', ' this', ' into', ' two',
	' smaller', ' helpers', ',', ' then', ' add', ' a', ' test', ' for', ' the', ' edge', ' case', ' where', ' input', ' is', ' empty',
	'.\n', '```', 'ts', '\n', 'const', ' x', ' =', ' await', ' load', '(', 'path', ');', '\n', 'if', ' (!', 'x', ')', ' return', ';',
	' The', ' cache', ' hit', ' rate', ' improves', ' when', ' prompts', ' share', ' the', ' repository', ' context', '.',
];

/** The i-th completion token for a request seeded with `seed`. */
export function completionToken(seed: number, index: number): string {
	const random = seededRandom(seed + index * 7919);
	return PIECES[Math.floor(random() * PIECES.length)]!;
}

/** How long a completion runs when max_tokens does not cut it short (60..240 tokens). */
export function naturalLength(seed: number): number {
	return 60 + Math.floor(seededRandom(seed)() * 181);
}
