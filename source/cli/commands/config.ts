// `stackdeck config`: the effective configuration and where each value came from.

import {getPath} from '../../config/load.js';
import {stringify as toToml} from 'smol-toml';
import {loadOrReport} from '../options.js';
import {parseCommand} from '../parse.js';
import {writeJson, writeText} from '../output.js';
import {isSecretName, MASK} from '../../domain/secrets.js';

const HELP = `usage: stackdeck config [--config PATH] [--json]

Prints every config key with its effective value and where it came from: "default", "file"
(the config file named at the top) or the command-line flag that set it.`;

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand('config', argv, {}, HELP);
	if (typeof parsed === 'number') return parsed;
	const loaded = loadOrReport(parsed.values);
	if (typeof loaded === 'number') return loaded;
	const keys = [...loaded.provenance.keys()].sort();
	if (parsed.values.json) {
		const values = Object.fromEntries(keys.map(k => [k, {value: shown(k, getPath(loaded.config, k) ?? null), from: loaded.provenance.get(k)}]));
		writeJson({file: loaded.location.path, origin: loaded.location.origin, found: loaded.fileFound, values});
		return 0;
	}
	const lines = [
		`# config file: ${loaded.location.path} (${loaded.fileFound ? 'found' : 'not found: defaults apply'}; chosen by ${loaded.location.origin})`,
	];
	const width = Math.max(...keys.map(k => k.length));
	for (const key of keys) {
		lines.push(`${key.padEnd(width)} = ${formatValue(shown(key, getPath(loaded.config, key)))}   # ${loaded.provenance.get(key)}`);
	}
	writeText(lines);
	return 0;
}

/** A secret-named key (aider.api_key) shows as masked; a set value only, so "unset" stays visible. */
function shown(key: string, value: unknown): unknown {
	const leaf = key.split('.').at(-1) ?? key;
	if (typeof value === 'string' && value !== '' && isSecretName(leaf)) return MASK;
	return value;
}

function formatValue(value: unknown): string {
	if (value === undefined) return '(unset)';
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		return Object.keys(value).length === 0 ? '{}' : toToml({v: value}).replace(/^v = /, '').trim().replace(/\n/g, ' ');
	}
	return JSON.stringify(value);
}
