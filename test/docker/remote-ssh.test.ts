// DOCKER_HOST=ssh://… as a user sees it on the Containers panel, through a throwaway local sshd (default
// MaxStartups and MaxSessions, as on a real box) whose `docker system dial-stdio` reaches this machine's
// daemon: the host key checked against the HOME's known_hosts as ssh checks it (unknown, plain, hashed,
// changed), everything over one SSH connection, sshd going away and coming back, a key the server refuses.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import Docker from 'dockerode';
import {defaultConfig} from '../../source/config/schema.js';
import {update} from '../../source/store/index.js';
import type {DockerSource} from '../../source/sources/docker/docker-source.js';
import {dockerSourceOnOwnHost} from '../support/host.js';
import {containersStatus} from '../../source/panels/containers/status.js';
import type {RenderedCockpit} from '../support/render-frame.js';
import {RUN_ID, ensureImage, requireDaemon} from './engine-support.js';
import {requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';
import {createRemoteContainer, removeRemoteContainers, renderContainersZoomed, screenText, until} from './remote-support.js';

const PREFIX = `sdssh-${RUN_ID}-`;
const docker = new Docker({socketPath: '/var/run/docker.sock'});
const available = await requireDaemon(docker);
const sshd: LocalSshd | null = available && requireSshd() ? await startLocalSshd() : null;

/** Ten running containers besides sglang: more stats requests at once than sshd's MaxSessions (10) allows channels. */
const WORKERS = Array.from({length: 10}, (_, i) => `w${String(i + 1).padStart(2, '0')}`);

describe.skipIf(!sshd)('Docker source over ssh:// (a local sshd, docker system dial-stdio)', () => {
	let cockpit: RenderedCockpit;
	let source: DockerSource;
	let endpoint: string;
	let name: string;
	let home: string;
	const homes: string[] = [];
	const others: {source: DockerSource; cockpit: RenderedCockpit}[] = [];
	const byName = (n: string) => Object.values(cockpit.store.getState().containers.byId).find(c => c.name === PREFIX + n);
	const status = (c: RenderedCockpit) => containersStatus(c.store.getState()).lines.join('\n');

	/** A HOME with the key the server accepts, and this known_hosts (none when null). */
	const homeWith = (knownHosts: string | null): string => {
		const home = mkdtempSync(join(tmpdir(), 'sd-ssh-home-'));
		homes.push(home);
		mkdirSync(join(home, '.ssh'));
		copyFileSync(join(sshd!.home, '.ssh', 'id_ed25519'), join(home, '.ssh', 'id_ed25519'));
		if (knownHosts !== null) writeFileSync(join(home, '.ssh', 'known_hosts'), knownHosts);
		return home;
	};
	/** Wait on another cockpit; a failure shows its full status line (the panel cuts long messages). */
	const untilOn = async (what: string, c: RenderedCockpit, check: () => boolean) => {
		try {
			await until(what, c, check, {timeoutMs: 60_000});
		} catch (error) {
			throw new Error(`${(error as Error).message}\nstatus: ${status(c)}`);
		}
	};
	const keyscan = async (...flags: string[]) => (await execa('ssh-keyscan', [...flags, '-p', String(sshd!.port), '127.0.0.1'])).stdout;
	const openOther = async (home: string) => {
		const other = await renderContainersZoomed(300, 20);
		const s = dockerSourceOnOwnHost({store: other.store, config: defaultConfig(), refreshMs: 1000, env: {DOCKER_HOST: endpoint, HOME: home}}, [100, 200, 400]);
		others.push({source: s, cockpit: other});
		await s.start!();
		return {source: s, cockpit: other};
	};

	beforeAll(async () => {
		await removeRemoteContainers(docker, PREFIX);
		await ensureImage(docker);
		await Promise.all(['sglang', ...WORKERS].map(n => createRemoteContainer(docker, n, {prefix: PREFIX})));
		endpoint = `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`;
		name = `[127.0.0.1]:${sshd!.port}`;
		cockpit = await renderContainersZoomed(300, 34);
		home = homeWith(null);
		// The key comes from HOME/.ssh/id_ed25519, as ssh would take it; no agent; no known_hosts yet.
		source = dockerSourceOnOwnHost({store: cockpit.store, config: defaultConfig(), refreshMs: 1000, env: {DOCKER_HOST: endpoint, HOME: home}}, [100, 200, 400]);
		await source.start!();
	});

	afterAll(async () => {
		source?.stop?.();
		cockpit?.unmount();
		for (const o of others) {
			o.source.stop?.();
			o.cockpit.unmount();
		}
		await sshd?.cleanup();
		for (const h of homes) rmSync(h, {recursive: true, force: true});
		if (available) await removeRemoteContainers(docker, PREFIX);
	});

	it('refuses a host that is not in known_hosts, before logging in, and says how to accept its key', async () => {
		await until('the unknown host key banner', cockpit, () => screenText(cockpit).includes(`Docker host ${endpoint}: host key unknown (${name} is not in ~/.ssh/known_hosts)`), {timeoutMs: 30_000});
		const text = status(cockpit);
		expect(text).toContain(`run \`ssh -p ${sshd!.port} ${sshd!.user}@127.0.0.1\` once and accept the key`);
		expect(text).toContain(`add it with \`ssh-keyscan -p ${sshd!.port} 127.0.0.1 >> ~/.ssh/known_hosts\``);
		expect(cockpit.store.getState().containers.links['local']?.connection).toBe('down');
		expect(byName('sglang')).toBeUndefined();
		// The client key was never offered to the unknown server.
		expect(sshd!.logins()).toBe(0);
	}, 60_000);

	it('connects by itself once the key is added the way the message says (ssh-keyscan >> ~/.ssh/known_hosts)', async () => {
		appendFileSync(join(home, '.ssh', 'known_hosts'), `${await keyscan()}\n`);
		await until('the listing over ssh', cockpit, () => cockpit.store.getState().containers.links['local']?.connection === 'up' && byName('sglang') !== undefined, {timeoutMs: 30_000});
		expect(containersStatus(cockpit.store.getState()).data).toMatchObject({endpoint, connection: 'up', error: null});
		expect(screenText(cockpit)).not.toContain('host key');
	}, 60_000);

	it('lists, follows an event and samples stats for eleven rows, all over one SSH connection', async () => {
		const logins = sshd!.logins();
		const requests = () => source.counters.list + source.counters.inspect + source.counters.stats + source.counters.events;
		const before = requests();
		const c = await createRemoteContainer(docker, 'aider', {start: false, prefix: PREFIX});
		await until('the new aider row', cockpit, () => screenText(cockpit).includes(`${PREFIX}aider:1`), {timeoutMs: 30_000});
		const running = ['sglang', ...WORKERS];
		const s = cockpit.store.getState().containers;
		for (const n of running) expect(s.visibleIds, n).toContain(byName(n)!.id);
		const rows = running.map(n => new RegExp(`${PREFIX}${n}:1\\s+\\d+(\\.\\d)?%\\s+\\d+(\\.\\d+)? ?[KMG]?i?B`));
		await until('CPU and memory on all eleven rows', cockpit, () => rows.every(r => r.test(screenText(cockpit))), {poll: source, timeoutMs: 60_000});
		await c.remove({force: true});
		await until('the aider row gone', cockpit, () => !screenText(cockpit).includes(`${PREFIX}aider:1`), {timeoutMs: 30_000});
		expect(requests() - before).toBeGreaterThan(12);
		// dockerode alone would log in once per request (and trip sshd's MaxStartups at 10 at once).
		expect(sshd!.logins()).toBe(logins);
	}, 120_000);

	it('says the log file size is unknown in the detail', async () => {
		const sglang = byName('sglang')!;
		update(cockpit.store, 'containers', c => ({...c, selected: sglang.id, view: 'detail', detailOffset: 0}));
		await until('the log size line', cockpit, () => /Log file +unknown \(remote daemon\)/.test(screenText(cockpit)), {poll: source, timeoutMs: 30_000});
		update(cockpit.store, 'containers', c => ({...c, view: 'list'}));
	}, 60_000);

	it('says the host is unreachable when sshd goes, and recovers with one new login when it is back', async () => {
		await sshd!.stop();
		await until('the unreachable banner', cockpit, () => screenText(cockpit).includes(`Docker host ${endpoint} unreachable: nothing accepts SSH connections there`), {timeoutMs: 30_000});
		expect(cockpit.store.getState().containers.links['local']?.connection).toBe('down');
		const logins = sshd!.logins();
		await sshd!.restart();
		await until('the panel back up', cockpit, () => cockpit.store.getState().containers.links['local']?.connection === 'up' && !screenText(cockpit).includes('unreachable'), {timeoutMs: 60_000});
		expect(screenText(cockpit)).toContain(`${PREFIX}sglang:1`);
		const c = await createRemoteContainer(docker, 'tor', {start: false, prefix: PREFIX});
		await until('tor seen after the reconnect', cockpit, () => screenText(cockpit).includes(`${PREFIX}tor:1`), {timeoutMs: 30_000});
		await c.remove({force: true});
		expect(sshd!.logins()).toBe(logins + 1);
	}, 120_000);

	it('accepts the key from a hashed known_hosts line (ssh-keyscan -H)', async () => {
		const hashed = await keyscan('-H');
		expect(hashed).toMatch(/^\|1\|/m);
		expect(hashed).not.toContain('127.0.0.1');
		const {cockpit: other} = await openOther(homeWith(`${hashed}\n`));
		await untilOn('the listing', other, () => other.store.getState().containers.links['local']?.connection === 'up' && screenText(other).includes(`${PREFIX}sglang:1`));
	}, 90_000);

	it('refuses a changed host key as a possible man-in-the-middle, without logging in', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sd-ssh-otherkey-'));
		homes.push(dir);
		await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'k')]);
		const wrong = (await execa('cut', ['-d', ' ', '-f1,2', join(dir, 'k.pub')])).stdout;
		const logins = sshd!.logins();
		const {cockpit: other} = await openOther(homeWith(`# an old key\n${name} ${wrong}\n`));
		await untilOn('the changed key banner', other, () => screenText(other).includes(`Docker host ${endpoint}: the ssh-ed25519 host key of ${name} differs from the one in ~/.ssh/known_hosts:2: POSSIBLE MAN-IN-THE-MIDDLE ATTACK`));
		expect(status(other)).toContain(`remove the old one with \`ssh-keygen -R '${name}'\``);
		expect(other.store.getState().containers.links['local']?.connection).toBe('down');
		expect(screenText(other)).not.toContain(`${PREFIX}sglang:1`);
		expect(sshd!.logins()).toBe(logins);
	}, 90_000);

	it('says which key to set up when the server accepts none', async () => {
		mkdirSync(join(sshd!.keylessHome, '.ssh'), {recursive: true});
		writeFileSync(join(sshd!.keylessHome, '.ssh', 'known_hosts'), `${name} ${sshd!.hostKey}\n`);
		const {cockpit: other} = await openOther(sshd!.keylessHome);
		await untilOn('the key advice', other, () => screenText(other).includes(`Docker over SSH (${endpoint}): the server accepted no key; add yours to the agent (ssh-add)`));
	}, 90_000);
});
