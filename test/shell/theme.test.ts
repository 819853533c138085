import {describe, expect, it} from 'vitest';
import {colorLevel, decideColors, wantsAscii} from '../../source/theme/resolve.js';
import {listThemes, loadTheme} from '../../source/theme/load.js';
import {TOKENS} from '../../source/theme/tokens.js';

describe('colour decisions', () => {
	it('NO_COLOR selects the mono theme whatever was asked for', () => {
		expect(decideColors({NO_COLOR: '1', COLORTERM: 'truecolor'}, 'dark', 'dark', true)).toMatchObject({level: 0, theme: 'mono'});
	});

	it('FORCE_COLOR is honoured, including FORCE_COLOR=0', () => {
		expect(colorLevel({FORCE_COLOR: '0', COLORTERM: 'truecolor'}).level).toBe(0);
		expect(colorLevel({FORCE_COLOR: '3', TERM: 'dumb'}).level).toBe(3);
		expect(colorLevel({FORCE_COLOR: '2'}).level).toBe(2);
		expect(colorLevel({FORCE_COLOR: '1', TERM: 'xterm'}).level).toBe(1);
	});

	it('truecolor only when COLORTERM says so; tmux-256color gets 256 colours', () => {
		expect(colorLevel({COLORTERM: 'truecolor', TERM: 'xterm-256color'}).level).toBe(3);
		expect(colorLevel({TERM: 'tmux-256color'}).level).toBe(2);
		expect(colorLevel({TERM: 'xterm'}).level).toBe(1);
	});

	it('with only 16 colours the default theme becomes ansi16, an explicit one is kept', () => {
		expect(decideColors({TERM: 'xterm'}, undefined, 'dark', true).theme).toBe('ansi16');
		expect(decideColors({TERM: 'xterm'}, undefined, 'light', false).theme).toBe('light');
		expect(decideColors({TERM: 'xterm-256color'}, 'high-contrast', 'light', false).theme).toBe('high-contrast');
	});

	it('ASCII borders under a non-UTF-8 locale, or when asked', () => {
		expect(wantsAscii({LANG: 'C'}, 'auto')).toBe(true);
		expect(wantsAscii({LANG: 'en_US.ISO-8859-1'}, 'auto')).toBe(true);
		expect(wantsAscii({LANG: 'en_US.UTF-8'}, 'auto')).toBe(false);
		expect(wantsAscii({LC_ALL: 'C', LANG: 'en_US.UTF-8'}, 'auto')).toBe(true);
		expect(wantsAscii({LANG: 'en_US.UTF-8'}, true)).toBe(true);
	});
});

describe('shipped themes', () => {
	it('ships dark, light, high-contrast, ansi16 and mono, each with every token', () => {
		expect(listThemes()).toEqual(expect.arrayContaining(['dark', 'light', 'high-contrast', 'ansi16', 'mono']));
		for (const name of listThemes()) {
			const theme = loadTheme(name);
			expect(Object.keys(theme.colors).sort()).toEqual([...TOKENS].sort());
		}
		expect(loadTheme('mono').mono).toBe(true);
		expect(loadTheme('dark').mono).toBe(false);
	});

	it('an unknown theme names what is available', () => {
		expect(() => loadTheme('solarized')).toThrow(/theme "solarized" not found .*available: .*dark/);
	});
});
