// A host over ssh:// (a local sshd): commands, files and Docker all go over the one SSH connection.

import {mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerTarget} from '../../source/hosts/docker.js';
import {createSshHost} from '../../source/hosts/ssh/ssh-host.js';
import type {Host} from '../../source/hosts/host.js';
import {requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';

const sshd: LocalSshd | null = requireSshd() ? await startLocalSshd() : null;

describe.skipIf(!sshd)('a host over ssh://', () => {
	let host: Host;
	let home: string;
	let files: string;

	beforeAll(async () => {
		home = mkdtempSync(join(tmpdir(), 'sd-ssh-host-'));
		mkdirSync(join(home, '.ssh'));
		copyFileSync(join(sshd!.home, '.ssh', 'id_ed25519'), join(home, '.ssh', 'id_ed25519'));
		const scanned = (await execa('ssh-keyscan', ['-p', String(sshd!.port), '127.0.0.1'])).stdout;
		writeFileSync(join(home, '.ssh', 'known_hosts'), `${scanned}\n`);
		files = mkdtempSync(join(tmpdir(), 'sd-ssh-files-'));
		writeFileSync(join(files, 'it’s a file.txt'), 'héllo\n'.repeat(1000));
		const endpoint = `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`;
		const target = dockerTarget({DOCKER_HOST: endpoint, HOME: home}, {socket_path: ''});
		host = createSshHost({id: 'box', label: '127.0.0.1', endpoint, ssh: target.ssh!});
	});

	afterAll(async () => {
		host?.close();
		await sshd?.cleanup();
		for (const d of [home, files]) if (d) rmSync(d, {recursive: true, force: true});
	});

	it('runs commands there, with their exit code and output, over one login', async () => {
		const before = sshd!.logins();
		const ok = await host.exec('sh', ['-c', 'echo "$1"; echo oops >&2; exit 3', 'sh', "an 'odd' word"]);
		expect(ok).toEqual({exitCode: 3, stdout: "an 'odd' word\n", stderr: 'oops\n'});
		await host.exec('true', []);
		expect(sshd!.logins() - before).toBeLessThanOrEqual(1);
		await expect(host.exec('no-such-command-here', [])).rejects.toMatchObject({code: 'ENOENT'});
	});

	it('reads a file there (with a size limit) and stats it', async () => {
		const file = join(files, 'it’s a file.txt');
		expect(await host.files.readFile(file)).toBe('héllo\n'.repeat(1000));
		await expect(host.files.readFile(file, {maxBytes: 100})).rejects.toMatchObject({code: 'EFBIG'});
		await expect(host.files.readFile(join(files, 'missing'))).rejects.toMatchObject({code: 'ENOENT'});
		expect(await host.files.stat(file)).toMatchObject({size: 7000, isDirectory: false});
		expect((await host.files.stat(files)).isDirectory).toBe(true);
	});

	it('cancels a command when its signal aborts', async () => {
		const controller = new AbortController();
		const running = host.exec('sleep', ['30'], {signal: controller.signal});
		setTimeout(() => controller.abort(new Error('cancelled by the user')), 200);
		await expect(running).rejects.toThrow('cancelled by the user');
	});

	it('reaches its Docker over the same connection', async () => {
		const {docker, endpoint, local} = host.docker();
		expect(endpoint).toMatch(/^ssh:\/\//);
		expect(local).toBe(false);
		expect((await docker.version()).ApiVersion).toMatch(/^\d+\.\d+$/);
	});
});
