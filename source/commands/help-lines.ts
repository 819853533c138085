// Help's lines, generated from the command registry: every key, grouped, what it does. The help
// overlay draws them and its list adapter counts and searches them.

import {displayKey} from './keys.js';
import type {Command} from './registry.js';
import {BANG_MEANINGS, LEGENDS} from './legends.js';

export interface HelpLine {
	group?: string;
	keys?: string;
	text?: string;
}

/** One key line: the group it is listed under, its keys as help shows them, what it does. */
export interface KeyLine {
	group: string;
	keys: string;
	text: string;
}

/** Every command as a key line, grouped (groups in the order they first appear). */
export function keyLines(commands: readonly Command[]): KeyLine[] {
	const lines: KeyLine[] = [];
	for (const group of new Set(commands.map(c => c.group))) {
		const inGroup = commands.filter(c => c.group === group);
		// Digit jumps collapse into one line; a command on every digit says "1-7" too.
		const jumps = inGroup.filter(c => c.id.startsWith('panel.') && /^\d$/.test(c.keys[0] ?? ''));
		if (jumps.length > 1) lines.push({group, keys: `${jumps[0]!.keys[0]}-${jumps.at(-1)!.keys[0]}`, text: 'Go to panel'});
		for (const c of inGroup) {
			if (jumps.length > 1 && jumps.includes(c)) continue;
			// A text field takes every printable character: say so instead of listing them.
			const digits = c.keys.length > 2 && c.keys.every(k => /^\d$/.test(k)) ? [`${c.keys[0]}-${c.keys.at(-1)}`] : null;
			const keys = [...(digits ?? c.keys.map(displayKey)), ...(c.typing ? ['any char'] : [])].join(' ');
			lines.push({group, keys, text: c.description});
		}
	}
	return lines;
}

export function helpLines(commands: readonly Command[]): HelpLine[] {
	const lines: HelpLine[] = [{group: 'Marks'}, ...BANG_MEANINGS];
	// What a panel's marks and short words mean, under its keys.
	const legend = (group: string | undefined) => (group === undefined ? [] : (LEGENDS[group] ?? []));
	let group: string | undefined;
	for (const line of keyLines(commands)) {
		if (line.group !== group) {
			lines.push(...legend(group), {group: line.group});
			group = line.group;
		}
		lines.push({keys: line.keys, text: line.text});
	}
	lines.push(...legend(group));
	return lines;
}

export function helpLineText(line: HelpLine): string {
	return line.group ?? `${line.keys ?? ''} ${line.text ?? ''}`;
}

/** The line where `group`'s keys start (a panel's title is its group), or 0 when it has none. */
export function helpSection(lines: readonly HelpLine[], group: string): number {
	return Math.max(0, lines.findIndex(l => l.group === group));
}
