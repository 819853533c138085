// Ink 6.8 builds each frame in a new Output, whose caches (a line's styled characters, a string's
// width) start empty every render: a cockpit that redraws the same rows each second tokenizes and
// measures every one of them again. The bundle replaces Ink's OutputCaches with one shared across
// renders and bounded: two generations of at most GENERATION entries per cache; a full young
// generation becomes the old one, and a hit in the old one moves back to the young. The rows of the
// frames being drawn stay cached, old rows are dropped. Measured at 80x24 on the demo, side by side
// for 6.5 minutes: 8.8% of a core unpatched, 6.8% with a shared cache. The Output only reads the
// cached characters (it copies them into its own row arrays), so sharing them is safe.
// The frame's caches also turn a generation every FRAMES_PER_GENERATION frames, so they hold what
// the last frames drew, not the last 600 lines ever drawn: a figure that changes makes a new line
// about once a second in the demo, and the styled characters of 1,200 stale lines (about 5 MB)
// took ten minutes to gather. Heap snapshots of the cockpit at 80x24 at 2 and 6 minutes: the cache
// grew from 1.7 to 2.8 MB, most of the old space's growth; no old generation had formed yet.

export const GENERATION = 600;
export const FRAMES_PER_GENERATION = 10;

// Ink 6.8.0's class, exactly: the patch refuses any other.
const ORIGINAL = `class OutputCaches {
    widths = new Map();
    blockWidths = new Map();
    styledChars = new Map();
    getStyledChars(line) {
        let cached = this.styledChars.get(line);
        if (cached === undefined) {
            cached = styledCharsFromTokens(tokenize(line));
            this.styledChars.set(line, cached);
        }
        return cached;
    }
    getStringWidth(text) {
        let cached = this.widths.get(text);
        if (cached === undefined) {
            cached = stringWidth(text);
            this.widths.set(text, cached);
        }
        return cached;
    }
    getWidestLine(text) {
        let cached = this.blockWidths.get(text);
        if (cached === undefined) {
            let lineWidth = 0;
            for (const line of text.split('\\n')) {
                lineWidth = Math.max(lineWidth, this.getStringWidth(line));
            }
            cached = lineWidth;
            this.blockWidths.set(text, cached);
        }
        return cached;
    }
}`;

const SHARED = `const BLANK = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
// ansi-tokenize makes each character with an object spread ({...token, styles}); once that code is
// optimised every character it returns has a hidden class of its own, about 330 bytes a character
// instead of about 100. The cache holds tens of thousands of them: it keeps one plain literal each.
// Each character also keeps its width in cells (what Ink's frame asked string-width for, character
// by character, every frame).
const plainChar = c => ({type: c.type, value: c.value, fullWidth: c.fullWidth, styles: c.styles, width: Math.max(1, stringWidth(c.value))});
// The makers are made once: an arrow written in the call was a new closure for every character.
const makeStyledChars = line => styledCharsFromTokens(tokenize(line)).map(plainChar);
const makeWidth = text => stringWidth(text);
const makeSlice = () => ({from: -1, to: -1, text: ''});
class Generations {
    young = new Map();
    old = new Map();
    get(key, make) {
        let value = this.young.get(key);
        if (value !== undefined) return value;
        value = this.old.get(key);
        if (value === undefined) value = make(key);
        if (this.young.size >= ${GENERATION}) {
            this.old = this.young;
            this.young = new Map();
        }
        this.young.set(key, value);
        return value;
    }
    rotate() {
        this.old = this.young;
        this.young = new Map();
    }
    get size() {
        return this.young.size + this.old.size;
    }
}
class OutputCaches {
    static shared;
    widths = new Generations();
    blockWidths = new Generations();
    styledChars = new Generations();
    slices = new Generations();
    frames = 0;
    // Once a frame: every ${FRAMES_PER_GENERATION} frames what the last ones did not draw goes.
    nextFrame() {
        if (++this.frames < ${FRAMES_PER_GENERATION}) return;
        this.frames = 0;
        this.widths.rotate();
        this.blockWidths.rotate();
        this.styledChars.rotate();
        this.slices.rotate();
    }
    // The string each row of the last frame was made from: its cells (the cached styled characters,
    // the one blank) and the text. A row whose cells are the same objects makes the same text.
    rows = [];
    getRowText(y, cells) {
        const last = this.rows[y];
        if (last !== undefined && last.cells.length === cells.length) {
            let same = true;
            for (let i = 0; i < cells.length; i++) {
                if (last.cells[i] !== cells[i]) {
                    same = false;
                    break;
                }
            }
            if (same) return last.text;
        }
        const text = styledCharsToString(cells).trimEnd();
        this.rows[y] = {cells, text};
        return text;
    }
    getStyledChars(line) {
        return this.styledChars.get(line, makeStyledChars);
    }
    getSlice(line, from, to) {
        const last = this.slices.get(line, makeSlice);
        if (last.from !== from || last.to !== to) {
            last.from = from;
            last.to = to;
            last.text = sliceAnsi(line, from, to);
        }
        return last.text;
    }
    getStringWidth(text) {
        return this.widths.get(text, makeWidth);
    }
    makeWidest = text => {
        let lineWidth = 0;
        for (const line of text.split('\\n')) {
            lineWidth = Math.max(lineWidth, this.getStringWidth(line));
        }
        return lineWidth;
    };
    getWidestLine(text) {
        return this.blockWidths.get(text, this.makeWidest);
    }
}`;

const FIELD = 'caches = new OutputCaches();';

// Ink's Output.get, as Ink 6.8.0 has it, replaced whole: the same frame (the test compares the two,
// frame after frame) with fewer allocations. At 80x24 it made about a quarter of the 2.4 MB the
// cockpit allocated each second: an iterator result for every character written and every line, a
// closure and a string-width lookup per character, a filtered copy of every row. Now about half
// that, mostly the text of the rows that changed. Every empty cell is the one frozen blank (the
// cells are only read), so a row whose cells are the same objects as the last frame's makes the
// same text (getRowText). A line inside a box that clips (every panel) is cut the same way frame
// after frame: the cut is kept with the line.
const GET_ORIGINAL = `    get() {
        // Initialize output array with a specific set of rows, so that margin/padding at the bottom is preserved
        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }
            output.push(row);
        }
        const clips = [];
        for (const operation of this.operations) {
            if (operation.type === 'clip') {
                clips.push(operation.clip);
            }
            if (operation.type === 'unclip') {
                clips.pop();
            }
            if (operation.type === 'write') {
                const { text, transformers } = operation;
                let { x, y } = operation;
                let lines = text.split('\\n');
                const clip = clips.at(-1);
                if (clip) {
                    const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
                    const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
                    // If text is positioned outside of clipping area altogether,
                    // skip to the next operation to avoid unnecessary calculations
                    if (clipHorizontally) {
                        const width = this.caches.getWidestLine(text);
                        if (x + width < clip.x1 || x > clip.x2) {
                            continue;
                        }
                    }
                    if (clipVertically) {
                        const height = lines.length;
                        if (y + height < clip.y1 || y > clip.y2) {
                            continue;
                        }
                    }
                    if (clipHorizontally) {
                        lines = lines.map(line => {
                            const from = x < clip.x1 ? clip.x1 - x : 0;
                            const width = this.caches.getStringWidth(line);
                            const to = x + width > clip.x2 ? clip.x2 - x : width;
                            return sliceAnsi(line, from, to);
                        });
                        if (x < clip.x1) {
                            x = clip.x1;
                        }
                    }
                    if (clipVertically) {
                        const from = y < clip.y1 ? clip.y1 - y : 0;
                        const height = lines.length;
                        const to = y + height > clip.y2 ? clip.y2 - y : height;
                        lines = lines.slice(from, to);
                        if (y < clip.y1) {
                            y = clip.y1;
                        }
                    }
                }
                let offsetY = 0;
                for (let [index, line] of lines.entries()) {
                    const currentLine = output[y + offsetY];
                    // Line can be missing if \`text\` is taller than height of pre-initialized \`this.output\`
                    if (!currentLine) {
                        continue;
                    }
                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;
                    for (const character of characters) {
                        currentLine[offsetX] = character;
                        // Determine printed width using string-width to align with measurement
                        const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
                        // For multi-column characters, clear following cells to avoid stray spaces/artifacts
                        if (characterWidth > 1) {
                            for (let index = 1; index < characterWidth; index++) {
                                currentLine[offsetX + index] = {
                                    type: 'char',
                                    value: '',
                                    fullWidth: false,
                                    styles: character.styles,
                                };
                            }
                        }
                        offsetX += characterWidth;
                    }
                    offsetY++;
                }
            }
        }
        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');
        return {
            output: generatedOutput,
            height: output.length,
        };
    }`;

const GET = `    get() {
        const caches = this.caches;
        caches.nextFrame();
        const width = this.width;
        const output = [];
        for (let y = 0; y < this.height; y++) {
            output.push(new Array(width).fill(BLANK));
        }
        const clips = [];
        const operations = this.operations;
        for (let o = 0; o < operations.length; o++) {
            const operation = operations[o];
            if (operation.type === 'clip') {
                clips.push(operation.clip);
                continue;
            }
            if (operation.type === 'unclip') {
                clips.pop();
                continue;
            }
            if (operation.type !== 'write') {
                continue;
            }
            const { text, transformers } = operation;
            let { x, y } = operation;
            let lines = text.includes('\\n') ? text.split('\\n') : [text];
            const clip = clips.length > 0 ? clips[clips.length - 1] : undefined;
            if (clip) {
                const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
                const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
                if (clipHorizontally) {
                    const widest = caches.getWidestLine(text);
                    if (x + widest < clip.x1 || x > clip.x2) {
                        continue;
                    }
                }
                if (clipVertically) {
                    if (y + lines.length < clip.y1 || y > clip.y2) {
                        continue;
                    }
                }
                if (clipHorizontally) {
                    const from = x < clip.x1 ? clip.x1 - x : 0;
                    for (let i = 0; i < lines.length; i++) {
                        const lineWidth = caches.getStringWidth(lines[i]);
                        const to = x + lineWidth > clip.x2 ? clip.x2 - x : lineWidth;
                        lines[i] = caches.getSlice(lines[i], from, to);
                    }
                    if (x < clip.x1) {
                        x = clip.x1;
                    }
                }
                if (clipVertically) {
                    const from = y < clip.y1 ? clip.y1 - y : 0;
                    const height = lines.length;
                    const to = y + height > clip.y2 ? clip.y2 - y : height;
                    lines = lines.slice(from, to);
                    if (y < clip.y1) {
                        y = clip.y1;
                    }
                }
            }
            let offsetY = 0;
            for (let index = 0; index < lines.length; index++) {
                const currentLine = output[y + offsetY];
                // A line below the last row (or above the first) is not drawn.
                if (!currentLine) {
                    continue;
                }
                let line = lines[index];
                for (let t = 0; t < transformers.length; t++) {
                    line = transformers[t](line, index);
                }
                const characters = caches.getStyledChars(line);
                let offsetX = x;
                for (let c = 0; c < characters.length; c++) {
                    const character = characters[c];
                    currentLine[offsetX] = character;
                    const characterWidth = character.width;
                    for (let i = 1; i < characterWidth; i++) {
                        currentLine[offsetX + i] = {
                            type: 'char',
                            value: '',
                            fullWidth: false,
                            styles: character.styles,
                        };
                    }
                    offsetX += characterWidth;
                }
                offsetY++;
            }
        }
        // A write past the right edge leaves holes in its row, which Ink drops.
        const rows = [];
        for (let y = 0; y < output.length; y++) {
            const line = output[y];
            rows.push(caches.getRowText(y, line.length === width ? line : line.filter(item => item !== undefined)));
        }
        return {
            output: rows.join('\\n'),
            height: output.length,
        };
    }`;

/** Each replacement must match Ink's code exactly once. */
const REPLACEMENTS = [
	[ORIGINAL, SHARED],
	[FIELD, 'caches = (OutputCaches.shared ??= new OutputCaches());'],
	[GET_ORIGINAL, GET],
];

/** Ink's build/output.js with the shared caches; throws when Ink's code is not the one this was written for. */
export function shareInkOutputCaches(source) {
	return replaceExactly(source, 'output.js', REPLACEMENTS);
}

/** Replace each `from` (which must occur exactly once in `source`) with its `to`. */
function replaceExactly(source, file, replacements) {
	let patched = source;
	for (const [from, to] of replacements) {
		if (source.split(from).length !== 2) {
			throw new Error(`ink/build/${file} is not the Ink 6.8 code this bundle patches: update scripts/ink-output-cache.mjs for the new Ink`);
		}
		patched = patched.replace(from, () => to);
	}
	return patched;
}

// Ink measures the widest line of every text node on every frame to decide whether to wrap it
// (string-width over each line: about 11% of the cockpit's CPU at 80x24). Its measureText already
// caches that width by text, for layout; the frame asks it too. Its cache was a Map that kept every
// text ever measured (each figure a new entry): it becomes two bounded generations, as above.
const WIDEST = 'const currentWidth = widestLine(text);';
const MEASURE_IMPORT = "import wrapText from './wrap-text.js';";
const MEASURE_CACHE = 'const cache = new Map();';
const BOUNDED_CACHE = `const cache = new (class {
    young = new Map();
    old = new Map();
    get(key) {
        let value = this.young.get(key);
        if (value !== undefined) return value;
        value = this.old.get(key);
        if (value !== undefined) this.set(key, value);
        return value;
    }
    set(key, value) {
        if (this.young.size >= ${GENERATION}) {
            this.old = this.young;
            this.young = new Map();
        }
        this.young.set(key, value);
    }
    get size() {
        return this.young.size + this.old.size;
    }
})();`;

/** Ink's build/render-node-to-output.js asking the cached measureText for a text's width. */
export function cacheTextWidths(source) {
	return replaceExactly(source, 'render-node-to-output.js', [
		[MEASURE_IMPORT, `${MEASURE_IMPORT}\nimport measureText from './measure-text.js';`],
		[WIDEST, 'const currentWidth = measureText(text).width;'],
	]);
}

/** Ink's build/measure-text.js with its cache bounded. */
export function boundMeasureCache(source) {
	return replaceExactly(source, 'measure-text.js', [[MEASURE_CACHE, BOUNDED_CACHE]]);
}

// Ink's wrapText (every text node with wrap or truncate, on every frame) kept each result in a plain
// object keyed by text, width and mode, forever: a row whose figures change (a hit rate, a token
// count, free disk) added a key each time they did, about 4,000 an hour in the demo at a 100 ms
// refresh. The same two bounded generations replace it.
const WRAP_CACHE = 'const cache = {};';
const WRAP_GET = 'const cachedText = cache[cacheKey];';
const WRAP_SET = 'cache[cacheKey] = wrappedText;';

/** Ink's build/wrap-text.js with its cache bounded. */
export function boundWrapCache(source) {
	return replaceExactly(source, 'wrap-text.js', [
		[WRAP_CACHE, BOUNDED_CACHE],
		[WRAP_GET, 'const cachedText = cache.get(cacheKey);'],
		[WRAP_SET, 'cache.set(cacheKey, wrappedText);'],
	]);
}

// Ink turns each changed row back into a string through ansi-tokenize's styledCharsToString, which
// asks diffAnsiCodes for the codes between every two neighbouring characters: three Sets and four
// arrays a character, about a sixth of what the cockpit allocated each second at 80x24. Neighbours
// almost always share their styles, and then the answer is no codes at all: said before the Sets.
const DIFF_START = 'export function diffAnsiCodes(from, to) {';
const DIFF_SAME = `export function diffAnsiCodes(from, to) {
    if (from.length === to.length) {
        let same = true;
        for (let i = 0; i < from.length; i++) {
            if (from[i].code !== to[i].code || from[i].endCode !== to[i].endCode) {
                same = false;
                break;
            }
        }
        if (same) return [];
    }`;

// styledCharsToString also asks ansiCodesToString for the codes between every two neighbours: a
// map, a Set, a spread and a join a character, though those codes are nearly always none.
const CODES_START = `export function ansiCodesToString(codes) {`;
const CODES_NONE = `export function ansiCodesToString(codes) {
    if (codes.length === 0) {
        return "";
    }`;

/** @alcalzone/ansi-tokenize's build/ansiCodes.js answering no codes at once. */
export function noCodesAtOnce(source) {
	if (source.split(CODES_START).length !== 2) {
		throw new Error('@alcalzone/ansi-tokenize/build/ansiCodes.js is not the 0.2 code this bundle patches: update scripts/ink-output-cache.mjs for the new version');
	}
	return source.replace(CODES_START, () => CODES_NONE);
}

/** @alcalzone/ansi-tokenize's build/diff.js answering equal styles at once. */
export function sameStylesAtOnce(source) {
	if (source.split(DIFF_START).length !== 2) {
		throw new Error('@alcalzone/ansi-tokenize/build/diff.js is not the 0.2 code this bundle patches: update scripts/ink-output-cache.mjs for the new version');
	}
	return source.replace(DIFF_START, () => DIFF_SAME);
}

// Ink sanitises the text of every text node on every frame (squashTextNodes): any text with a
// colour (an ESC) is tokenised and put together again, though the same text gives the same answer
// frame after frame. The answer is kept in the two bounded generations; and the test for control
// characters, which walked a text character by character (a new string each), is one regular
// expression: C1 controls (U+0080-U+009F) are single UTF-16 code units, so testing code units finds
// the same ones as Ink's walk by code points.
const HAS_CONTROLS = `export const hasAnsiControlCharacters = (text) => {
    if (text.includes(escapeCharacter)) {
        return true;
    }
    for (const character of text) {
        if (isC1ControlCharacter(character)) {
            return true;
        }
    }
    return false;
};`;
const HAS_CONTROLS_AT_ONCE = `const ansiControlCharacter = /[\\u001B\\u0080-\\u009F]/;
export const hasAnsiControlCharacters = (text) => ansiControlCharacter.test(text);`;

/** Ink's build/ansi-tokenizer.js testing for control characters with one regular expression. */
export function controlsAtOnce(source) {
	return replaceExactly(source, 'ansi-tokenizer.js', [[HAS_CONTROLS, HAS_CONTROLS_AT_ONCE]]);
}

const SANITIZE_START = 'const sanitizeAnsi = (text) => {';
const SANITIZE_EXPORT = 'export default sanitizeAnsi;';
const SANITIZE_CACHED = `${BOUNDED_CACHE}
const sanitizeAnsi = (text) => {
    if (!hasAnsiControlCharacters(text)) {
        return text;
    }
    let sanitized = cache.get(text);
    if (sanitized === undefined) {
        sanitized = sanitizeAnsiOnce(text);
        cache.set(text, sanitized);
    }
    return sanitized;
};
export default sanitizeAnsi;`;

/** Ink's build/sanitize-ansi.js answering a text it has seen from the bounded cache. */
export function cacheSanitized(source) {
	return replaceExactly(source, 'sanitize-ansi.js', [
		[SANITIZE_START, 'const sanitizeAnsiOnce = (text) => {'],
		[SANITIZE_EXPORT, SANITIZE_CACHED],
	]);
}

const PATCHES = {
	'output.js': shareInkOutputCaches,
	'render-node-to-output.js': cacheTextWidths,
	'measure-text.js': boundMeasureCache,
	'wrap-text.js': boundWrapCache,
	'ansi-tokenizer.js': controlsAtOnce,
	'sanitize-ansi.js': cacheSanitized,
};

/** The esbuild plugin that applies them. */
export const inkOutputCachePlugin = {
	name: 'ink-output-cache',
	setup(build) {
		build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/](diff|ansiCodes)\.js$/}, async args => {
			const {readFile} = await import('node:fs/promises');
			const patch = args.path.endsWith('diff.js') ? sameStylesAtOnce : noCodesAtOnce;
			return {contents: patch(await readFile(args.path, 'utf8')), loader: 'js'};
		});
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/](output|render-node-to-output|measure-text|wrap-text|ansi-tokenizer|sanitize-ansi)\.js$/}, async args => {
			const {readFile} = await import('node:fs/promises');
			const patch = PATCHES[args.path.split(/[\\/]/).at(-1)];
			return {contents: patch(await readFile(args.path, 'utf8')), loader: 'js'};
		});
	},
};
