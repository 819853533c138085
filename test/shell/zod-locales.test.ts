// The bundle keeps zod's English messages and drops its other 47 locales (scripts/zod-locales.mjs):
// the patch must apply to the zod that is installed, or the build fails; built, a config error
// still reads in English, and no other locale is in the bundle.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a build script in plain JavaScript.
import {englishOnly} from '../../scripts/zod-locales.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-zod-locales-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("zod's locales in the bundle", () => {
	it('applies to the installed zod, and refuses an index it was not written for', () => {
		const index = readFileSync(path.join(root, 'node_modules', 'zod', 'v4', 'locales', 'index.js'), 'utf8');
		expect(englishOnly(index)).toBe('export { default as en } from "./en.js";\n');
		expect(() => englishOnly(index.replace('"./en.js"', '"./en-GB.js"'))).toThrow(/update scripts\/zod-locales\.mjs/);
	});

	it('the built bundle holds English alone, and a config error reads in English', () => {
		const meta = JSON.parse(readFileSync(path.join(root, 'dist', 'bundle', 'meta.json'), 'utf8')) as {inputs: Record<string, unknown>};
		const locales = Object.keys(meta.inputs).filter(f => /zod\/v4\/locales\//.test(f));
		expect(locales.map(f => path.basename(f)).sort()).toEqual(['en.js', 'index.js']);
		const config = path.join(dir, 'bad.toml');
		writeFileSync(config, 'refresh_ms = "fast"\n');
		let stderr = '';
		try {
			execFileSync(process.execPath, [path.join(root, 'bin', 'stackdeck.js'), 'status', '--config', config], {encoding: 'utf8', stdio: 'pipe'});
		} catch (error) {
			stderr = (error as {stderr: string}).stderr;
		}
		expect(stderr).toContain('refresh_ms: Invalid input: expected number, received string');
	});
});
