// A panel builds all its rows again when one figure in it changes. A Line (or Span) given what it
// drew last time is skipped by React; one whose text, tone or style changed is drawn again.
import React from 'react';
import {render} from 'ink';
import chalk from 'chalk';
import {describe, expect, it} from 'vitest';
import {FakeStdout, plain} from '../support/render-frame.js';
import {CockpitProvider, type CockpitContext} from '../../source/ui/context.js';
import {Line, Span} from '../../source/ui/widgets/Line.js';
import {loadTheme} from '../../source/theme/load.js';
import {UNICODE_GLYPHS} from '../../source/theme/tokens.js';
import type {Token} from '../../source/theme/tokens.js';

interface Cell {
	text: string;
	tone?: Token;
}

describe('Line', () => {
	it('is drawn again only when what it shows changed', async () => {
		const theme = loadTheme('dark');
		// Line and Span each look their colour up once when they are drawn: counted here. They read
		// only the theme and glyphs from the cockpit.
		let drawn = 0;
		const colors = new Proxy(theme.colors, {
			get(target, key, receiver) {
				drawn++;
				return Reflect.get(target, key, receiver) as unknown;
			},
		});
		const context = {theme: {...theme, colors}, glyphs: UNICODE_GLYPHS} as unknown as CockpitContext;
		const row = (cells: readonly Cell[], bold = false) => (
			<CockpitProvider value={context}>
				<Line bold={bold}>{cells.map((c, i) => (c.tone ? <Span key={i} tone={c.tone}>{c.text}</Span> : c.text))}</Line>
			</CockpitProvider>
		);
		const stdout = new FakeStdout(40, 5);
		// Colours on, as in a terminal (the test runner has none), so a tone shows in the frame.
		const level = chalk.level;
		chalk.level = 1;
		const settle = () => new Promise(r => setTimeout(r, 20));
		const shown = () => plain(stdout.frames.at(-1) ?? '');
		const cells: Cell[] = [{text: 'sglang '}, {text: '41.7 tok/s', tone: 'accent'}, {text: ' up'}];
		const instance = render(row(cells), {stdout: stdout as unknown as NodeJS.WriteStream, debug: true, exitOnCtrlC: false, patchConsole: false});
		try {
			await settle();
			expect(shown()).toBe('sglang 41.7 tok/s up');
			// The Line and its Span.
			expect(drawn).toBe(2);

			// New arrays and elements, the same text and tones: React skips the row.
			instance.rerender(row(cells.map(c => ({...c}))));
			await settle();
			expect(drawn).toBe(2);
			expect(shown()).toBe('sglang 41.7 tok/s up');

			// A figure inside a Span changes: both drawn again, showing it.
			instance.rerender(row([cells[0]!, {text: '39.2 tok/s', tone: 'accent'}, cells[2]!]));
			await settle();
			expect(drawn).toBe(4);
			expect(shown()).toBe('sglang 39.2 tok/s up');

			// A Span's tone changes (same text): drawn again, in the new colour.
			const before = stdout.frames.at(-1);
			instance.rerender(row([cells[0]!, {text: '39.2 tok/s', tone: 'error'}, cells[2]!]));
			await settle();
			expect(drawn).toBe(6);
			expect(stdout.frames.at(-1)).not.toBe(before);

			// The Line's own style changes: the Line drawn again, in bold; its Span, the same, is not.
			instance.rerender(row([cells[0]!, {text: '39.2 tok/s', tone: 'error'}, cells[2]!], true));
			await settle();
			expect(drawn).toBe(7);
			expect(stdout.frames.at(-1)).toContain('\u001B[1m');
		} finally {
			instance.unmount();
			chalk.level = level;
		}
	});
});
