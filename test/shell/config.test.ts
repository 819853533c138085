import {writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError, getPath, loadConfig, locateConfig} from '../../source/config/load.js';
import {tempDir} from '../support/temp-dir.js';

function tempConfig(text: string): string {
	const dir = tempDir('stackdeck-config-');
	const file = path.join(dir, 'config.toml');
	writeFileSync(file, text);
	return file;
}

describe('config', () => {
	it('needs no file: every key has a default', () => {
		const loaded = loadConfig({path: '/nonexistent/stackdeck/config.toml', origin: '~/.config/stackdeck'});
		expect(loaded.fileFound).toBe(false);
		expect(loaded.config.refresh_ms).toBe(1000);
		expect(loaded.config.theme).toBe('dark');
		expect(loaded.config.engines.probe_ports).toEqual([30000, 8000, 8001, 8080, 11434]);
		expect(loaded.provenance.get('refresh_ms')).toBe('default');
	});

	it('a profile with a dot in its name is one key segment, quoted as TOML quotes it', () => {
		const file = tempConfig('[profiles."qwen2.5-32b"]\nengine = "ollama"\nserved_model_name = "qwen2.5:32b"\nmemory_gb = 22\n');
		const loaded = loadConfig({path: file, origin: '--config'});
		const key = 'profiles."qwen2.5-32b".served_model_name';
		expect(loaded.provenance.get(key)).toBe('file');
		expect(getPath(loaded.config, key)).toBe('qwen2.5:32b');
		expect(getPath(loaded.config, 'profiles."qwen2.5-32b".memory_gb')).toBe(22);
		expect([...loaded.provenance.keys()].filter(k => k.startsWith('profiles.qwen2'))).toEqual([]);
	});

	it('names the file, the key path and what was expected', () => {
		const file = tempConfig('refresh_ms = "fast"\n[[engines.list]]\nname = "sglang"\nurl = 42\n');
		const error = (() => {
			try {
				loadConfig({path: file, origin: '--config'});
			} catch (e) {
				return e as Error;
			}
			throw new Error('no error');
		})();
		expect(error).toBeInstanceOf(ConfigError);
		expect(error.message).toContain(file);
		expect(error.message).toMatch(/refresh_ms: .*number/);
		expect(error.message).toMatch(/engines\.list\[0\]\.url: /);
	});

	it('reports unknown keys (typos) instead of ignoring them', () => {
		const file = tempConfig('[docker]\nsocket = "/run/docker.sock"\n');
		expect(() => loadConfig({path: file, origin: '--config'})).toThrow(/docker: unknown key "socket"/);
	});

	it('reports TOML syntax errors with the file name', () => {
		const file = tempConfig('theme = \n');
		expect(() => loadConfig({path: file, origin: '--config'})).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid TOML`));
	});

	it('a missing file named by --config or STACKDECK_CONFIG is an error', () => {
		expect(() => loadConfig({path: '/nope/config.toml', origin: '--config'})).toThrow(/cannot read config \(ENOENT\)/);
	});

	it('records provenance: default, file, flag', () => {
		const file = tempConfig('theme = "light"\n');
		const loaded = loadConfig({path: file, origin: '--config'}, {refresh_ms: 500}, {refresh_ms: '--refresh'});
		expect(loaded.config.theme).toBe('light');
		expect(loaded.config.refresh_ms).toBe(500);
		expect(loaded.provenance.get('theme')).toBe('file');
		expect(loaded.provenance.get('refresh_ms')).toBe('--refresh');
		expect(loaded.provenance.get('read_only')).toBe('default');
	});

	it('finds the file from --config, STACKDECK_CONFIG, then XDG_CONFIG_HOME', () => {
		expect(locateConfig('/a/b.toml', {}).origin).toBe('--config');
		expect(locateConfig(undefined, {STACKDECK_CONFIG: '/c/d.toml'}).path).toBe('/c/d.toml');
		expect(locateConfig(undefined, {XDG_CONFIG_HOME: '/xdg'}).path).toBe('/xdg/stackdeck/config.toml');
		expect(locateConfig(undefined, {}).path).toBe(path.join(os.homedir(), '.config', 'stackdeck', 'config.toml'));
	});
});
