// A real Docker Engine reached over ssh:// as a second host: a demo is the first host, and a
// throwaway local sshd (whose `docker system dial-stdio` reaches a private dockerd of the test's own)
// the second, named in [[hosts]] with docker_host = "ssh://…". Its memory is its /proc/meminfo read
// over the same SSH connection.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import Docker from 'dockerode';
import {parse as parseToml} from 'smol-toml';
import {IMAGE, LOOP, RUN_ID, ensureImage} from './engine-support.js';
import {clientHome, requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';
import {startPrivateDaemon, type PrivateDaemon} from './private-daemon.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {startHeadlessDemo, type HeadlessDemo} from '../../source/bench/headless-demo.js';

const PREFIX = `sdhost2-${RUN_ID}-`;
// The daemon of the "remote" box: the test's own (the machine's is shared and left alone).
const daemon: PrivateDaemon | null = requireSshd() ? await startPrivateDaemon() : null;
const sshd: LocalSshd | null = daemon ? await startLocalSshd({env: {DOCKER_HOST: daemon.host}}) : null;

describe.skipIf(!sshd)('a second host over ssh:// (a local sshd, docker system dial-stdio)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'sd-ssh-host2-'));
	const home = join(dir, 'home');
	let demo: HeadlessDemo;
	let config: string;

	beforeAll(async () => {
		const docker: Docker = daemon!.docker;
		await ensureImage(docker);
		const c = await docker.createContainer({name: `${PREFIX}sglang`, Image: IMAGE, Cmd: LOOP, HostConfig: {NetworkMode: 'none'}, StopTimeout: 1} as Docker.ContainerCreateOptions);
		await c.start();
		await clientHome(sshd!, home);
		demo = await startHeadlessDemo(undefined, {TMPDIR: dir});
		const first = parseToml(readFileSync(demo.configPath, 'utf8')) as {docker: {host: string}; memory: {meminfo_path: string}};
		config = join(dir, 'config.toml');
		writeFileSync(
			config,
			[
				'[local]',
				'enabled = false',
				'[[hosts]]',
				'name = "spark1"',
				`docker_host = "${first.docker.host}"`,
				`meminfo_path = "${first.memory.meminfo_path}"`,
				'[[hosts]]',
				'name = "spark2"',
				`docker_host = "ssh://${sshd!.user}@127.0.0.1:${sshd!.port}"`,
				'',
			].join('\n'),
		);
	}, 90_000);

	afterAll(async () => {
		await demo?.stop();
		await sshd?.cleanup();
		await daemon?.dispose();
		rmSync(dir, {recursive: true, force: true});
	});

	it('status --json lists it beside the first host, with its containers and its memory read over SSH', async () => {
		const r = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', config, '--window', '0'], {reject: false, env: {HOME: home, XDG_CONFIG_HOME: home, SSH_AUTH_SOCK: ''}});
		const out = JSON.parse(r.stdout) as Record<string, any>;
		const [spark1, spark2] = out['hosts'];
		expect(spark1).toMatchObject({id: 'spark1', kind: 'local', docker: {connection: 'up'}});
		expect(spark2).toMatchObject({id: 'spark2', kind: 'ssh', endpoint: `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`, docker: {connection: 'up', error: null}});
		// The private daemon, reached over SSH: its container is listed under spark2 (and the demo's sglang under spark1).
		const containers = out['containers'].containers as {hostId: string; name: string; state: string}[];
		expect(containers).toContainEqual(expect.objectContaining({hostId: 'spark2', name: `${PREFIX}sglang`, state: 'running'}));
		expect(containers).toContainEqual(expect.objectContaining({hostId: 'spark1', name: 'sglang'}));
		expect(containers.filter(c => c.name === `${PREFIX}sglang`).map(c => c.hostId)).toEqual(['spark2']);
		// Memory: the box's own /proc/meminfo, read over the SSH connection (the same box here).
		const total = Number(/MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))![1]) * 1024;
		expect(spark2.memory.totalBytes).toBe(total);
		expect(spark2.memoryError).toBeNull();
		// The demo's simulated Spark is spark1's.
		expect(spark1.memory.totalBytes).not.toBe(total);
	}, 120_000);

	it('a host key that changed keeps the host down with the reason, and the first host is read as usual', async () => {
		const badHome = join(dir, 'bad-home');
		mkdirSync(join(badHome, '.ssh'), {recursive: true});
		copyFileSync(join(home, '.ssh', 'id_ed25519'), join(badHome, '.ssh', 'id_ed25519'));
		// Another server's key under this address: what a man in the middle would present.
		await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'other_key')]);
		writeFileSync(join(badHome, '.ssh', 'known_hosts'), `[127.0.0.1]:${sshd!.port} ${readFileSync(join(dir, 'other_key.pub'), 'utf8')}`);
		const r = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', config, '--window', '0'], {reject: false, env: {HOME: badHome, XDG_CONFIG_HOME: badHome, SSH_AUTH_SOCK: ''}});
		const out = JSON.parse(r.stdout) as Record<string, any>;
		const [spark1, spark2] = out['hosts'];
		expect(spark2.docker.connection).toBe('down');
		expect(spark2.docker.error).toMatch(/host key/i);
		expect(spark2.state).toBe('down');
		expect(spark1).toMatchObject({docker: {connection: 'up'}});
		expect(r.exitCode).toBe(1);
	}, 120_000);
});
