// Reads an INI file as Gitea's app.ini is written (sections, KEY = VALUE, ; and # comments), keeping
// each key's line for evidence. Read-only: the Doctor never writes app.ini.

export interface IniEntry {
	section: string;
	key: string;
	value: string;
	line: number;
}

export function readIni(text: string): IniEntry[] {
	const entries: IniEntry[] = [];
	let section = '';
	const lines = text.split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim();
		if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
		const header = /^\[([^\]]*)\]/.exec(line);
		if (header) {
			section = header[1]!.trim();
			continue;
		}
		const eq = line.indexOf('=');
		if (eq <= 0) continue;
		let value = line.slice(eq + 1).trim();
		if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith('`') && value.endsWith('`'))) value = value.slice(1, -1);
		entries.push({section, key: line.slice(0, eq).trim(), value, line: i + 1});
	}
	return entries;
}

/** The last value of `key` in `section` (case-insensitive, as Gitea reads keys). */
export function iniValue(entries: readonly IniEntry[], section: string, key: string): IniEntry | null {
	let found: IniEntry | null = null;
	for (const e of entries) if (e.section.toLowerCase() === section.toLowerCase() && e.key.toUpperCase() === key.toUpperCase()) found = e;
	return found;
}
