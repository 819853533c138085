// Sets one key of one table in a TOML file by editing the text, so every other line and comment stays
// as it was. The text is scanned as TOML (quoted and dotted keys, quoted headers, arrays of tables,
// multi-line strings, multi-line arrays), never by line regexes; the result is parsed again and the
// value checked before it is handed back. Returns the new text and a diff for the confirmation.

import {parse as parseToml} from 'smol-toml';

export interface TomlEdit {
	text: string;
	changed: boolean;
	/** Lines like "  12   [agent]", "- 13   enable_prompt_extensions = true", "+ 13   enable_prompt_extensions = false". */
	diff: string[];
}

export class TomlEditError extends Error {}

interface Header {
	kind: 'header';
	array: boolean;
	path: string[];
	start: number;
	/** Offset of the end of the header's line (before the newline). */
	lineEnd: number;
}

interface KeyVal {
	kind: 'keyval';
	/** The table the statement is in (last header), and its own (possibly dotted) key. */
	table: string[];
	key: string[];
	start: number;
	valueStart: number;
	valueEnd: number;
	lineEnd: number;
}

type Statement = Header | KeyVal;

const BARE = /[A-Za-z0-9_-]/;

/** Scan TOML statements; throws TomlEditError on text it cannot follow (the caller then refuses the edit). */
export function scanToml(text: string): Statement[] {
	const out: Statement[] = [];
	let table: string[] = [];
	let i = 0;
	const n = text.length;
	const fail = (what: string): never => {
		const line = text.slice(0, i).split('\n').length;
		throw new TomlEditError(`line ${line}: ${what}`);
	};
	const skipSpaces = () => {
		while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
	};
	const skipComment = () => {
		if (text[i] === '#') while (i < n && text[i] !== '\n') i++;
	};
	const endOfLine = (): number => {
		skipSpaces();
		skipComment();
		const end = i > 0 && text[i - 1] === '\r' ? i - 1 : i;
		if (i < n && text[i] === '\r') i++;
		if (i < n && text[i] !== '\n') fail('unexpected text after a value');
		return text[end - 1] === '\r' ? end - 1 : end;
	};
	const readString = (): string => {
		const q = text[i]!;
		const triple = text.startsWith(q.repeat(3), i);
		if (triple) {
			i += 3;
			let value = '';
			for (;;) {
				if (i >= n) fail('unterminated multi-line string');
				if (q === '"' && text[i] === '\\') {
					value += text.slice(i, i + 2);
					i += 2;
					continue;
				}
				if (text.startsWith(q.repeat(3), i)) {
					// Up to two quotes may end the content right before the closing three.
					let extra = 0;
					while (extra < 2 && text[i + 3 + extra] === q) extra++;
					value += q.repeat(extra);
					i += 3 + extra;
					return value;
				}
				value += text[i];
				i++;
			}
		}
		i++;
		let value = '';
		for (;;) {
			if (i >= n || text[i] === '\n') fail('unterminated string');
			const c = text[i]!;
			if (q === '"' && c === '\\') {
				const next = text[i + 1] ?? '';
				value += next === '"' ? '"' : next === '\\' ? '\\' : `\\${next}`;
				i += 2;
				continue;
			}
			if (c === q) {
				i++;
				return value;
			}
			value += c;
			i++;
		}
	};
	const readKey = (): string[] => {
		const parts: string[] = [];
		for (;;) {
			skipSpaces();
			if (text[i] === '"' || text[i] === "'") {
				if (text.startsWith(text[i]!.repeat(3), i)) fail('a multi-line string cannot be a key');
				parts.push(readString());
			} else {
				const s = i;
				while (i < n && BARE.test(text[i]!)) i++;
				if (i === s) fail('expected a key');
				parts.push(text.slice(s, i));
			}
			skipSpaces();
			if (text[i] !== '.') return parts;
			i++;
		}
	};
	const skipValue = (): void => {
		const c = text[i];
		if (c === '"' || c === "'") {
			readString();
			return;
		}
		if (c === '[' || c === '{') {
			const close = c === '[' ? ']' : '}';
			i++;
			for (;;) {
				while (i < n && /[ \t\r\n,]/.test(text[i]!)) i++;
				if (text[i] === '#') {
					skipComment();
					continue;
				}
				if (i >= n) fail(`unterminated ${c === '[' ? 'array' : 'inline table'}`);
				if (text[i] === close) {
					i++;
					return;
				}
				if (c === '{') {
					readKey();
					skipSpaces();
					if (text[i] !== '=') fail('expected = in an inline table');
					i++;
					skipSpaces();
				}
				skipValue();
			}
		}
		const s = i;
		while (i < n && !/[\s,\]}#]/.test(text[i]!)) i++;
		if (i === s) fail('expected a value');
	};
	while (i < n) {
		skipSpaces();
		if (text[i] === '\r' || text[i] === '\n') {
			i++;
			continue;
		}
		if (text[i] === '#') {
			skipComment();
			continue;
		}
		if (i >= n) break;
		const start = i;
		if (text[i] === '[') {
			const array = text[i + 1] === '[';
			i += array ? 2 : 1;
			const path = readKey();
			if (text[i] !== ']' || (array && text[i + 1] !== ']')) fail('expected ] after a table name');
			i += array ? 2 : 1;
			table = path;
			out.push({kind: 'header', array, path, start, lineEnd: endOfLine()});
			continue;
		}
		const key = readKey();
		if (text[i] !== '=') fail('expected = after a key');
		i++;
		skipSpaces();
		const valueStart = i;
		skipValue();
		const valueEnd = i;
		out.push({kind: 'keyval', table, key, start, valueStart, valueEnd, lineEnd: endOfLine()});
	}
	return out;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => x === b[k]);
const startsWith = (a: readonly string[], prefix: readonly string[]) => prefix.every((x, k) => a[k] === x);

function lookup(doc: unknown, path: readonly string[]): unknown {
	let node = doc;
	for (const p of path) {
		if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
		node = (node as Record<string, unknown>)[p];
	}
	return node;
}

function parseOrThrow(text: string, what: string): Record<string, unknown> {
	try {
		return parseToml(text) as Record<string, unknown>;
	} catch (error) {
		throw new TomlEditError(`${what}: ${(error as Error).message.split('\n')[0]}`);
	}
}

export function setTomlValue(text: string, section: string, key: string, value: string): TomlEdit {
	const doc = parseOrThrow(text, 'not valid TOML, so it is not edited; fix it first');
	const want = (parseToml(`v = ${value}`) as {v: unknown}).v;
	const path = [section, key];
	const current = lookup(doc, path);
	if (current === want) {
		const at = scanToml(text).find((s): s is KeyVal => s.kind === 'keyval' && same([...s.table, ...s.key], path));
		const line = at ? text.slice(0, at.start).split('\n').length : 0;
		return {text, changed: false, diff: at ? [`  ${line}   ${lineAt(text, at.start)}   (already set)`] : []};
	}
	const statements = scanToml(text);
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	let next: string;
	const existing = statements.find((s): s is KeyVal => s.kind === 'keyval' && same([...s.table, ...s.key], path));
	if (existing) {
		next = text.slice(0, existing.valueStart) + value + text.slice(existing.valueEnd);
	} else {
		const headerIndex = statements.findIndex(s => s.kind === 'header' && !s.array && same(s.path, [section]));
		// Keys of the table written as dotted keys (`agent.x = 1` at the top, or in a parent table).
		const dotted = statements.filter((s): s is KeyVal => s.kind === 'keyval' && s.key.length > 1 && startsWith([...s.table, ...s.key], [section]) && s.table.length < 1);
		if (headerIndex >= 0) {
			let last: Statement = statements[headerIndex]!;
			for (const s of statements.slice(headerIndex + 1)) {
				if (s.kind === 'header') break;
				last = s;
			}
			next = `${text.slice(0, last.lineEnd)}${eol}${key} = ${value}${text.slice(last.lineEnd)}`;
		} else if (dotted.length > 0) {
			const last = dotted.at(-1)!;
			next = `${text.slice(0, last.lineEnd)}${eol}${section}.${key} = ${value}${text.slice(last.lineEnd)}`;
		} else {
			const body = text.length === 0 || text.endsWith('\n') ? text : text + eol;
			next = `${body}${body.trim() === '' ? '' : eol}[${section}]${eol}${key} = ${value}${eol}`;
		}
	}
	// Parse the result and check the value, and that nothing else moved, before anyone writes it.
	const after = parseOrThrow(next, 'the edit would make the file invalid TOML; not written');
	if (lookup(after, path) !== want) throw new TomlEditError(`the edit did not set ${section}.${key} to ${value}; not written`);
	const withoutKey = (d: Record<string, unknown>) => {
		const copy = structuredClone(d);
		const t = copy[section];
		if (t && typeof t === 'object' && !Array.isArray(t)) {
			delete (t as Record<string, unknown>)[key];
			if (Object.keys(t).length === 0) delete copy[section];
		}
		return JSON.stringify(copy);
	};
	if (withoutKey(after) !== withoutKey(doc)) throw new TomlEditError(`the edit would change more than ${section}.${key}; not written`);
	return {text: next, changed: true, diff: diffLines(text, next)};
}

function lineAt(text: string, offset: number): string {
	const start = text.lastIndexOf('\n', offset - 1) + 1;
	const end = text.indexOf('\n', offset);
	return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

/** The changed lines with one line of context each side. */
function diffLines(before: string, after: string): string[] {
	const a = before.split(/\r?\n/);
	const b = after.split(/\r?\n/);
	let top = 0;
	while (top < a.length && top < b.length && a[top] === b[top]) top++;
	let ea = a.length - 1;
	let eb = b.length - 1;
	while (ea >= top && eb >= top && a[ea] === b[eb]) {
		ea--;
		eb--;
	}
	const out: string[] = [];
	if (top > 0) out.push(`  ${top}   ${a[top - 1]}`);
	for (let k = top; k <= ea; k++) out.push(`- ${k + 1}   ${a[k]}`);
	for (let k = top; k <= eb; k++) out.push(`+ ${k + 1}   ${b[k]}`);
	if (eb + 1 < b.length && b[eb + 1] !== '') out.push(`  ${eb + 2}   ${b[eb + 1]}`);
	return out;
}

/** The current value of `[section] key` as TOML would read it ("true", "false", a string...), or null when absent or unreadable. */
export function readTomlValue(text: string, section: string, key: string): string | null {
	let doc: unknown;
	try {
		doc = parseToml(text);
	} catch {
		return null;
	}
	const value = lookup(doc, [section, key]);
	return value === undefined || (typeof value === 'object' && value !== null) ? null : String(value);
}
