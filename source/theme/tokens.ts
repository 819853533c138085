// Semantic colour tokens: views ask for "warn" or "border", never for a colour. Themes are data
// files in themes/*.json; null means "the terminal's default colour".

import {z} from 'zod';

export const TOKENS = [
	'text',
	'muted',
	'accent',
	'title',
	'border',
	'borderFocus',
	'ok',
	'warn',
	'error',
	'info',
	'selection',
	'selectionText',
	'spark',
] as const;
export type Token = (typeof TOKENS)[number];

const colorValue = z.union([z.string().min(1), z.null()]);

export const themeFileSchema = z.strictObject({
	name: z.string(),
	description: z.string().optional(),
	colors: z.strictObject(Object.fromEntries(TOKENS.map(t => [t, colorValue])) as Record<Token, typeof colorValue>),
});

export interface Theme {
	name: string;
	/** Colour per token; undefined = terminal default. */
	colors: Record<Token, string | undefined>;
	/** No colours at all: views use bold/inverse for focus and selection. */
	mono: boolean;
}

export interface Glyphs {
	ascii: boolean;
	borderStyle: 'round' | 'classic';
	barFull: string;
	barEmpty: string;
	spark: string[];
	ellipsis: string;
	sep: string;
	up: string;
	down: string;
	bullet: string;
}

export const UNICODE_GLYPHS: Glyphs = {
	ascii: false,
	borderStyle: 'round',
	barFull: '█',
	barEmpty: '░',
	spark: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
	ellipsis: '…',
	sep: '│',
	up: '▲',
	down: '▼',
	bullet: '●',
};

export const ASCII_GLYPHS: Glyphs = {
	ascii: true,
	borderStyle: 'classic',
	barFull: '#',
	barEmpty: '.',
	spark: ['_', '.', '-', '~', '=', '+', '*', '#'],
	ellipsis: '~',
	sep: '|',
	up: '^',
	down: 'v',
	bullet: '*',
};
