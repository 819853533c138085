// A host over ssh:// (a local sshd): commands, files and Docker all go over the one SSH connection.

import {mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import Docker from 'dockerode';
import {describeDockerError, dockerTarget} from '../../source/hosts/docker.js';
import {createSshHost} from '../../source/hosts/ssh/ssh-host.js';
import type {Host} from '../../source/hosts/host.js';
import {clientHome, requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';
import {startPrivateDaemon} from './private-daemon.js';

// Docker there is a daemon of the test's own where one can run (root, dockerd), so these tests neither
// use nor depend on the machine's; the sessions' DOCKER_HOST points `docker system dial-stdio` at it.
const daemon = requireSshd() ? await startPrivateDaemon() : null;
const sshd: LocalSshd | null = requireSshd() ? await startLocalSshd(daemon ? {env: {DOCKER_HOST: daemon.host}} : {}) : null;

describe.skipIf(!sshd)('a host over ssh://', () => {
	let host: Host;
	let home: string;
	let files: string;

	beforeAll(async () => {
		home = mkdtempSync(join(tmpdir(), 'sd-ssh-host-'));
		await clientHome(sshd!, home);
		files = mkdtempSync(join(tmpdir(), 'sd-ssh-files-'));
		writeFileSync(join(files, 'it’s a file.txt'), 'héllo\n'.repeat(1000));
		const endpoint = `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`;
		const target = dockerTarget({DOCKER_HOST: endpoint, HOME: home}, {socket_path: ''});
		host = createSshHost({id: 'box', label: '127.0.0.1', endpoint, ssh: target.ssh!});
	});

	afterAll(async () => {
		host?.close();
		await sshd?.cleanup();
		await daemon?.dispose();
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

	/** A HOME whose ~/.ssh/config names the server by an alias; the key under a name ssh would not try by itself. */
	const aliasHome = (config: string[]): string => {
		const h = mkdtempSync(join(tmpdir(), 'sd-ssh-alias-'));
		aliasHomes.push(h);
		mkdirSync(join(h, '.ssh'));
		copyFileSync(join(sshd!.home, '.ssh', 'id_ed25519'), join(h, '.ssh', 'sd_test_key'));
		copyFileSync(join(home, '.ssh', 'known_hosts'), join(h, '.ssh', 'known_hosts'));
		writeFileSync(join(h, '.ssh', 'config'), [...config, ''].join('\n'));
		return h;
	};
	const aliasBlock = (alias: string) => [`Host ${alias} other-name`, '  HostName 127.0.0.1', `  Port ${sshd!.port}`, `  User ${sshd!.user}`, '  IdentityFile ~/.ssh/sd_%h_key_placeholder', '  IdentityFile ~/.ssh/sd_test_key'];
	const aliasHomes: string[] = [];
	afterAll(() => aliasHomes.forEach(h => rmSync(h, {recursive: true, force: true})));

	it('DOCKER_HOST=ssh://alias reaches Docker as ~/.ssh/config says (HostName, Port, User, IdentityFile)', async () => {
		const h = aliasHome(['Host *', '  ConnectTimeout 5', ...aliasBlock('sd-box'), 'Host *', '  Port 1', '  User nobody-here']);
		const target = dockerTarget({DOCKER_HOST: 'ssh://sd-box', HOME: h, USER: 'nobody-here'}, {socket_path: ''}, {systemSshConfig: null});
		try {
			const before = sshd!.logins();
			expect(target.endpoint).toBe('ssh://sd-box');
			const host = createSshHost({id: 'alias', label: 'sd-box', endpoint: target.endpoint, ssh: target.ssh!});
			expect(await host.exec('sh', ['-c', 'echo "$(id -un) $SSH_CONNECTION"'])).toMatchObject({exitCode: 0, stdout: expect.stringMatching(new RegExp(`^${sshd!.user} 127\\.0\\.0\\.1 \\d+ 127\\.0\\.0\\.1 ${sshd!.port}\\n$`))});
			expect((await new Docker(target.options).version()).ApiVersion).toMatch(/^\d+\.\d+$/);
			expect(sshd!.logins() - before).toBe(1);
		} finally {
			target.close();
		}
	});

	it('ProxyJump: logs in to the jump host first and reaches the Docker host through it', async () => {
		// The same sshd serves as its own jump host: two logins, the second over a forwarded channel.
		const h = aliasHome([...aliasBlock('sd-jump'), 'Host sd-behind', '  HostName 127.0.0.1', `  Port ${sshd!.port}`, '  ProxyJump sd-jump', '  IdentityFile ~/.ssh/sd_test_key']);
		const target = dockerTarget({DOCKER_HOST: `ssh://${sshd!.user}@sd-behind`, HOME: h}, {socket_path: ''}, {systemSshConfig: null});
		try {
			const before = sshd!.logins();
			const host = createSshHost({id: 'behind', label: 'sd-behind', endpoint: target.endpoint, ssh: target.ssh!});
			expect(await host.exec('sh', ['-c', 'echo "$SSH_CONNECTION"'])).toMatchObject({exitCode: 0, stdout: expect.stringMatching(/^127\.0\.0\.1 \d+ 127\.0\.0\.1 \d+\n$/)});
			expect(sshd!.logins() - before).toBe(2);
			expect((await new Docker(target.options).version()).ApiVersion).toMatch(/^\d+\.\d+$/);
			expect(sshd!.logins() - before).toBe(2);
		} finally {
			target.close();
		}
	});

	it('names the alias when it is in no Host block and no host name DNS knows', async () => {
		const h = aliasHome(aliasBlock('sd-box'));
		const target = dockerTarget({DOCKER_HOST: 'ssh://sd-not-configured.invalid', HOME: h}, {socket_path: ''}, {systemSshConfig: null});
		try {
			const error = await new Docker(target.options).version().then(() => null, (e: unknown) => e);
			expect(describeDockerError(error, target.endpoint)).toBe(
				'Docker host ssh://sd-not-configured.invalid not found: "sd-not-configured.invalid" matches no Host in ~/.ssh/config and is not a host name DNS knows; add a "Host sd-not-configured.invalid" block with its HostName to ~/.ssh/config, or fix DOCKER_HOST',
			);
		} finally {
			target.close();
		}
	});

	it('reaches its Docker over the same connection', async () => {
		const {docker, endpoint, local} = host.docker();
		expect(endpoint).toMatch(/^ssh:\/\//);
		expect(local).toBe(false);
		expect((await docker.version()).ApiVersion).toMatch(/^\d+\.\d+$/);
	});
});
