// DOCKER_HOST other than the local socket, as a user sees it on the Containers panel: tcp:// through a
// real TCP front for the Engine API (the bytes dockerd -H tcp:// serves), the daemon going away and
// coming back, DOCKER_HOST values that are wrong, and ssh:// through a local sshd when one is installed.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Docker from 'dockerode';
import {defaultConfig} from '../../source/config/schema.js';
import {update} from '../../source/store/index.js';
import {createDockerSource, type DockerSource} from '../../source/sources/docker/docker-source.js';
import {parseDockerHost} from '../../source/domain/containers/docker-host.js';
import {containersStatus} from '../../source/panels/containers/status.js';
import type {RenderedCockpit} from '../support/render-frame.js';
import {ensureImage, requireDaemon, waitFor} from './engine-support.js';
import {startSocketProxy, type SocketProxy} from './remote-proxy.js';
import {startLocalSshd} from './remote-sshd.js';
import {REMOTE_PREFIX, createRemoteContainer, removeRemoteContainers, renderContainersZoomed, screenText, until} from './remote-support.js';

const docker = new Docker({socketPath: '/var/run/docker.sock'});
const available = await requireDaemon(docker);

describe('DOCKER_HOST is read as the docker CLI reads it', () => {
	it('defaults the tcp port (2375, 2376 with TLS), takes a bare host:port as tcp, and names the real endpoint', () => {
		expect(parseDockerHost('tcp://127.0.0.1', false)).toMatchObject({kind: 'tcp', port: 2375, tls: false, endpoint: 'tcp://127.0.0.1:2375'});
		expect(parseDockerHost('tcp://box', true)).toMatchObject({kind: 'tcp', port: 2376, tls: true, endpoint: 'tcp://box:2376'});
		expect(parseDockerHost('localhost:2375', false)).toMatchObject({kind: 'tcp', host: 'localhost', port: 2375});
		expect(parseDockerHost('tcp://[::1]:2375', false)).toMatchObject({kind: 'tcp', host: '::1', endpoint: 'tcp://[::1]:2375'});
		expect(parseDockerHost('ssh://box', false)).toMatchObject({kind: 'ssh', host: 'box', port: 22, username: null, endpoint: 'ssh://box'});
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
		source = createDockerSource({store: cockpit.store, config: defaultConfig(), refreshMs: 1000, env: {DOCKER_HOST: endpoint}}, [100, 200, 400]);
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
		await until('the listing on screen', cockpit, () => cockpit.store.getState().containers.connection === 'up' && byName('gitea') !== undefined);
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
		expect(cockpit.store.getState().containers.connection).toBe('down');
		expect(containersStatus(cockpit.store.getState()).lines[0]).toContain(`Docker daemon at ${endpoint} unreachable`);

		const lists = source.counters.list;
		await proxy.reopen();
		await until('the panel back up', cockpit, () => cockpit.store.getState().containers.connection === 'up' && !screenText(cockpit).includes('unreachable'), {timeoutMs: 20_000});
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
	afterEach(() => {
		source?.stop?.();
		cockpit?.unmount();
		source = null;
		cockpit = null;
		for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
	});

	const open = async (env: Record<string, string>) => {
		cockpit = await renderContainersZoomed(200, 20);
		source = createDockerSource({store: cockpit.store, config: defaultConfig(), refreshMs: 1000, env}, [100, 200, 400]);
		await expect(source.start!()).resolves.toBeUndefined();
		return cockpit;
	};

	it('an unknown scheme', async () => {
		const c = await open({DOCKER_HOST: 'docker://box'});
		await until('the scheme error', c, () => screenText(c).includes('DOCKER_HOST="docker://box": unsupported scheme docker://; use unix:///var/run/docker.sock, tcp://host:2375 or ssh://user@host'));
		expect(c.store.getState().containers.connection).toBe('down');
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
});

const sshd = available ? await startLocalSshd() : null;
if (available && !sshd) console.warn('[stackdeck] ssh:// DOCKER_HOST test SKIPPED: sshd is not installed (apt-get install openssh-server)');

describe.skipIf(!sshd)('Docker source over ssh:// (a local sshd, docker system dial-stdio)', () => {
	let cockpit: RenderedCockpit;
	let source: DockerSource;
	let endpoint: string;
	const byName = (name: string) => Object.values(cockpit.store.getState().containers.byId).find(c => c.name === REMOTE_PREFIX + name);

	beforeAll(async () => {
		await removeRemoteContainers(docker);
		await ensureImage(docker);
		await createRemoteContainer(docker, 'sglang');
		endpoint = `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`;
		cockpit = await renderContainersZoomed(200, 20);
		// The key comes from HOME/.ssh/id_ed25519, as ssh would take it; no agent.
		source = createDockerSource({store: cockpit.store, config: defaultConfig(), refreshMs: 1000, env: {DOCKER_HOST: endpoint, HOME: sshd!.home}}, [100, 200, 400]);
		await source.start!();
	});

	afterAll(async () => {
		source?.stop?.();
		cockpit?.unmount();
		await sshd?.cleanup();
		if (available) await removeRemoteContainers(docker);
	});

	it('lists the containers, sees new ones by their events and gets their stats', async () => {
		await until('the listing over ssh', cockpit, () => cockpit.store.getState().containers.connection === 'up' && byName('sglang') !== undefined, {timeoutMs: 30_000});
		expect(containersStatus(cockpit.store.getState()).data).toMatchObject({endpoint, connection: 'up', error: null});
		const sglang = byName('sglang')!;
		update(cockpit.store, 'containers', c => ({...c, selected: sglang.id}));
		const lists = source.counters.list;
		const c = await createRemoteContainer(docker, 'aider', {start: false});
		await until('the new aider row', cockpit, () => screenText(cockpit).includes(`${REMOTE_PREFIX}aider:1`), {timeoutMs: 30_000});
		expect(source.counters.list).toBe(lists);
		await c.remove({force: true});
		const row = new RegExp(`${REMOTE_PREFIX}sglang:1\\s+\\d+(\\.\\d)?%\\s+\\d+(\\.\\d+)? ?[KMG]?i?B`);
		await until('CPU and memory on the sglang row', cockpit, () => row.test(screenText(cockpit)), {poll: source, timeoutMs: 60_000});
	}, 120_000);

	it('says the log file size is unknown in the detail', async () => {
		const sglang = byName('sglang')!;
		update(cockpit.store, 'containers', c => ({...c, selected: sglang.id, view: 'detail', detailOffset: 0}));
		await until('the log size line', cockpit, () => /Log file +unknown \(remote daemon\)/.test(screenText(cockpit)), {poll: source, timeoutMs: 30_000});
		update(cockpit.store, 'containers', c => ({...c, view: 'list'}));
	}, 60_000);

	it('says the host is unreachable when sshd goes, and recovers when it is back', async () => {
		await sshd!.stop();
		await until('the unreachable banner', cockpit, () => screenText(cockpit).includes(`Docker host ${endpoint} unreachable: nothing accepts SSH connections there`), {timeoutMs: 30_000});
		expect(cockpit.store.getState().containers.connection).toBe('down');
		await sshd!.restart();
		await until('the panel back up', cockpit, () => cockpit.store.getState().containers.connection === 'up' && !screenText(cockpit).includes('unreachable'), {timeoutMs: 60_000});
		expect(screenText(cockpit)).toContain(`${REMOTE_PREFIX}sglang:1`);
	}, 120_000);

	it('says which key to set up when the server accepts none', async () => {
		const other = await renderContainersZoomed(200, 20);
		const keyless = createDockerSource({store: other.store, config: defaultConfig(), refreshMs: 1000, env: {DOCKER_HOST: endpoint, HOME: sshd!.keylessHome}}, [100, 200, 400]);
		try {
			await keyless.start!();
			await until('the key advice', other, () => screenText(other).includes(`Docker over SSH (${endpoint}): the server accepted no key; add yours to the agent (ssh-add)`), {timeoutMs: 30_000});
		} finally {
			keyless.stop?.();
			other.unmount();
		}
	}, 60_000);
});
