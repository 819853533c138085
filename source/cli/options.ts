// Options every command shares (config file, theme, refresh, read-only, ascii, layout, slow link), and how
// they become a loaded config. Config errors exit 2 before the terminal is touched.

import type {ParseArgsConfig} from 'node:util';
import {PANEL_IDS, panelByName, type PanelId} from '../domain/panel-ids.js';
import {ConfigError, loadConfig, locateConfig, type ConfigOverrides, type LoadedConfig} from '../config/load.js';

export const SHARED_OPTIONS = {
	config: {type: 'string'},
	theme: {type: 'string'},
	refresh: {type: 'string'},
	'read-only': {type: 'boolean'},
	ascii: {type: 'boolean'},
	layout: {type: 'string'},
	'slow-link': {type: 'boolean'},
	json: {type: 'boolean'},
	log: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export type SharedValues = {
	config?: string;
	theme?: string;
	refresh?: string;
	'read-only'?: boolean;
	ascii?: boolean;
	layout?: string;
	'slow-link'?: boolean;
	json?: boolean;
	/** The cockpit's log file for captured warnings and stray output (else STACKDECK_LOG). */
	log?: string;
	help?: boolean;
};

/** Options of the commands that open the cockpit (the default command and demo). */
export const COCKPIT_OPTIONS = {
	panel: {type: 'string'},
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export type CockpitValues = {panel?: string};

export class UsageError extends Error {}

/** --panel's value as a panel id, or a usage error naming the panels there are. */
export function panelOption(value: string | undefined): PanelId | undefined {
	if (value === undefined) return undefined;
	const id = panelByName(value);
	if (!id) throw new UsageError(`--panel takes one of ${PANEL_IDS.join(', ')} (or its digit 1-${PANEL_IDS.length}), got "${value}"`);
	return id;
}

/** Flags that map onto config keys, with the flag's name as their provenance. */
export function flagOverrides(values: SharedValues): {overrides: ConfigOverrides; origins: Record<string, string>} {
	const overrides: ConfigOverrides = {};
	const origins: Record<string, string> = {};
	const set = (key: string, value: unknown, flag: string) => {
		overrides[key] = value;
		origins[key] = flag;
	};
	if (values.theme !== undefined) set('theme', values.theme, '--theme');
	if (values.refresh !== undefined) {
		const ms = Number(values.refresh);
		if (!Number.isInteger(ms)) throw new UsageError(`--refresh takes milliseconds as a whole number, got "${values.refresh}"`);
		set('refresh_ms', ms, '--refresh');
	}
	if (values['read-only']) set('read_only', true, '--read-only');
	if (values.ascii) set('ascii', true, '--ascii');
	if (values.layout !== undefined) set('layout', values.layout, '--layout');
	if (values['slow-link']) set('slow_link', true, '--slow-link');
	return {overrides, origins};
}

export function loadFromFlags(values: SharedValues, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
	const location = locateConfig(values.config, env);
	const {overrides, origins} = flagOverrides(values);
	return loadConfig(location, overrides, origins);
}

/** Print a config or usage error and give the exit code for it. */
export function reportStartupError(error: unknown): number {
	if (error instanceof ConfigError || error instanceof UsageError) {
		process.stderr.write(`stackdeck: ${error.message}\n`);
		return 2;
	}
	throw error;
}

/** Load the config for a command, or print why not and give exit code 2. */
export function loadOrReport(values: SharedValues): LoadedConfig | number {
	try {
		return loadFromFlags(values);
	} catch (error) {
		return reportStartupError(error);
	}
}
