// The edits that point a client at the serving engine: OpenHands' config.toml `[llm] model` and
// `base_url`, Aider's .aider.conf.yml `model` and `openai-api-base`. Each edit touches only the
// value it sets (every other byte stays), and the result is parsed again and compared with the
// original: exactly the keys set may differ, or the edit is refused.

import {isMap, isScalar, parseDocument} from 'yaml';
import {parse as parseToml} from 'smol-toml';
import {setTomlValue} from '../text/toml-edit.js';

export interface ClientEdit {
	text: string;
	changed: boolean;
	/** Changed lines for the confirmation: "- old", "+ new". */
	diff: string[];
}

export class ClientEditError extends Error {}

/** Equal as data, whatever the key order (a parsed file against the wanted values). */
function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
	if (typeof v === 'bigint') return `${v}n`;
	if (v instanceof Date) return v.toISOString();
	if (Array.isArray(v)) return v.map(canonical);
	if (v !== null && typeof v === 'object') {
		return Object.fromEntries(Object.keys(v).sort().map(k => [k, canonical((v as Record<string, unknown>)[k])]));
	}
	return v;
}

function lineDiff(before: string, after: string): string[] {
	const a = before.split(/\r?\n/);
	const b = after.split(/\r?\n/);
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length - 1;
	let endB = b.length - 1;
	while (endA >= start && endB >= start && a[endA] === b[endB]) {
		endA--;
		endB--;
	}
	const out: string[] = [];
	if (start > 0) out.push(`  ${start}   ${a[start - 1]}`);
	for (let i = start; i <= endA; i++) out.push(`- ${i + 1}   ${a[i]}`);
	for (let i = start; i <= endB; i++) out.push(`+ ${i + 1}   ${b[i]}`);
	return out;
}

/**
 * The one place a TOML value is set for a swap: the shared line editor, then a parse of both
 * texts that must differ in exactly `section.key`.
 */
export function setTomlKeys(text: string, section: string, values: Readonly<Record<string, string>>, file = 'config.toml'): ClientEdit {
	let before: Record<string, unknown>;
	try {
		before = parseToml(text) as Record<string, unknown>;
	} catch (error) {
		throw new ClientEditError(`${file} does not parse as TOML (${(error as Error).message.split('\n')[0]}): fix it before it is rewritten`);
	}
	let next = text;
	for (const [key, value] of Object.entries(values)) next = setTomlValue(next, section, key, JSON.stringify(value)).text;
	let after: Record<string, unknown>;
	try {
		after = parseToml(next) as Record<string, unknown>;
	} catch (error) {
		throw new ClientEditError(`${file}: the edit of [${section}] would not parse (${(error as Error).message.split('\n')[0]}); set ${Object.keys(values).join(' and ')} by hand`);
	}
	const wanted = structuredClone(before);
	const table = (wanted[section] ??= {}) as Record<string, unknown>;
	if (typeof table !== 'object' || Array.isArray(table)) throw new ClientEditError(`${file}: ${section} is not a table`);
	Object.assign(table, values);
	if (!sameJson(after, wanted)) {
		throw new ClientEditError(`${file}: this file's layout of [${section}] cannot be edited safely here; set ${Object.entries(values).map(([k, v]) => `${k} = "${v}"`).join(', ')} by hand`);
	}
	return {text: next, changed: next !== text, diff: lineDiff(text, next)};
}

/** The value in the quoting the file already used for it (plain when that is safe). */
function yamlScalar(value: string, style: string = 'PLAIN'): string {
	if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
	if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
	return /^[A-Za-z0-9_][A-Za-z0-9_./:@-]*$/.test(value) && !/:\s|:$/.test(value) ? value : JSON.stringify(value);
}

/** Sets top-level keys of a YAML mapping by replacing only their value's bytes (or appending the key). */
export function setYamlKeys(text: string, values: Readonly<Record<string, string>>, file = '.aider.conf.yml'): ClientEdit {
	const doc = parseDocument(text);
	if (doc.errors.length > 0) throw new ClientEditError(`${file} does not parse as YAML (${doc.errors[0]!.message.split('\n')[0]}): fix it before it is rewritten`);
	const contents = doc.contents;
	if (contents !== null && (!isMap(contents) || contents.flow)) throw new ClientEditError(`${file}: the top level is not a block mapping; set ${Object.keys(values).join(' and ')} by hand`);
	const before = (doc.toJS() ?? {}) as Record<string, unknown>;
	const edits: Array<{start: number; end: number; text: string}> = [];
	const appends: string[] = [];
	for (const [key, value] of Object.entries(values)) {
		const pair = contents?.items.find(p => isScalar(p.key) && p.key.value === key);
		const node = pair?.value;
		if (pair && isScalar(node) && node.range && (node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
			edits.push({start: node.range[0], end: node.range[1], text: yamlScalar(value, node.type)});
		} else if (pair) {
			throw new ClientEditError(`${file}: ${key} is not a one-line value; set ${key}: ${value} by hand`);
		} else {
			appends.push(`${key}: ${yamlScalar(value)}`);
		}
	}
	let next = text;
	for (const e of edits.sort((a, b) => b.start - a.start)) next = next.slice(0, e.start) + e.text + next.slice(e.end);
	if (appends.length > 0) {
		const eol = text.includes('\r\n') ? '\r\n' : '\n';
		if (next.length > 0 && !next.endsWith('\n')) next += eol;
		next += appends.join(eol) + eol;
	}
	const check = parseDocument(next);
	const wanted = {...before, ...values};
	if (check.errors.length > 0 || !sameJson(check.toJS(), wanted)) {
		throw new ClientEditError(`${file}: the edit would change more than ${Object.keys(values).join(' and ')}; set them by hand`);
	}
	return {text: next, changed: next !== text, diff: lineDiff(text, next)};
}
