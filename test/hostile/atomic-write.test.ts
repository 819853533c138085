// The config writer under a hostile world: owner and mode kept, symlinks written through, read-only
// files refused, and a writer killed at any moment (SIGKILL loop) leaves neither the file nor its
// backup torn, and no temporary file behind once a write completes.
import {spawn} from 'node:child_process';
import {chmodSync, chownSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {atomicWrite} from '../../source/actions/atomic-write.js';
import {REPO_ROOT} from '../support/paths.js';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'sd-atomic-'));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const root = process.getuid?.() === 0;

describe('atomicWrite', () => {
	it.runIf(root)("keeps the file's owner and mode (root editing a user's config)", async () => {
		const file = path.join(dir, 'owned.toml');
		writeFileSync(file, 'a = 1\n');
		chownSync(file, 1234, 2345);
		chmodSync(file, 0o640);
		await atomicWrite(file, 'a = 2\n');
		const st = statSync(file);
		expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 2345, 0o640]);
		const bak = statSync(`${file}.bak`);
		expect([bak.uid, bak.gid, bak.mode & 0o777]).toEqual([1234, 2345, 0o640]);
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe('a = 1\n');
	});

	it('writes through a symlink: the link stays a link, its target changes', async () => {
		const target = path.join(dir, 'real.toml');
		const link = path.join(dir, 'link.toml');
		writeFileSync(target, 'a = 1\n');
		symlinkSync('real.toml', link);
		await atomicWrite(link, 'a = 2\n');
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readlinkSync(link)).toBe('real.toml');
		expect(readFileSync(target, 'utf8')).toBe('a = 2\n');
		expect(readFileSync(`${target}.bak`, 'utf8')).toBe('a = 1\n');
	});

	it('refuses a read-only file with a message, leaving it as it was', async () => {
		const file = path.join(dir, 'ro.toml');
		writeFileSync(file, 'a = 1\n');
		chmodSync(file, 0o444);
		await expect(atomicWrite(file, 'a = 2\n')).rejects.toThrow(`${file}: read-only (mode 0444); not changed`);
		expect(readFileSync(file, 'utf8')).toBe('a = 1\n');
	});

	it('a writer killed at random moments never leaves a torn file or backup, and temp files are cleaned', async () => {
		const file = path.join(dir, 'killed.toml');
		const body = (n: number) => `v = ${n}\npad = "${'x'.repeat(256 * 1024)}"\n`;
		writeFileSync(file, body(0));
		const whole = (text: string) => /^v = \d+\npad = "x{262144}"\n$/.test(text);
		const mod = pathToFileURL(path.join(REPO_ROOT, 'dist', 'actions', 'atomic-write.js')).href;
		const script = `const {atomicWrite} = await import(${JSON.stringify(mod)}); for (let n = 1; ; n++) await atomicWrite(${JSON.stringify(file)}, 'v = ' + n + '\\npad = "' + 'x'.repeat(262144) + '"\\n'), process.stdout.write('w');`;
		let written = 0;
		for (let round = 0; round < 25; round++) {
			const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'ignore']});
			// Once it has written once, kill it at a different point of a later write each round.
			await new Promise(r => child.stdout!.once('data', r));
			await new Promise(r => setTimeout(r, (round * 7) % 40));
			child.kill('SIGKILL');
			await new Promise(r => child.once('exit', r));
			const text = readFileSync(file, 'utf8');
			expect(whole(text), `round ${round}: file`).toBe(true);
			written = Math.max(written, Number(/^v = (\d+)/.exec(text)?.[1] ?? 0));
			try {
				expect(whole(readFileSync(`${file}.bak`, 'utf8')), `round ${round}: backup`).toBe(true);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
			}
		}
		// The kills landed while writes were going on, not before the first one.
		expect(written).toBeGreaterThan(0);
		await atomicWrite(file, body(999));
		expect(readdirSync(dir).filter(n => n.startsWith('.killed.toml'))).toEqual([]);
		expect(readFileSync(file, 'utf8')).toBe(body(999));
	}, 120_000);
});
