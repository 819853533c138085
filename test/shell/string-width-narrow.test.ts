// The bundle's string-width takes strings of one-cell characters (box drawing, blocks, "·", arrows)
// by their length instead of segmenting them (scripts/string-width-narrow.mjs). A width it got wrong
// would shift every column after it on screen: the set must hold only what the installed
// string-width itself measures as one cell, in any string made of them, and the patch must refuse a
// string-width it was not written for.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a build script in plain JavaScript.
import {narrowCodePoints, narrowPattern, withNarrowFastPath} from '../../scripts/string-width-narrow.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const installed = ['node_modules/string-width/index.js', 'node_modules/wrap-ansi/node_modules/string-width/index.js'];

// A fixed-seed generator: the same strings every run.
function random(seed: number): () => number {
	let s = seed;
	return () => {
		s = (s * 1103515245 + 12345) & 0x7fffffff;
		return s / 0x7fffffff;
	};
}

describe.each(installed)('string-width fast path for %s', file => {
	it('holds only characters this string-width measures as one cell, in any mix with ASCII', async () => {
		const {default: stringWidth} = (await import(path.join(root, file))) as {default: (s: string, o?: object) => number};
		const codePoints = narrowCodePoints(stringWidth) as number[];
		const pattern = new RegExp(narrowPattern(codePoints) as string);
		// What the cockpit draws with is in it.
		for (const ch of '╭─╮│╰╯┼├┤┌┐└┘▁▂▃▄▅▆▇█░▒▓·…–—→←↑↓↺•×≥≤≈≠○●◆▲▼✓✗✘✕❯›‹“”‘’«»°±µéü') {
			if (file.includes('wrap-ansi') && stringWidth(ch) !== 1) continue;
			expect(pattern.test(ch), `${ch} U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
		}
		// What is not one cell, or joins its neighbours, is not.
		for (const ch of ['中', '🙂', '\u0301', '\u200d', '\ufe0f', '\u00ad', '\t', '\u001b', '한']) expect(pattern.test(ch)).toBe(false);
		const next = random(42);
		const pool = [...codePoints, ...Array.from({length: 95}, (_, i) => 0x20 + i)];
		for (let i = 0; i < 3000; i++) {
			const s = String.fromCodePoint(...Array.from({length: 1 + Math.floor(next() * 60)}, () => pool[Math.floor(next() * pool.length)]!));
			expect(pattern.test(s)).toBe(true);
			expect(stringWidth(s), JSON.stringify(s)).toBe(s.length);
		}
		// All of them in one string, each next to its neighbour in the table.
		const all = String.fromCodePoint(...codePoints);
		expect(stringWidth(all)).toBe(all.length);
	});

	it('goes where the measure starts, for the default measure only, and refuses another version', () => {
		const source = readFileSync(path.join(root, file), 'utf8');
		const patched = withNarrowFastPath(source, '^[\\u0020-\\u007E]*$') as string;
		expect(patched).toContain('if (ambiguousIsNarrow && /^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n\n\tlet width = 0;');
		expect(() => withNarrowFastPath(source.replace('\tlet width = 0;\n\tconst eastAsianWidthOptions', '\tlet width = 0.0;\n\tconst eastAsianWidthOptions'), 'x')).toThrow(/update scripts\/string-width-narrow\.mjs/);
	});
});

describe('the built bundle', () => {
	it('carries the fast path in both string-widths', () => {
		const meta = JSON.parse(readFileSync(path.join(root, 'dist', 'bundle', 'meta.json'), 'utf8')) as {outputs: Record<string, {inputs: Record<string, unknown>}>};
		const chunks = Object.entries(meta.outputs).filter(([, o]) => Object.keys(o.inputs).some(f => /string-width\/index\.js$/.test(f)));
		const text = chunks.map(([f]) => readFileSync(path.join(root, f), 'utf8')).join('\n');
		expect(text.match(/ambiguousIsNarrow && \/\^\[/g)).toHaveLength(2);
	});
});
