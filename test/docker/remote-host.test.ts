// DOCKER_HOST other than the local socket, as a user sees it on the Containers panel: tcp:// through a
// real TCP front for the Engine API (the bytes dockerd -H tcp:// serves), the daemon going away and
// coming back, DOCKER_HOST values that are wrong, and hosts that never answer a connect (ssh:// through
// a local sshd is in remote-ssh.test.ts).
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Docker from 'dockerode';
import {defaultConfig} from '../../source/config/schema.js';
import {update} from '../../source/store/index.js';
import type {DockerSource} from '../../source/sources/docker/docker-source.js';
import {dockerSourceOnOwnHost} from '../support/host.js';
import {parseDockerHost} from '../../source/domain/containers/docker-host.js';
import {containersStatus} from '../../source/panels/containers/status.js';
import type {RenderedCockpit} from '../support/render-frame.js';
import {ensureImage, requireDaemon, waitFor} from './engine-support.js';
import {startSocketProxy, type SocketProxy} from './remote-proxy.js';
import {startBlackhole, type Blackhole} from './remote-blackhole.js';
import {REMOTE_PREFIX, createRemoteContainer, removeRemoteContainers, renderContainersZoomed, screenText, until} from './remote-support.js';

const docker = new Docker({socketPath: '/var/run/docker.sock'});
const available = await requireDaemon(docker);

describe('DOCKER_HOST is read as the docker CLI reads it', () => {
	it('defaults the tcp port (2375, 2376 with TLS), takes a bare host:port as tcp, and names the real endpoint', () => {
		expect(parseDockerHost('tcp://127.0.0.1', false)).toMatchObject({kind: 'tcp', port: 2375, tls: false, endpoint: 'tcp://127.0.0.1:2375'});
		expect(parseDockerHost('tcp://box', true)).toMatchObject({kind: 'tcp', port: 2376, tls: true, endpoint: 'tcp://box:2376'});
		expect(parseDockerHost('localhost:2375', false)).toMatchObject({kind: 'tcp', host: 'localhost', port: 2375});
		expect(parseDockerHost('tcp://[::1]:2375', false)).toMatchObject({kind: 'tcp', host: '::1', endpoint: 'tcp://[::1]:2375'});
		expect(parseDockerHost('ssh://box', false)).toMatchObject({kind: 'ssh', host: 'box', port: null, username: null, endpoint: 'ssh://box'});
		expect(parseDockerHost('ssh://me@box:2222', false)).toMatchObject({kind: 'ssh', port: 2222, username: 'me', endpoint: 'ssh://me@box:2222'});
		expect(parseDockerHost('unix://', false)).toMatchObject({kind: 'unix', socketPath: '/var/run/docker.sock'});
	});

	it('refuses what the CLI refuses, saying which forms work', () => {
		for (const [value, why] of [
			['foo://box', /unsupported scheme foo:\/\//],
			['npipe:////./pipe/docker_engine', /named pipes/],
			['tcp://:2375', /not a valid address|names no host/],
			['tcp://box:port', /not a valid address/],
			['ssh://me:secret@box', /password/],
		] as const) {
			const spec = parseDockerHost(value, false);
			expect(spec.kind, value).toBe('invalid');
			const message = spec.kind === 'invalid' ? spec.message : '';
			expect(message).toMatch(why);
			expect(message).toContain(`DOCKER_HOST="${value}"`);
		}
	});
});

describe.skipIf(!available)('Docker source over tcp:// (a real Engine API behind a TCP port)', () => {
	let proxy: SocketProxy;
	let cockpit: RenderedCockpit;
	let source: DockerSource;
	let endpoint: string;
	const byName = (name: string) => Object.values(cockpit.store.getState().containers.byId).find(c => c.name === REMOTE_PREFIX + name);

	beforeAll(async () => {
		await removeRemoteContainers(docker);
		await ensureImage(docker);
		await Promise.all([createRemoteContainer(docker, 'ollama'), createRemoteContainer(docker, 'gitea', {start: false})]);
		proxy = await startSocketProxy({hold: true});
		endpoint = `tcp://127.0.0.1:${proxy.port}`;
		cockpit = await renderContainersZoomed(200, 40);
		source = dockerSourceOnOwnHost({store: cockpit.store, config: defaultConfig(), refreshMs: 1000, env: {DOCKER_HOST: endpoint}}, [100, 200, 400]);
	});

	afterAll(async () => {
		source?.stop?.();
		cockpit?.unmount();
		await proxy?.close();
		if (available) await removeRemoteContainers(docker);
	});

	it('says where it connects while the daemon has not answered yet', async () => {
		const started = source.start!();
		await waitFor('a connection to the proxy', () => proxy.accepted > 0);
		await cockpit.settle();
		expect(screenText(cockpit)).toContain(`Connecting to ${endpoint}`);
		expect(containersStatus(cockpit.store.getState()).data).toMatchObject({endpoint, connection: 'connecting'});
		proxy.release();
		await started;
	});

	it('lists the containers, as through the socket', async () => {
		await until('the listing on screen', cockpit, () => cockpit.store.getState().containers.links['local']?.connection === 'up' && byName('gitea') !== undefined);
		const ollama = byName('ollama')!;
		update(cockpit.store, 'containers', c => ({...c, selected: ollama.id}));
		await cockpit.settle();
		const screen = screenText(cockpit);
		expect(screen).toContain(`${REMOTE_PREFIX}ollama:1`);
		expect(screen).toMatch(new RegExp(`${REMOTE_PREFIX}gitea:1\\s+creat`));
		expect(screen).not.toContain('Connecting to');
		expect(containersStatus(cockpit.store.getState()).data).toMatchObject({endpoint, connection: 'up', error: null});
	});

	it('sees a container created through the API by its event, without listing again', async () => {
		const lists = source.counters.list;
		const c = await createRemoteContainer(docker, 'vllm');
		await until('the new vllm row', cockpit, () => screenText(cockpit).includes(`${REMOTE_PREFIX}vllm:1`) && byName('vllm')?.state === 'running');
		expect(source.counters.list).toBe(lists);
		await c.remove({force: true});
		await until('the vllm row gone', cockpit, () => !screenText(cockpit).includes(`${REMOTE_PREFIX}vllm:1`));
	});

	it('shows CPU and memory for the rows on screen', async () => {
		const row = new RegExp(`${REMOTE_PREFIX}ollama:1\\s+\\d+(\\.\\d)?%\\s+\\d+(\\.\\d+)? ?[KMG]?i?B`);
		await until('CPU and memory on the ollama row', cockpit, () => row.test(screenText(cockpit)), {poll: source, timeoutMs: 20_000});
		const s = cockpit.store.getState().containers;
		expect(s.visibleIds).toContain(byName('ollama')!.id);
		expect(s.stats[byName('gitea')!.id]).toBeUndefined();
	});

	it('says the log file size is unknown in the detail: its file is on the daemon’s host', async () => {
		const ollama = byName('ollama')!;
		update(cockpit.store, 'containers', c => ({...c, selected: ollama.id, view: 'detail', detailOffset: 0}));
		await until('the log size line', cockpit, () => /Log file +unknown \(remote daemon\)/.test(screenText(cockpit)), {poll: source});
		update(cockpit.store, 'containers', c => ({...c, view: 'list'}));
		await cockpit.settle();
	});

	it('says the daemon is unreachable, naming the endpoint and what to do, then recovers', async () => {
		await proxy.close();
		await until('the unreachable banner', cockpit, () => screenText(cockpit).includes(`Docker daemon at ${endpoint} unreachable`), {timeoutMs: 20_000});
		const screen = screenText(cockpit);
		expect(screen).toMatch(/connection refused; start dockerd there/);
		expect(screen).toMatch(/retrying \(last known list below\)/);
		expect(cockpit.store.getState().containers.links['local']?.connection).toBe('down');
		expect(containersStatus(cockpit.store.getState()).lines[0]).toContain(`Docker daemon at ${endpoint} unreachable`);

		const lists = source.counters.list;
		await proxy.reopen();
		await until('the panel back up', cockpit, () => cockpit.store.getState().containers.links['local']?.connection === 'up' && !screenText(cockpit).includes('unreachable'), {timeoutMs: 20_000});
		expect(source.counters.list).toBe(lists + 1);
		expect(screenText(cockpit)).toContain(`${REMOTE_PREFIX}ollama:1`);
		// Events flow again over the new connection.
		const c = await createRemoteContainer(docker, 'tor', {start: false});
		await until('tor seen after the reconnect', cockpit, () => screenText(cockpit).includes(`${REMOTE_PREFIX}tor:1`));
		await c.remove({force: true});
	}, 60_000);
});

describe('a wrong DOCKER_HOST is reported on the panel, not thrown', () => {
	let cockpit: RenderedCockpit | null = null;
	let source: DockerSource | null = null;
	const dirs: string[] = [];
	const holes: Blackhole[] = [];
	afterEach(async () => {
		source?.stop?.();
		cockpit?.unmount();
		source = null;
		cockpit = null;
		for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
		for (const h of holes.splice(0)) await h.close();
	});

	const open = async (env: Record<string, string>) => {
		cockpit = await renderContainersZoomed(200, 20);
		source = dockerSourceOnOwnHost({store: cockpit.store, config: defaultConfig(), refreshMs: 1000, env}, [100, 200, 400]);
		await expect(source.start!()).resolves.toBeUndefined();
		return cockpit;
	};

	it('an unknown scheme', async () => {
		const c = await open({DOCKER_HOST: 'docker://box'});
		await until('the scheme error', c, () => screenText(c).includes('DOCKER_HOST="docker://box": unsupported scheme docker://; use unix:///var/run/docker.sock, tcp://host:2375 or ssh://user@host'));
		expect(c.store.getState().containers.links['local']?.connection).toBe('down');
	});

	it('tcp:// without a port tries 2375, as the docker CLI does, and says so', async () => {
		const c = await open({DOCKER_HOST: 'tcp://127.0.0.1'});
		// Nothing listens on 2375 here (dockerd serves the socket only).
		await until('the refused 2375', c, () => screenText(c).includes('Docker daemon at tcp://127.0.0.1:2375 unreachable: connection refused'), {timeoutMs: 15_000});
	});

	it('tcp:// with no host at all', async () => {
		const c = await open({DOCKER_HOST: 'tcp://:2375'});
		await until('the address error', c, () => screenText(c).includes('DOCKER_HOST="tcp://:2375" is not a valid address'));
	});

	it('DOCKER_TLS_VERIFY with a DOCKER_CERT_PATH that does not exist', async () => {
		const c = await open({DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent/docker-certs'});
		await until('the cert folder error', c, () =>
			screenText(c).includes('Docker TLS: DOCKER_CERT_PATH=/nonexistent/docker-certs does not exist (need ca.pem); put ca.pem, cert.pem and key.pem there or unset DOCKER_TLS_VERIFY'),
		);
	});

	it('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH looks in ~/.docker, as the CLI does', async () => {
		const home = mkdtempSync(join(tmpdir(), 'sd-remote-home-'));
		dirs.push(home);
		const c = await open({DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1', HOME: home});
		await until('the missing ca.pem', c, () => screenText(c).includes(`Docker TLS: ${join(home, '.docker')} (DOCKER_CERT_PATH unset) does not exist (need ca.pem)`));
	});

	// A host that drops packets: without a connect timeout the panel would say "Connecting…" for the
	// kernel's ~2 minutes of SYN retries (remote-blackhole.ts says how the port is made to hang).
	it('a tcp:// host that never answers the connect: unreachable after the connect timeout, and retried', async () => {
		const hole = await startBlackhole();
		holes.push(hole);
		const endpoint = `tcp://127.0.0.1:${hole.port}`;
		const c = await open({DOCKER_HOST: endpoint});
		await until('the timeout banner', c, () => screenText(c).includes(`Docker daemon at ${endpoint} unreachable: no answer within 5 s`), {timeoutMs: 30_000});
		expect(containersStatus(c.store.getState()).lines[0]).toContain(`Docker daemon at ${endpoint} unreachable: no answer within 5 s (host down, or a firewall dropping packets); check the host, the port and DOCKER_HOST`);
		expect(screenText(c)).toMatch(/retrying/);
		const connects = source!.counters.connects;
		await until('another attempt', c, () => source!.counters.connects > connects, {timeoutMs: 30_000});
	}, 60_000);

	it('an ssh:// host that never answers the connect: unreachable after the connect timeout', async () => {
		const hole = await startBlackhole();
		holes.push(hole);
		const endpoint = `ssh://me@127.0.0.1:${hole.port}`;
		const c = await open({DOCKER_HOST: endpoint});
		await until('the timeout banner', c, () => screenText(c).includes(`Docker host ${endpoint} unreachable: no answer within 5 s`), {timeoutMs: 30_000});
		expect(containersStatus(c.store.getState()).lines[0]).toContain('check the host, the port and that sshd runs there');
	}, 60_000);
});
