// The bundle shares Ink's per-frame output caches across frames (scripts/ink-output-cache.mjs).
// The patch must apply to the Ink that is installed, or the build fails; patched, two frames'
// Outputs use one set of caches, which keeps the rows still drawn and stays within its bound.
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a build script in plain JavaScript.
import {boundMeasureCache, boundWrapCache, cacheSanitized, cacheTextWidths, controlsAtOnce, FRAMES_PER_GENERATION, GENERATION, noCodesAtOnce, sameStylesAtOnce, shareInkOutputCaches} from '../../scripts/ink-output-cache.mjs';

const inkOutput = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'ink', 'build', 'output.js');
// Beside Ink's own output.js, so its imports resolve as Ink's do; a per-run name, removed after.
const patchedFile = path.join(path.dirname(inkOutput), `output.shared-caches-test-${process.pid}-${Date.now()}.js`);
const patchedMeasure = path.join(path.dirname(inkOutput), `measure-text.bounded-test-${process.pid}-${Date.now()}.js`);
const patchedWrap = path.join(path.dirname(inkOutput), `wrap-text.bounded-test-${process.pid}-${Date.now()}.js`);
const patchedTokenizer = path.join(path.dirname(inkOutput), `ansi-tokenizer.once-test-${process.pid}-${Date.now()}.js`);
const patchedSanitize = path.join(path.dirname(inkOutput), `sanitize-ansi.cached-test-${process.pid}-${Date.now()}.js`);
const tokenizeBuild = path.join(path.dirname(inkOutput), '..', '..', '@alcalzone', 'ansi-tokenize', 'build');
const patchedDiff = path.join(tokenizeBuild, `diff.same-test-${process.pid}-${Date.now()}.js`);
const patchedCodes = path.join(tokenizeBuild, `ansiCodes.none-test-${process.pid}-${Date.now()}.js`);
afterAll(() => {
	rmSync(patchedDiff, {force: true});
	rmSync(patchedCodes, {force: true});
	rmSync(patchedFile, {force: true});
	rmSync(patchedMeasure, {force: true});
	rmSync(patchedWrap, {force: true});
	rmSync(patchedTokenizer, {force: true});
	rmSync(patchedSanitize, {force: true});
});
const inkFile = (name: string) => readFileSync(path.join(path.dirname(inkOutput), name), 'utf8');

type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type OutputClass = new (o: {width: number; height: number}) => {
	caches: {styledChars: {size: number; get(key: string, make: (k: string) => unknown): unknown}; getStyledChars(line: string): unknown[]};
	write(x: number, y: number, text: string, o: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: Clip): void;
	unclip(): void;
	get(): {output: string};
};

async function patchedOutput(): Promise<OutputClass> {
	writeFileSync(patchedFile, shareInkOutputCaches(readFileSync(inkOutput, 'utf8')) as string);
	return ((await import(pathToFileURL(patchedFile).href)) as {default: OutputClass}).default;
}

async function inkOwnOutput(): Promise<OutputClass> {
	return ((await import(pathToFileURL(inkOutput).href)) as {default: OutputClass}).default;
}

// A small deterministic generator, so a failure shows the same frames again.
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

describe("Ink's output caches in the bundle", () => {
	it('draws exactly what Ink draws, frame after frame: clipped boxes, colours, wide characters, writes past the edge', async () => {
		const [Patched, Ink] = [await patchedOutput(), await inkOwnOutput()];
		const next = random(18);
		const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
		const texts = ['plain', '\u001B[31mred\u001B[39m and \u001B[1mbold\u001B[22m', '漢字 wide ✓', 'tok/s 41.7', '\u001B[38;5;60m▁▂▃▅▇\u001B[39m', 'a\nb two lines', ''];
		const transformers = [(line: string) => `\u001B[32m${line}\u001B[39m`];
		for (let frame = 0; frame < 300; frame++) {
			const [width, height] = [pick([12, 20, 33]), pick([3, 5])];
			const outputs = [new Patched({width, height}), new Ink({width, height})];
			const ops: Array<(o: InstanceType<OutputClass>) => void> = [];
			for (let i = 0; i < 6; i++) {
				const text = next() < 0.3 ? `${pick(texts)} ${frame % 3}` : pick(texts);
				// Now and then past the right edge (a write there leaves holes in the row, which Ink drops)
				// or starting above the first row.
				const [x, y] = [Math.floor(next() * (next() < 0.1 ? width + 4 : width)), next() < 0.05 ? -1 : Math.floor(next() * height)];
				const clip = next() < 0.6 ? {x1: Math.floor(next() * 6), x2: 4 + Math.floor(next() * width), y1: 0, y2: 1 + Math.floor(next() * height)} : undefined;
				const t = next() < 0.3 ? transformers : [];
				ops.push(o => {
					if (clip) o.clip(clip);
					o.write(x, y, text, {transformers: t});
					if (clip) o.unclip();
				});
			}
			for (const o of outputs) for (const op of ops) op(o);
			expect(outputs[0]!.get().output).toBe(outputs[1]!.get().output);
		}
	});

	it('applies to the installed Ink, and refuses code it was not written for', () => {
		const source = readFileSync(inkOutput, 'utf8');
		expect(shareInkOutputCaches(source)).toContain('OutputCaches.shared');
		expect(() => shareInkOutputCaches(source.replace('caches = new OutputCaches();', 'caches = makeCaches();'))).toThrow(/update scripts\/ink-output-cache\.mjs/);
	});

	it("a frame asks the cached measureText for a text's width; the patches refuse code they were not written for", () => {
		const render = cacheTextWidths(inkFile('render-node-to-output.js')) as string;
		expect(render).toContain('const currentWidth = measureText(text).width;');
		expect(render).toContain("import measureText from './measure-text.js';");
		expect(() => cacheTextWidths(inkFile('render-node-to-output.js').replace('widestLine(text)', 'widestLine(squashed)'))).toThrow(/update scripts\/ink-output-cache\.mjs/);
		expect(() => boundMeasureCache(inkFile('measure-text.js').replace('new Map()', 'new WeakMap()'))).toThrow(/update scripts\/ink-output-cache\.mjs/);
	});

	it("measureText's cache answers Ink's widths and stays bounded over many new texts", async () => {
		writeFileSync(patchedMeasure, boundMeasureCache(inkFile('measure-text.js')) as string);
		const measureText = ((await import(pathToFileURL(patchedMeasure).href)) as {default: (text: string) => {width: number; height: number}}).default;
		const kept = measureText('漢字 row\nshort');
		expect(kept).toEqual({width: 8, height: 2});
		expect(measureText('\u001B[31mred\u001B[39m')).toEqual({width: 3, height: 1});
		const first = measureText('figure 0');
		for (let i = 0; i < GENERATION * 5; i++) {
			expect(measureText(`figure ${i}`).width).toBe(`figure ${i}`.length);
			// A text measured every frame stays cached: the same object comes back.
			expect(measureText('漢字 row\nshort')).toBe(kept);
		}
		// An old figure was dropped: measured again, a new (equal) object.
		expect(measureText('figure 0')).not.toBe(first);
		expect(measureText('figure 0')).toEqual(first);
	});

	it("wrapText's cache gives Ink's own results and stays bounded over a row whose figures keep changing", async () => {
		// The test reads the cache's size through an export it adds; the bundle has none.
		writeFileSync(patchedWrap, `${boundWrapCache(inkFile('wrap-text.js')) as string}\nexport {cache as wrapCache};\n`);
		type Wrap = (text: string, width: number, mode: string) => string;
		const patched = (await import(pathToFileURL(patchedWrap).href)) as {default: Wrap; wrapCache: {size: number}};
		const ink = ((await import(pathToFileURL(path.join(path.dirname(inkOutput), 'wrap-text.js')).href)) as {default: Wrap}).default;
		const modes = ['wrap', 'truncate-end', 'truncate-middle', 'truncate-start'];
		for (let i = 0; i < GENERATION * 5; i++) {
			const row = `> sglang: hit ${i % 97}% (${i}s), 61% total · radix ${i}k tok · \u001B[31musage\u001B[39m 漢字`;
			const [width, mode] = [12 + (i % 30), modes[i % modes.length]!];
			expect(patched.default(row, width, mode)).toBe(ink(row, width, mode));
			expect(patched.wrapCache.size).toBeLessThanOrEqual(2 * GENERATION);
		}
		expect(patched.wrapCache.size).toBeGreaterThan(0);
		expect(() => boundWrapCache(inkFile('wrap-text.js').replace('const cache = {};', 'const cache = new Map();'))).toThrow(/update scripts\/ink-output-cache\.mjs/);
	});

	it('keeps a cached character in about 100 bytes once the tokenizer is optimised, not 330', async () => {
		const Output = await patchedOutput();
		const caches = new Output({width: 20, height: 1}).caches;
		v8.setFlagsFromString('--expose-gc');
		const gc = vm.runInNewContext('gc') as () => void;
		const line = (i: number) => `\u001B[31msglang\u001B[39m: hit ${i % 97}% (${i}s) · radix ${i}k tok · 漢字 usage ${i % 13}%`;
		// Enough lines for the engine to optimise the tokenizer (where its characters each got a hidden
		// class of their own); the last two generations' worth stay referenced here, so that what the
		// cache drops below is not counted as freed.
		const warm: unknown[] = [];
		for (let i = 0; i < 40_000; i++) warm[i % (2 * GENERATION)] = caches.getStyledChars(line(i));
		gc();
		const before = process.memoryUsage().heapUsed;
		const kept = Array.from({length: 2 * GENERATION}, (_, i) => caches.getStyledChars(line(1_000_000 + i)));
		gc();
		const bytes = process.memoryUsage().heapUsed - before;
		const chars = kept.reduce((sum, chars) => sum + chars.length, 0);
		expect(warm.length).toBe(2 * GENERATION);
		expect(bytes / chars).toBeLessThan(200);
	});

	it("ansi-tokenize's diff answers equal styles at once and every other pair as before", async () => {
		writeFileSync(patchedDiff, sameStylesAtOnce(readFileSync(path.join(tokenizeBuild, 'diff.js'), 'utf8')) as string);
		type Code = {type: 'ansi'; code: string; endCode: string};
		type Diff = (from: Code[], to: Code[]) => Code[];
		const patched = ((await import(pathToFileURL(patchedDiff).href)) as {diffAnsiCodes: Diff}).diffAnsiCodes;
		const own = ((await import(pathToFileURL(path.join(tokenizeBuild, 'diff.js')).href)) as {diffAnsiCodes: Diff}).diffAnsiCodes;
		const {styledCharsFromTokens, tokenize} = (await import(pathToFileURL(path.join(tokenizeBuild, 'index.js')).href)) as {
			styledCharsFromTokens(tokens: unknown[]): Array<{styles: Code[]}>;
			tokenize(text: string): unknown[];
		};
		// The styles of real characters: colours, 256 colours, bold and dim (both end with 22m), underline.
		const text = 'a\u001B[31mb\u001B[1mc\u001B[2md\u001B[22me\u001B[38;5;60mf\u001B[4mg\u001B[39mh\u001B[24mi\u001B[0mj\u001B[1;32mk';
		const styles = styledCharsFromTokens(tokenize(text)).map(c => c.styles);
		let equal = 0;
		for (const from of styles) {
			for (const to of styles) {
				expect(patched(from, to)).toEqual(own(from, to));
				if (own(from, to).length === 0) equal++;
			}
			expect(patched(from, [...from])).toEqual([]);
		}
		expect(equal).toBeGreaterThan(styles.length);
		expect(() => sameStylesAtOnce('export function diffAnsiCodes(a, b) { return []; }')).toThrow(/update scripts\/ink-output-cache\.mjs/);
		// The codes between neighbours, written: none at once, any others as before.
		writeFileSync(patchedCodes, noCodesAtOnce(readFileSync(path.join(tokenizeBuild, 'ansiCodes.js'), 'utf8')) as string);
		type ToString = (codes: Code[]) => string;
		const patchedString = ((await import(pathToFileURL(patchedCodes).href)) as {ansiCodesToString: ToString}).ansiCodesToString;
		const ownString = ((await import(pathToFileURL(path.join(tokenizeBuild, 'ansiCodes.js')).href)) as {ansiCodesToString: ToString}).ansiCodesToString;
		for (const from of [...styles, []]) for (const to of [...styles, []]) expect(patchedString(own(from, to))).toBe(ownString(own(from, to)));
		expect(patchedString([])).toBe('');
		expect(() => noCodesAtOnce('export function ansiCodesToString(c) { return ""; }')).toThrow(/update scripts\/ink-output-cache\.mjs/);
	});

	it("Ink's text sanitising gives Ink's answers from one regular expression and a bounded cache", async () => {
		writeFileSync(patchedTokenizer, controlsAtOnce(inkFile('ansi-tokenizer.js')) as string);
		writeFileSync(patchedSanitize, cacheSanitized(inkFile('sanitize-ansi.js')) as string);
		type Has = {hasAnsiControlCharacters(text: string): boolean};
		const patchedHas = ((await import(pathToFileURL(patchedTokenizer).href)) as Has).hasAnsiControlCharacters;
		const inkHas = ((await import(pathToFileURL(path.join(path.dirname(inkOutput), 'ansi-tokenizer.js')).href)) as Has).hasAnsiControlCharacters;
		const patchedSanitizeAnsi = ((await import(pathToFileURL(patchedSanitize).href)) as {default: (text: string) => string}).default;
		const inkSanitize = ((await import(pathToFileURL(path.join(path.dirname(inkOutput), 'sanitize-ansi.js')).href)) as {default: (text: string) => string}).default;
		// Colours, cursor moves and clears (stripped), a hyperlink, C1 controls, the characters around
		// them, emoji and lone surrogates, and cut-off sequences.
		const parts = ['row ', 'tok/s 41.7', '\u001B[31m', '\u001B[39m', '\u001B[2J', '\u001B[5;3H', '\u001B]8;;http://x\u0007link\u001B]8;;\u0007', '\u009B31m', '\u0085', '\u007F', '\u00A0', '\u009F', '\u00A9', '😀', '\uD800', '\uDC00', '漢', '\u001B', '\u001B['];
		const next = random(7);
		for (let i = 0; i < 5000; i++) {
			let text = '';
			const n = Math.floor(next() * 6);
			for (let j = 0; j < n; j++) text += parts[Math.floor(next() * parts.length)];
			expect(patchedHas(text)).toBe(inkHas(text));
			expect(patchedSanitizeAnsi(text)).toBe(inkSanitize(text));
			// Asked again: the kept answer, the same.
			expect(patchedSanitizeAnsi(text)).toBe(inkSanitize(text));
		}
		expect(() => controlsAtOnce(inkFile('ansi-tokenizer.js').replace('for (const character of text) {', 'for (const c of text) {'))).toThrow(/update scripts\/ink-output-cache\.mjs/);
		expect(() => cacheSanitized(inkFile('sanitize-ansi.js').replace('export default sanitizeAnsi;', 'export {sanitizeAnsi};'))).toThrow(/update scripts\/ink-output-cache\.mjs/);
	});

	it('two frames share the caches and draw the same text; rows still drawn stay, the rest are bounded', async () => {
		const Output = await patchedOutput();
		const row = '\u001B[31mred\u001B[39m row';
		const first = new Output({width: 20, height: 2});
		first.write(0, 0, row, {transformers: []});
		const drawn = first.get().output;
		expect(drawn).toContain('red');
		const second = new Output({width: 20, height: 2});
		expect(second.caches).toBe(first.caches);
		second.write(0, 0, row, {transformers: []});
		expect(second.get().output).toBe(drawn);
		// Many frames of other text, with the row drawn in each: the row is a hit every time, and
		// the cache never holds more than two generations.
		const cached = first.caches.styledChars.get(row, () => 'made again');
		for (let i = 0; i < GENERATION * 5; i++) {
			const frame = new Output({width: 20, height: 2});
			frame.write(0, 0, row, {transformers: []});
			frame.write(0, 1, `figure ${i}`, {transformers: []});
			frame.get();
			expect(frame.caches.styledChars.size).toBeLessThanOrEqual(2 * GENERATION);
		}
		expect(first.caches.styledChars.get(row, () => 'made again')).toBe(cached);
		expect(first.caches.styledChars.get('figure 0', () => 'made again')).toBe('made again');
	});

	it('keeps what the last frames drew, not every line since start: a changing figure leaves nothing behind', async () => {
		const Output = await patchedOutput();
		const draw = (rows: string[]) => {
			const frame = new Output({width: 30, height: rows.length});
			rows.forEach((text, y) => frame.write(0, y, text, {transformers: []}));
			return frame.get().output;
		};
		const caches = new Output({width: 1, height: 1}).caches;
		const steady = '\u001B[32msteady\u001B[39m title';
		draw([steady, 'reading start']);
		const kept = caches.getStyledChars(steady);
		// A cockpit's morning: the title drawn every frame, a figure that changes every frame.
		for (let i = 0; i < 300; i++) expect(draw([steady, `reading ${i}`])).toContain(`reading ${i}`);
		// The title is the same cached characters; the cache holds the two lines of each of the last
		// two generations of frames, not the 300 figures drawn (nor GENERATION of them).
		expect(caches.getStyledChars(steady)).toBe(kept);
		expect(caches.styledChars.size).toBeLessThanOrEqual(2 * FRAMES_PER_GENERATION + 2);
		expect(caches.styledChars.get('reading 299', () => 'made again')).not.toBe('made again');
		expect(caches.styledChars.get('reading 100', () => 'made again')).toBe('made again');
	});
});
