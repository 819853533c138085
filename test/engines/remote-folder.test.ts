// Reading another host's folder sizes from what its own tools print (find summed by awk under
// timeout, stat, df -Pk): real output shapes, hostile output (escape sequences, garbage, numbers
// that are not), and the script itself run by this machine's sh, find and awk.
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseDfPk, parseRemoteFolder, parseWalkErrors, SUM_PROGRAM, WALK_SCRIPT} from '../../source/domain/remote-folder.js';

const DF = ['Filesystem     1024-blocks      Used Available Capacity Mounted on', '/dev/nvme0n1p2  3844640564 900000000 2749999999      25% /data'];

describe('parsing the remote walk', () => {
	it('reads the sum, the device and df -Pk into bytes, files and free space', () => {
		const r = parseRemoteFolder(['walk 1520 73400320512 0', 'dev 66306', ...DF, ''].join('\n'), '', '/data/cache');
		expect(r).toEqual({bytes: 73_400_320_512, files: 1520, partial: false, unreadable: [], error: null, fs: {total: 3_844_640_564 * 1024, free: 2_749_999_999 * 1024, dev: '66306'}});
	});

	it('a walk that timeout stopped is a lower bound', () => {
		expect(parseRemoteFolder(['walk 90000 1000 124', 'dev 1', ...DF].join('\n'), '', '/d')).toMatchObject({bytes: 1000, files: 90000, partial: true, error: null});
		expect(parseRemoteFolder(['walk 5 10 137', 'dev 1', ...DF].join('\n'), '', '/d').partial).toBe(true);
		// No status after the sum: the pipe ended early.
		expect(parseRemoteFolder(['walk 5 10 ', 'dev 1', ...DF].join('\n'), '', '/d').partial).toBe(true);
	});

	it('a missing folder says so, with the free space of its nearest parent', () => {
		expect(parseRemoteFolder(['missing', 'dev 7', ...DF].join('\n'), '', '/data/x')).toMatchObject({error: 'does not exist', fs: {dev: '7'}});
	});

	it('names unreadable subfolders relative to the folder; vanished files are not errors', () => {
		const stderr = ["find: '/data/cache/private': Permission denied", "find: '/data/cache/tmp/gone': No such file or directory", "find: '/data/cache/bad': Input/output error", ''].join('\n');
		expect(parseRemoteFolder(['walk 2 200 1', 'dev 1', ...DF].join('\n'), stderr, '/data/cache/')).toMatchObject({bytes: 200, files: 2, partial: false, unreadable: ['private (EACCES)', 'bad (EIO)'], error: null});
	});

	it('the folder itself unreadable is an error, not "0 B"', () => {
		expect(parseRemoteFolder(['walk 0 0 1', 'dev 1', ...DF].join('\n'), "find: '/data/cache': Permission denied\n", '/data/cache')).toMatchObject({error: 'cannot read (EACCES)', bytes: 0});
	});

	it('find, timeout or awk missing there is said, with what the shell said', () => {
		const r = parseRemoteFolder(['walk 0 0 127', 'dev 1', ...DF].join('\n'), 'sh: 1: timeout: not found\n', '/d');
		expect(r.error).toBe('cannot walk (sh: 1: timeout: not found): needs find, timeout and awk there');
		expect(parseRemoteFolder('', 'sh: 1: awk: not found\n', '/d')).toMatchObject({error: 'cannot walk (sh: 1: awk: not found)', fs: null});
	});

	it('hostile output: escape sequences never survive, garbage gives no figures', () => {
		const esc = '\u001b]0;owned\u0007\u001b[2J';
		const stderr = `find: '/d/${esc}x': Permission denied\n${esc}garbage\u009b31m\n`;
		const r = parseRemoteFolder(['walk 1 5 1', 'dev 1', ...DF].join('\n'), stderr, '/d');
		expect(r.unreadable).toEqual(['x (EACCES)']);
		// Not a walk line: the first other line, made printable, in the error.
		const g = parseRemoteFolder(`${esc}walk lots of bytes\n\u0000\u0000\n`, `${esc}boom\n`, '/d');
		expect(g.error).toBe('cannot walk (boom)');
		expect(JSON.stringify(g)).not.toMatch(/\\u001b|\\u009b|\\u0000/);
		// Numbers that are not counts, negative, fractional or absurdly long: no size.
		for (const bad of ['walk -1 5 0', 'walk 1 5e9 0', 'walk 1 1.5 0', `walk 1 ${'9'.repeat(40)} 0`, 'walk NaN 0 0']) {
			expect(parseRemoteFolder(bad, '', '/d').error).toMatch(/^cannot walk/);
		}
		// A df that is not df: no free space, not a wrong one.
		expect(parseDfPk(['Filesystem 1024-blocks Used Available Capacity Mounted on', 'x -5 3 2 10% /'])).toBeNull();
		expect(parseRemoteFolder(['walk 1 5 0', 'dev 1', 'nonsense 1 2'].join('\n'), '', '/d').fs).toBeNull();
	});

	it('df -Pk with spaces in the file system name and the mount point', () => {
		expect(parseDfPk(['Filesystem 1024-blocks Used Available Capacity Mounted on', 'map auto home  100 40 60 40% /mnt/my disk'])).toEqual({total: 102_400, free: 61_440});
	});

	it('find errors that are not about a path go apart, printable', () => {
		expect(parseWalkErrors('find: warning: you have specified\u001b[31m a thing\n', '/d')).toEqual({unreadable: [], other: ['find: warning: you have specified a thing']});
	});
});

describe('the walk script, run by this machine\'s sh, find and awk', () => {
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'sd-remote-folder-'));
	chmodSync(tmp, 0o755);
	afterAll(() => {
		chmodSync(path.join(tmp, 'tree', 'private'), 0o755);
		rmSync(tmp, {recursive: true, force: true});
	});
	const run = (folder: string, budgetS = 30) => {
		// As nobody when root (root reads every folder whatever its mode).
		const argv = ['sh', '-c', WALK_SCRIPT, 'sh', String(budgetS), folder, SUM_PROGRAM];
		const r = process.getuid?.() === 0 ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...argv], {encoding: 'utf8'}) : spawnSync(argv[0]!, argv.slice(1), {encoding: 'utf8'});
		return parseRemoteFolder(r.stdout, r.stderr, folder);
	};

	it('sums regular files, names the unreadable subfolder and reads its filesystem', () => {
		const root = path.join(tmp, 'tree');
		mkdirSync(path.join(root, 'a', 'b'), {recursive: true});
		mkdirSync(path.join(root, 'private'));
		writeFileSync(path.join(root, 'a', 'f1'), Buffer.alloc(1000));
		writeFileSync(path.join(root, 'a', 'b', 'f2'), Buffer.alloc(234));
		writeFileSync(path.join(root, 'private', 'f3'), Buffer.alloc(50));
		symlinkSync('/etc/hostname', path.join(root, 'a', 'link'));
		for (const d of [root, path.join(root, 'a'), path.join(root, 'a', 'b')]) chmodSync(d, 0o755);
		chmodSync(path.join(root, 'private'), 0o000);
		const r = run(root);
		expect(r).toMatchObject({bytes: 1234, files: 2, partial: false, unreadable: ['private (EACCES)'], error: null});
		expect(r.fs?.dev).toBe(String(statSync(root).dev));
		expect(r.fs!.total).toBeGreaterThan(r.fs!.free);
		// Through a symlink to the folder: the folder's figures.
		symlinkSync(path.join(root, 'a'), path.join(tmp, 'moved'));
		expect(run(path.join(tmp, 'moved'))).toMatchObject({bytes: 1234, files: 2, error: null});
	});

	it('a folder that does not exist, with the free space of its parent', () => {
		const r = run(path.join(tmp, 'nope', 'deeper'));
		expect(r).toMatchObject({error: 'does not exist'});
		expect(r.fs?.dev).toBe(String(statSync(tmp).dev));
	});

	it('a path with spaces, quotes and a newline is one folder', () => {
		const odd = path.join(tmp, `it's "odd"\nname $HOME`);
		mkdirSync(odd);
		chmodSync(odd, 0o755);
		writeFileSync(path.join(odd, 'f'), Buffer.alloc(77));
		expect(run(odd)).toMatchObject({bytes: 77, files: 1, error: null});
	});
});
