// Decides colour depth, theme and border glyphs from flags, config and the environment. Decided
// here rather than left to chalk, which ignores NO_COLOR and under-reports tmux's 256 colours.

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorDecision {
	level: ColorLevel;
	theme: string;
	reason: string;
}

type Env = Record<string, string | undefined>;

export function colorLevel(env: Env): {level: ColorLevel; reason: string} {
	const force = env['FORCE_COLOR'];
	if (force !== undefined) {
		if (force === '0' || force === 'false') return {level: 0, reason: 'FORCE_COLOR=0'};
		if (force === '2') return {level: 2, reason: 'FORCE_COLOR=2'};
		if (force === '3') return {level: 3, reason: 'FORCE_COLOR=3'};
		// FORCE_COLOR set with no useful depth: at least 16 colours, more if the terminal says so.
		const detected = detectDepth(env);
		return {level: Math.max(1, detected) as ColorLevel, reason: `FORCE_COLOR=${force}`};
	}
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return {level: 0, reason: 'NO_COLOR is set'};
	const depth = detectDepth(env);
	return {level: depth, reason: depth === 3 ? `COLORTERM=${env['COLORTERM']}` : `TERM=${env['TERM'] ?? ''}`};
}

function detectDepth(env: Env): ColorLevel {
	const colorterm = (env['COLORTERM'] ?? '').toLowerCase();
	if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
	const term = (env['TERM'] ?? '').toLowerCase();
	if (term === 'dumb') return 0;
	if (term.includes('256color') || term.includes('direct')) return 2;
	return 1;
}

/**
 * Pick the theme: NO_COLOR / no colour support force "mono"; an explicit choice (flag, then
 * config) is honoured otherwise; with only 16 colours the default theme becomes "ansi16".
 */
export function decideColors(env: Env, flagTheme: string | undefined, configTheme: string, configThemeIsDefault: boolean): ColorDecision {
	const {level, reason} = colorLevel(env);
	if (level === 0) return {level, theme: 'mono', reason};
	if (flagTheme) return {level, theme: flagTheme, reason: `--theme ${flagTheme}`};
	if (!configThemeIsDefault) return {level, theme: configTheme, reason: `theme = "${configTheme}" in config`};
	if (level === 1) return {level, theme: 'ansi16', reason: `${reason}: 16 colours only`};
	return {level, theme: configTheme, reason: 'default'};
}

/** Box drawing becomes "?" under a non-UTF-8 locale; an unset locale is taken as UTF-8. */
export function wantsAscii(env: Env, setting: boolean | 'auto'): boolean {
	if (setting !== 'auto') return setting;
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
	if (!locale) return false;
	return !/utf-?8/i.test(locale);
}
