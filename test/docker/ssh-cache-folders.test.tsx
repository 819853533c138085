// The Cache panel's folders on other hosts, sized over the user's own ssh: throwaway local sshds play
// the boxes. spark2 answers; "slow" is frozen (SIGSTOP: it accepts and says nothing) until the
// test lets it go; "gone" refuses connections. The real runtime services and per-host sources
// with the real scheduler fill the store; the cockpit draws it at 160×48 and 46×19.
import {appendFileSync, chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {statfs} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {configSchema, type Config} from '../../source/config/schema.js';
import {createAppStore, initialState, update, type AppState, type AppStore} from '../../source/store/index.js';
import {closeServices, createServices} from '../../source/runtime/services.js';
import {createHostSources} from '../../source/sources/index.js';
import {createScheduler} from '../../source/sources/scheduler.js';
import type {Services} from '../../source/services/types.js';
import type {DiskDir} from '../../source/store/slices/engines.js';
import {cacheStatus} from '../../source/panels/cache/status.js';
import {formatBytes} from '../../source/domain/format.js';
import {mountCockpit, plain, visibleWidth} from '../support/render-frame.js';
import {closedPort} from '../engines/engines-state.js';
import {requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';

const ready = requireSshd();
const spark2: LocalSshd | null = ready ? await startLocalSshd() : null;
const slow: LocalSshd | null = ready ? await startLocalSshd() : null;

/** Files of these sizes in a new folder under `root`. */
function folder(root: string, name: string, sizes: number[]): string {
	const dir = join(root, name);
	mkdirSync(join(dir, 'sub'), {recursive: true});
	sizes.forEach((size, i) => writeFileSync(join(dir, i % 2 ? 'sub' : '.', `f${i}`), Buffer.alloc(size)));
	chmodSync(dir, 0o755);
	chmodSync(join(dir, 'sub'), 0o755);
	return dir;
}

/** Waits (without a clock assertion) until the store holds what `ok` looks for. */
async function until(store: AppStore, ok: (disk: DiskDir[]) => boolean, what: string): Promise<void> {
	for (let i = 0; i < 1200 && !ok(store.getState().engines.disk); i++) await new Promise(r => setTimeout(r, 50));
	if (!ok(store.getState().engines.disk)) throw new Error(`never: ${what}; disk = ${JSON.stringify(store.getState().engines.disk)}`);
}

const settle = async () => {
	for (let i = 0; i < 5; i++) await new Promise(r => setTimeout(r, 20));
};

/** The cockpit drawn from what the sources read, the Cache panel zoomed, with the runtime's own services (their host list). */
function mountOn(state: AppState, services: Services, cols: number, rows: number) {
	const store = createAppStore({...state, ui: {...state.ui, focused: 'cache', zoomed: true}});
	const m = mountCockpit(store, cols, rows, {services});
	return {store, frame: () => (m.stdout.frames.at(-1) ?? '').split('\n'), unmount: m.unmount, type: async (key: string) => (await settle(), m.stdin.type(key), await settle())};
}

describe.skipIf(!spark2 || !slow)('cache folders on other hosts, over ssh', () => {
	const dir = mkdtempSync(join(tmpdir(), 'sd-ssh-cache-'));
	const home = join(dir, 'home');
	const here = folder(dir, 'here', [1000, 500]);
	const there = folder(dir, 'there', [100_000, 200_000, 34_567]);
	const slowFolder = folder(dir, 'slow-models', [4096]);
	const missing = join(dir, 'there-not-yet');
	let config: Config;
	let store: AppStore;
	let services: Services;
	const landed: string[] = [];

	let type: (key: string) => Promise<void>;
	const mount = (cols: number, rows: number) => {
		const cockpit = mountOn(store.getState(), services, cols, rows);
		type = cockpit.type;
		return cockpit;
	};

	beforeAll(async () => {
		chmodSync(dir, 0o755);
		mkdirSync(join(home, '.ssh'), {recursive: true});
		copyFileSync(join(spark2!.home, '.ssh', 'id_ed25519'), join(home, '.ssh', 'id_ed25519'));
		// The slow box takes the same key as spark2 (each harness accepts its own).
		appendFileSync(join(dirname(slow!.home), 'authorized_keys'), readFileSync(join(spark2!.home, '.ssh', 'id_ed25519.pub')));
		const known = [];
		for (const s of [spark2!, slow!]) known.push((await execa('ssh-keyscan', ['-p', String(s.port), '127.0.0.1'])).stdout);
		writeFileSync(join(home, '.ssh', 'known_hosts'), `${known.join('\n')}\n`);
		const user = spark2!.user;
		config = configSchema.parse({
			docker: {enabled: false},
			engines: {probe: false},
			cache: {dirs: [here], warn_gb: 0.0003}, // 0.0003 GiB ≈ 322 KB: spark2's folder is over, the others under
			hosts: [
				{name: 'spark2', ssh: `${user}@127.0.0.1:${spark2!.port}`, cache_dirs: [there, missing]},
				{name: 'slow', ssh: `${user}@127.0.0.1:${slow!.port}`, cache_dirs: [slowFolder]},
				{name: 'gone', ssh: `${user}@127.0.0.1:${await closedPort()}`, cache_dirs: ['/data/models']},
			],
		});
		store = createAppStore(initialState(true));
		update(store, 'ui', ui => ({...ui, visible: ['cache']}));
		services = createServices({store, config, env: {HOME: home, SSH_AUTH_SOCK: ''}});
		const sources = createHostSources({store, config, refreshMs: 1000, env: {HOME: home}}, services.hosts).filter(s => s.id.endsWith('engines.disk'));
		expect(sources.map(s => s.id)).toEqual(['engines.disk', 'spark2/engines.disk', 'slow/engines.disk', 'gone/engines.disk']);
		// Which host's reading lands when.
		store.subscribe((s, prev) => {
			for (const id of Object.keys(s.engines.diskAt)) if (prev.engines.diskAt[id] === undefined) landed.push(id);
		});
		process.kill(slow!.pid()!, 'SIGSTOP');
		const scheduler = createScheduler(store, sources, 1000, false);
		const tick = scheduler.tick();
		// The frozen box holds up nobody: the others' folders land while it says nothing.
		await until(store, d => ['local', 'spark2', 'gone'].every(h => d.some(x => x.hostId === h)), 'the answering hosts’ folders');
		expect(store.getState().engines.disk.some(d => d.hostId === 'slow')).toBe(false);
		process.kill(slow!.pid()!, 'SIGCONT');
		await tick;
		await scheduler.stop();
	}, 120_000);

	afterAll(async () => {
		if (services) closeServices(services);
		for (const s of [spark2, slow]) {
			const pid = s?.pid();
			if (pid) process.kill(pid, 'SIGCONT');
			await s?.cleanup();
		}
		rmSync(dir, {recursive: true, force: true});
	});

	it('reads each host’s folders there: exact sizes, file counts and the filesystem’s free space', async () => {
		const disk = store.getState().engines.disk;
		const fs = await statfs(dir);
		const dev = String(statSync(dir).dev);
		expect(disk.find(d => d.hostId === 'local')).toMatchObject({path: here, bytes: 1500, files: 2, partial: false, error: null, fsId: `local:${dev}`});
		const remote = disk.find(d => d.hostId === 'spark2' && d.path === there)!;
		expect(remote).toMatchObject({bytes: 334_567, files: 3, partial: false, unreadable: [], error: null, hostDown: false, fsTotal: fs.blocks * fs.bsize, fsId: `spark2:${dev}`});
		// Free space moves with everything else on this machine: df's figure, in whole KiB, on the same disk.
		expect(remote.fsFree! % 1024).toBe(0);
		expect(remote.fsFree!).toBeGreaterThan(0);
		expect(remote.fsFree!).toBeLessThanOrEqual(remote.fsTotal!);
		expect(disk.find(d => d.path === missing)).toMatchObject({hostId: 'spark2', bytes: null, error: 'does not exist', fsId: `spark2:${dev}`});
		// The frozen box, once it answered: its folder as usual.
		expect(disk.find(d => d.hostId === 'slow')).toMatchObject({path: slowFolder, bytes: 4096, files: 1, error: null});
	});

	it('a host that refuses connections has its folders said unreachable; the others are read all the same', () => {
		const disk = store.getState().engines.disk;
		expect(disk.find(d => d.hostId === 'gone')).toMatchObject({path: '/data/models', bytes: null, hostDown: true, error: 'host unreachable (ECONNREFUSED)'});
		// It was never waited for: the frozen host's reading came last.
		expect(landed.at(-1)).toBe('slow');
		const status = cacheStatus(store.getState()).lines;
		expect(status).toContain(`spark2 ${there}: ${formatBytes(334_567)} (3 files) over the limit, ${formatBytes(disk.find(d => d.path === there)!.fsFree)} free`);
		expect(status).toContain('gone /data/models: host unreachable (ECONNREFUSED)');
		expect(status).toContainEqual(expect.stringMatching(new RegExp(`^local ${here}: 1\\.5 KiB \\(2 files\\)`)));
	});

	it('160×48: every host’s folders with the host before each, the warning on the one over the limit', async () => {
		const cockpit = mount(160, 48);
		try {
			await settle();
			const lines = cockpit.frame().map(plain);
			const text = lines.join('\n');
			expect(text).toMatch(new RegExp(`local\\s+${here}: 1\\.5 KiB in 2 files`));
			expect(text).toMatch(new RegExp(`spark2\\s+${there}: ${formatBytes(334_567).replace('.', '\\.')} in 3 files — over the limit`));
			expect(text).toMatch(new RegExp(`spark2\\s+${missing}: does not exist`));
			expect(text).toMatch(/gone\s+\/data\/models: host unreachable \(ECONNREFUSED\)/);
			expect(text).toMatch(/slow\s+\S*slow-models: 4\.0 KiB in 1 file\b/);
			// In the hosts' order, whichever answered first.
			expect(lines.map(l => /^│ {2}(\w+)\s+\//.exec(l)?.[1]).filter(Boolean)).toEqual(['local', 'spark2', 'spark2', 'slow', 'gone']);
			// One filesystem line per host's disk (the same disk here, seen from each host).
			expect(lines.filter(l => /filesystem: .* free of /.test(l))).toHaveLength(3);
			expect(cockpit.frame().length).toBeLessThanOrEqual(47);
			for (const line of cockpit.frame()) expect(visibleWidth(line)).toBeLessThanOrEqual(160);
		} finally {
			cockpit.unmount();
		}
	});

	it('46×19: `h` shows one host’s folders at a time', async () => {
		const cockpit = mount(46, 19);
		try {
			await settle();
			const shown = () => cockpit.frame().map(plain).join('\n');
			expect(shown()).toMatch(/here: 1\.5 KiB/);
			expect(shown()).not.toMatch(/there: /);
			await type('h');
			expect(cockpit.store.getState().host.current).toBe('spark2');
			expect(shown()).toMatch(new RegExp(`there: ${formatBytes(334_567).replace('.', '\\.')}`));
			expect(shown()).toMatch(/there-not-yet: does not exist/);
			expect(shown()).not.toMatch(/here: 1\.5 KiB/);
			await type('h');
			await type('h');
			expect(cockpit.store.getState().host.current).toBe('gone');
			expect(shown()).toMatch(/models: host unreachable \(ECONNREFUSED\)/);
			for (const line of cockpit.frame()) expect(visibleWidth(line)).toBeLessThanOrEqual(46);
		} finally {
			cockpit.unmount();
		}
	});
});
