// Loads themes/*.json (shipped beside the package) and validates them.

import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {themeFileSchema, TOKENS, type Theme, type Token} from './tokens.js';

export const THEMES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'themes');

export class ThemeError extends Error {}

export function listThemes(dir = THEMES_DIR): string[] {
	return readdirSync(dir)
		.filter(f => f.endsWith('.json'))
		.map(f => f.slice(0, -5))
		.sort();
}

export function loadTheme(name: string, dir = THEMES_DIR): Theme {
	const file = path.join(dir, `${name}.json`);
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		const available = safeList(dir);
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			throw new ThemeError(`theme "${name}" not found in ${dir}; available: ${available.join(', ')}`);
		}
		throw new ThemeError(`${file}: ${(error as Error).message}`);
	}
	const parsed = themeFileSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new ThemeError(`${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
	}
	const colors = Object.fromEntries(TOKENS.map(t => [t, parsed.data.colors[t] ?? undefined])) as Record<Token, string | undefined>;
	return {name: parsed.data.name, colors, mono: TOKENS.every(t => colors[t] === undefined)};
}

function safeList(dir: string): string[] {
	try {
		return listThemes(dir);
	} catch {
		return [];
	}
}
