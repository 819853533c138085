// The README's key tables say what the cockpit's keys do: every line of them is a line of the
// command registry as the cockpit binds it (the same lines `?` shows), and every registry line is
// in them. A key added, rebound or reworded without the README fails here.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {keyLines, type KeyLine} from '../../source/commands/help-lines.js';
import {cockpitCommands} from '../../source/runtime/commands.js';
import {REPO_ROOT} from '../support/paths.js';

/** The `## Keys` section's tables, each under a `### Group` heading: `| key | what |` rows. */
function readmeKeyLines(markdown: string): KeyLine[] {
	const section = /^## Keys\n([\s\S]*?)(?=^## )/m.exec(markdown)?.[1];
	if (section === undefined) throw new Error('README.md has no "## Keys" section');
	const lines: KeyLine[] = [];
	let group: string | undefined;
	for (const line of section.split('\n')) {
		const heading = /^### (.+)$/.exec(line);
		if (heading) {
			group = heading[1]!.trim();
			continue;
		}
		if (!line.startsWith('|') || group === undefined) continue;
		const cells = line
			.slice(1, line.endsWith('|') ? -1 : undefined)
			.split(/(?<!\\)\|/)
			.map(c => c.replace(/\\\|/g, '|').trim());
		// The header row and its separator.
		if (cells[0] === 'key' || cells.every(c => /^:?-+:?$/.test(c))) continue;
		lines.push({group, keys: cells[0]!.replace(/`/g, '').replace(/\s+/g, ' ').trim(), text: cells[1] ?? ''});
	}
	return lines;
}

const asText = (l: KeyLine) => `${l.group} | ${l.keys} | ${l.text}`;
/** Lines of `a` not in `b`, a repeated line counted as often as it repeats. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
	const left = [...b];
	return a.filter(x => {
		const i = left.indexOf(x);
		if (i < 0) return true;
		left.splice(i, 1);
		return false;
	});
}

describe("the README's key tables", () => {
	const noop = async () => undefined;
	const registry = keyLines(cockpitCommands({open: noop, choose: noop, confirm: noop, escape: () => undefined, force: () => undefined})).map(asText);
	const readme = readmeKeyLines(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).map(asText);

	it('list every key of the registry with its description, under its panel or context', () => {
		expect(registry.length).toBeGreaterThan(50);
		expect(missingFrom(registry, readme), 'registry lines missing from README.md (group | keys | what)').toEqual([]);
	});

	it('list no key the registry does not have, nor an old wording', () => {
		expect(missingFrom(readme, registry), 'README.md lines that are not in the registry (group | keys | what)').toEqual([]);
	});

	it('a changed description or key is caught', () => {
		// The registry written as README tables reads back as the registry; one word changed, one line differs.
		const lines = keyLines(cockpitCommands({open: noop, choose: noop, confirm: noop, escape: () => undefined, force: () => undefined}));
		const markdown = (all: KeyLine[]) =>
			`## Keys\n\n${[...new Set(all.map(l => l.group))].map(g => `### ${g}\n\n| key | what |\n|---|---|\n${all.filter(l => l.group === g).map(l => `| ${l.keys.split(' ').map(k => `\`${k}\``).join(' ')} | ${l.text.replace(/\|/g, '\\|')} |`).join('\n')}\n`).join('\n')}\n## Next\n`;
		expect(readmeKeyLines(markdown(lines)).map(asText)).toEqual(registry);
		const reworded = lines.map((l, i) => (i === 3 ? {...l, text: `${l.text} now`} : l));
		expect(missingFrom(registry, readmeKeyLines(markdown(reworded)).map(asText))).toEqual([registry[3]]);
		const rebound = lines.map((l, i) => (i === 3 ? {...l, keys: 'x'} : l));
		expect(missingFrom(readmeKeyLines(markdown(rebound)).map(asText), registry)).toEqual([asText(rebound[3]!)]);
	});
});
