// Ink 6.8 builds each frame in a new Output, whose caches (a line's styled characters, a string's
// width) start empty every render: a cockpit that redraws the same rows each second tokenizes and
// measures every one of them again. The bundle replaces Ink's OutputCaches with one shared across
// renders and bounded: two generations of at most GENERATION entries per cache; a full young
// generation becomes the old one, and a hit in the old one moves back to the young. The rows of the
// frames being drawn stay cached, old rows are dropped. Measured at 80x24 on the demo, side by side
// for 6.5 minutes: 8.8% of a core unpatched, 6.8% with a shared cache. The Output only reads the
// cached characters (it copies them into its own row arrays), so sharing them is safe.

export const GENERATION = 600;

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
const plainChar = c => ({type: c.type, value: c.value, fullWidth: c.fullWidth, styles: c.styles});
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
        return this.styledChars.get(line, l => styledCharsFromTokens(tokenize(l)).map(plainChar));
    }
    getSlice(line, from, to) {
        const last = this.slices.get(line, () => ({from: -1, to: -1, text: ''}));
        if (last.from !== from || last.to !== to) {
            last.from = from;
            last.to = to;
            last.text = sliceAnsi(line, from, to);
        }
        return last.text;
    }
    getStringWidth(text) {
        return this.widths.get(text, t => stringWidth(t));
    }
    getWidestLine(text) {
        return this.blockWidths.get(text, t => {
            let lineWidth = 0;
            for (const line of t.split('\\n')) {
                lineWidth = Math.max(lineWidth, this.getStringWidth(line));
            }
            return lineWidth;
        });
    }
}`;

const FIELD = 'caches = new OutputCaches();';

// A line inside a box that clips (overflow hidden: every panel) is cut to the box on every frame,
// though the same line is cut the same way frame after frame: the cut is kept with the line.
const SLICE = 'return sliceAnsi(line, from, to);';

// Every empty cell of every frame was a new object; one frozen blank serves them all (the cells are
// only read), and lets a row that did not change be recognised by its cells.
const BLANK_CELL = `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;
const ROW_TEXT = `.map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })`;

/** Each replacement must match Ink's code exactly once. */
const REPLACEMENTS = [
	[ORIGINAL, SHARED],
	[FIELD, 'caches = (OutputCaches.shared ??= new OutputCaches());'],
	[SLICE, 'return this.caches.getSlice(line, from, to);'],
	[BLANK_CELL, 'row.push(BLANK);'],
	[ROW_TEXT, '.map((line, y) => this.caches.getRowText(y, line.filter(item => item !== undefined)))'],
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

/** @alcalzone/ansi-tokenize's build/diff.js answering equal styles at once. */
export function sameStylesAtOnce(source) {
	if (source.split(DIFF_START).length !== 2) {
		throw new Error('@alcalzone/ansi-tokenize/build/diff.js is not the 0.2 code this bundle patches: update scripts/ink-output-cache.mjs for the new version');
	}
	return source.replace(DIFF_START, () => DIFF_SAME);
}

const PATCHES = {
	'output.js': shareInkOutputCaches,
	'render-node-to-output.js': cacheTextWidths,
	'measure-text.js': boundMeasureCache,
	'wrap-text.js': boundWrapCache,
};

/** The esbuild plugin that applies them. */
export const inkOutputCachePlugin = {
	name: 'ink-output-cache',
	setup(build) {
		build.onLoad({filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/}, async args => {
			const {readFile} = await import('node:fs/promises');
			return {contents: sameStylesAtOnce(await readFile(args.path, 'utf8')), loader: 'js'};
		});
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/](output|render-node-to-output|measure-text|wrap-text)\.js$/}, async args => {
			const {readFile} = await import('node:fs/promises');
			const patch = PATCHES[args.path.split(/[\\/]/).at(-1)];
			return {contents: patch(await readFile(args.path, 'utf8')), loader: 'js'};
		});
	},
};
