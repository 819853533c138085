// Sets one key in one [section] of a TOML file by editing lines, so every other line and comment
// stays as it was; returns the new text and a unified-style diff for the confirmation dialog.

export interface TomlEdit {
	text: string;
	changed: boolean;
	/** Lines like "  12   [agent]", "- 13   enable_prompt_extensions = true", "+ 13   enable_prompt_extensions = false". */
	diff: string[];
}

const HEADER = /^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*(#.*)?$/;

function keyLine(key: string): RegExp {
	return new RegExp(`^(\\s*)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*=\\s*)([^#]*?)(\\s*#.*)?$`);
}

export function setTomlValue(text: string, section: string, key: string, value: string): TomlEdit {
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const lines = text.split(/\r?\n/);
	const trailingNewline = lines.length > 0 && lines.at(-1) === '';
	if (trailingNewline) lines.pop();
	let inSection = false;
	let sectionStart = -1;
	let lastKeyInSection = -1;
	const pattern = keyLine(key);
	for (let i = 0; i < lines.length; i++) {
		const header = HEADER.exec(lines[i]!);
		if (header) {
			if (inSection) break;
			inSection = header[1] === section;
			if (inSection) sectionStart = i;
			continue;
		}
		if (!inSection) continue;
		if (/^\s*[A-Za-z0-9_"'-]/.test(lines[i]!)) lastKeyInSection = i;
		const match = pattern.exec(lines[i]!);
		if (match) {
			if (match[3]!.trim() === value) return {text, changed: false, diff: [`  ${i + 1}   ${lines[i]}   (already set)`]};
			const old = lines[i]!;
			lines[i] = `${match[1]}${key}${match[2]}${value}${match[4] ?? ''}`;
			return {text: lines.join(eol) + (trailingNewline ? eol : ''), changed: true, diff: context(lines, i, old)};
		}
	}
	if (sectionStart >= 0) {
		const at = (lastKeyInSection >= 0 ? lastKeyInSection : sectionStart) + 1;
		lines.splice(at, 0, `${key} = ${value}`);
		return {text: lines.join(eol) + (trailingNewline ? eol : ''), changed: true, diff: context(lines, at, null)};
	}
	const add = [...(lines.length > 0 && lines.at(-1)!.trim() !== '' ? [''] : []), `[${section}]`, `${key} = ${value}`];
	const start = lines.length;
	lines.push(...add);
	const diff = [...(start > 0 ? [`  ${start}   ${lines[start - 1]}`] : []), ...add.map((l, n) => `+ ${start + n + 1}   ${l}`)];
	return {text: lines.join(eol) + eol, changed: true, diff};
}

function context(lines: string[], at: number, old: string | null): string[] {
	const out: string[] = [];
	if (at > 0) out.push(`  ${at}   ${lines[at - 1]}`);
	if (old !== null) out.push(`- ${at + 1}   ${old}`);
	out.push(`+ ${at + 1}   ${lines[at]}`);
	if (at + 1 < lines.length) out.push(`  ${at + 2}   ${lines[at + 1]}`);
	return out;
}

/** The current value of `[section] key` as written (without comment), or null when absent. */
export function readTomlValue(text: string, section: string, key: string): string | null {
	let inSection = false;
	const pattern = keyLine(key);
	for (const line of text.split(/\r?\n/)) {
		const header = HEADER.exec(line);
		if (header) {
			inSection = header[1] === section;
			continue;
		}
		if (!inSection) continue;
		const match = pattern.exec(line);
		if (match) return match[3]!.trim();
	}
	return null;
}
