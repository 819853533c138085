// Finds, reads and validates config.toml, and records where each effective value came from
// (default, the file, or a command-line flag) for `stackdeck config`.

import {keyPath, splitKeyPath} from './key-path.js';
import {readRegularTextSync} from '../fs/read-regular.js';
import os from 'node:os';
import path from 'node:path';
import {parse as parseToml} from 'smol-toml';
import type {z} from 'zod';
import {configSchema, type Config} from './schema.js';

export class ConfigError extends Error {}

/** A config file is a few KB; anything past this is not one. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ConfigLocation {
	path: string;
	/** Why this path: --config, STACKDECK_CONFIG, XDG_CONFIG_HOME or the home default. */
	origin: string;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env['XDG_CONFIG_HOME'];
	return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.config'), 'stackdeck');
}

export function locateConfig(flagPath: string | undefined, env: NodeJS.ProcessEnv = process.env): ConfigLocation {
	if (flagPath) return {path: path.resolve(flagPath), origin: '--config'};
	if (env['STACKDECK_CONFIG']) return {path: path.resolve(env['STACKDECK_CONFIG']), origin: 'STACKDECK_CONFIG'};
	const origin = env['XDG_CONFIG_HOME'] ? '$XDG_CONFIG_HOME/stackdeck' : '~/.config/stackdeck';
	return {path: path.join(configDir(env), 'config.toml'), origin};
}

/** Settings given on the command line; they win over the file. Keys are config key paths. */
export type ConfigOverrides = Record<string, unknown>;

export interface LoadedConfig {
	config: Config;
	location: ConfigLocation;
	fileFound: boolean;
	/** key path ("engines.probe") -> "default" | "file" | "--flag". */
	provenance: Map<string, string>;
}

export function loadConfig(location: ConfigLocation, overrides: ConfigOverrides = {}, overrideOrigins: Record<string, string> = {}): LoadedConfig {
	let text: string | null = null;
	// A FIFO or /dev/zero given as --config must neither hang nor fill memory: regular files only, capped.
	const read = readRegularTextSync(location.path, MAX_CONFIG_BYTES);
	if (read.ok) text = read.text;
	else if (read.kind !== 'missing' || location.origin === '--config' || location.origin === 'STACKDECK_CONFIG') {
		// A missing default file is fine (every key has a default); a missing named file is not.
		const why = read.kind === 'missing' ? 'ENOENT' : read.kind === 'unreadable' ? read.code ?? read.error : read.error.slice(location.path.length + 2);
		throw new ConfigError(`${location.path}: cannot read config (${why}); check the path given by ${location.origin}`);
	}
	let raw: Record<string, unknown> = {};
	if (text !== null) {
		try {
			raw = parseToml(text) as Record<string, unknown>;
		} catch (error) {
			const message = (error as Error).message.split('\n')[0];
			throw new ConfigError(`${location.path}: not valid TOML: ${message}`);
		}
	}
	const merged = structuredClone(raw);
	for (const [key, value] of Object.entries(overrides)) setPath(merged, key.split('.'), value);
	const result = configSchema.safeParse(merged);
	if (!result.success) throw new ConfigError(formatIssues(location.path, result.error.issues));

	const provenance = new Map<string, string>();
	for (const leaf of leafPaths(result.data)) provenance.set(leaf, 'default');
	for (const leaf of leafPaths(raw)) provenance.set(leaf, 'file');
	for (const key of Object.keys(overrides)) provenance.set(key, overrideOrigins[key] ?? 'flag');
	return {config: result.data, location, fileFound: text !== null, provenance};
}

function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
	const lines = issues.slice(0, 8).map(issue => {
		const key = issue.path.length ? issue.path.map(p => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(top level)';
		if (issue.code === 'unrecognized_keys') {
			return `  ${key === '(top level)' ? '' : key + ': '}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(k => `"${k}"`).join(', ')}`;
		}
		return `  ${key}: ${issue.message}`;
	});
	return `config error in ${file}:\n${lines.join('\n')}`;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as Record<string, unknown>;
	}
	node[keys.at(-1)!] = value;
}

/** Dotted paths of every leaf; arrays and records of tables count as one leaf each. */
export function leafPaths(value: unknown, prefix: readonly string[] = []): string[] {
	if (value === null || typeof value !== 'object' || Array.isArray(value) || prefix.length > 2) {
		return prefix.length ? [keyPath(prefix)] : [];
	}
	const entries = Object.entries(value as Record<string, unknown>);
	if (entries.length === 0) return prefix.length ? [keyPath(prefix)] : [];
	return entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

export function getPath(value: unknown, key: string): unknown {
	return splitKeyPath(key).reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), value);
}
