// Against a real Docker Engine: the list, events (create/stop/remove seen without list polling),
// one-shot stats for visible rows only, log follow with stdout/stderr demuxed, start/stop/restart,
// secrets masked in details, discovery, and the daemon restarted mid-test. All of it on a dockerd of
// the test's own (own socket, data root, exec root, pid file; no bridge network), never the machine's.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {rmSync} from 'node:fs';
import type Docker from 'dockerode';
import {createAppStore, update, type AppStore} from '../../source/store/index.js';
import {defaultConfig} from '../../source/config/schema.js';
import {createDockerSource, type DockerSource} from '../../source/sources/docker/docker-source.js';
import {openLogs, patchLogs, setVisibleIds} from '../../source/store/slices/containers.js';
import {containerJob} from '../../source/actions/containers.js';
import {startJob} from '../../source/jobs/runner.js';
import {detailRows} from '../../source/panels/containers/selectors.js';
import {containersStatus} from '../../source/panels/containers/status.js';
import {MASK} from '../../source/domain/secrets.js';
import {PREFIX, createStackContainer, ensureImage, removeTestContainers, seedDirs, waitFor, type SeedStack} from './engine-support.js';
import {hasBridge, startPrivateDaemon} from './private-daemon.js';
import {localHost} from '../support/host.js';
import {discoveryOf} from '../../source/store/slices/discovery.js';

const daemon = await startPrivateDaemon();
const available = daemon !== null;
const docker = daemon?.docker as Docker;
const SECRET = 'sk-test-secret-value';

describe.skipIf(!available)('Docker source on a real engine', () => {
	let store: AppStore;
	let source: DockerSource;
	// The private daemon, through a host of its own (as the runtime builds one per box).
	const host = localHost(daemon ? {DOCKER_HOST: daemon.host} : {});
	let seed: SeedStack;
	const byName = (name: string) => Object.values(store.getState().containers.byId).find(c => c.name === PREFIX + name);

	let bridge = true;

	beforeAll(async () => {
		await ensureImage(docker);
		bridge = await hasBridge(docker);
		seed = seedDirs();
		await Promise.all([
			createStackContainer(docker, 'openhands', {
				env: ['LLM_MODEL=openai/Intel/Qwen3-Coder', 'LLM_BASE_URL=http://host.docker.internal:8001/v1', `LLM_API_KEY=${SECRET}`],
				binds: [`${seed.stateDir}:/.openhands-state:rw`, `${seed.configToml}:/app/config.toml:ro`],
				bridge,
			}),
			createStackContainer(docker, 'sglang', {port: 30000, logMaxSize: false, bridge}),
			createStackContainer(docker, 'ollama', {bridge}),
			createStackContainer(docker, 'gitea', {start: false, bridge}),
		]);
		store = createAppStore();
		source = createDockerSource({store, config: defaultConfig(), refreshMs: 1000, env: {DOCKER_HOST: daemon!.host}, host}, [100, 200, 400]);
		await source.start!();
		await waitFor('the initial listing', () => store.getState().containers.links['local']?.connection === 'up' && byName('gitea') !== undefined);
	});

	afterAll(async () => {
		await source?.stop?.();
		host.close();
		if (available) await removeTestContainers(docker);
		await daemon?.dispose();
		if (seed) rmSync(seed.stateDir, {recursive: true, force: true});
	});

	it('lists the containers by role, with tags, and discovers the stack', () => {
		expect(byName('openhands')).toMatchObject({role: 'openhands', state: 'running', tag: '1', pinned: true});
		expect(byName('sglang')?.role).toBe('sglang');
		expect(byName('gitea')).toMatchObject({role: 'gitea', state: 'created'});
		expect(byName('sglang')?.log.warning).toMatch(/max-size/);
		const d = discoveryOf(store.getState(), host.id);
		expect(d.openhandsStateDir).toBe(seed.stateDir);
		expect(d.openhandsConfigToml).toBe(seed.configToml);
		expect(d.llmModel).toBe('openai/Intel/Qwen3-Coder');
		expect(d.llmBaseUrl).toBe('http://host.docker.internal:8001/v1');
		const port = d.enginePorts.find(p => p.container === PREFIX + 'sglang');
		if (bridge) {
			expect(port?.containerPort).toBe(30000);
			expect(port?.hostPort).toBeGreaterThan(0);
		} else {
			// Without a bridge network nothing is published, so there is no engine port to probe.
			expect(port).toBeUndefined();
		}
	});

	it('masks secrets in the detail view and in status --json', () => {
		const oh = byName('openhands')!;
		const text = detailRows(oh, undefined, undefined).map(r => r.text).join('\n');
		expect(text).toContain('LLM_MODEL=openai/Intel/Qwen3-Coder');
		expect(text).toContain(`LLM_API_KEY=${MASK}`);
		expect(text).not.toContain(SECRET);
		expect(JSON.stringify(containersStatus(store.getState()))).not.toContain(SECRET);
		expect(text).toContain(`${seed.stateDir} -> /.openhands-state`);
	});

	it('sees a container created, stopped and removed through events, without listing again', async () => {
		const lists = source.counters.list;
		const t0 = Date.now();
		const c = await createStackContainer(docker, 'vllm', {bridge});
		const seen = await waitFor('the new vllm container', () => byName('vllm')?.state === 'running');
		console.info(`[stackdeck] container create+start seen ${Date.now() - t0} ms after the create call (${seen} ms after start returned)`);
		const t1 = Date.now();
		await c.stop({t: 0});
		await waitFor('vllm exited', () => byName('vllm')?.state === 'exited');
		console.info(`[stackdeck] stop seen ${Date.now() - t1} ms after the stop call`);
		const t2 = Date.now();
		await c.remove();
		await waitFor('vllm removed', () => byName('vllm') === undefined);
		console.info(`[stackdeck] remove seen ${Date.now() - t2} ms after the remove call`);
		expect(source.counters.list).toBe(lists);
	});

	it('leaves no ghost rows after a storm of create/remove cycles', async () => {
		const storm = () => Object.values(store.getState().containers.byId).filter(c => c.name.startsWith(`${PREFIX}storm`));
		for (let round = 0; round < 8; round++) {
			await Promise.all(
				Array.from({length: 5}, async (_, k) => {
					const c = await createStackContainer(docker, `storm${round}-${k}`, {bridge});
					await c.remove({force: true});
				}),
			);
		}
		await waitFor('every storm row gone', () => storm().length === 0, 20_000);
		// Inspects that were in flight when the destroy events came must not bring rows back.
		await new Promise(r => setTimeout(r, 2000));
		expect(storm().map(c => c.name)).toEqual([]);
	}, 120_000);

	it('fetches one-shot stats only for the visible containers', async () => {
		const sg = byName('sglang')!;
		const oll = byName('ollama')!;
		update(store, 'containers', c => setVisibleIds(c, [sg.id], 0));
		const before = source.counters.stats;
		await source.poll!();
		await new Promise(r => setTimeout(r, 300));
		await source.poll!();
		expect(source.counters.stats - before).toBe(2);
		// With a CPU figure in hand, the row waits [docker] stats_ms (2 s) for its next sample.
		await source.poll!();
		expect(source.counters.stats - before).toBe(2);
		const st = store.getState().containers.stats;
		expect(st[oll.id]).toBeUndefined();
		expect(st[sg.id]?.memUsage).toBeGreaterThan(0);
		expect(st[sg.id]?.cpuPercent).not.toBeNull();
		expect(st[sg.id]?.cpuPercent).toBeGreaterThanOrEqual(0);
	});

	it('follows logs with stdout and stderr apart, known failures included', async () => {
		const oh = byName('openhands')!;
		update(store, 'containers', c => openLogs(c, oh.id));
		await waitFor('stderr failure line', () => (store.getState().containers.logs?.lines ?? []).some(l => l.stream === 'stderr' && l.text.includes('Invalid tool call format')));
		const logs = store.getState().containers.logs!;
		expect(logs.lines.some(l => l.stream === 'stderr' && l.text.includes('roles must alternate'))).toBe(true);
		expect(logs.lines.some(l => l.stream === 'stdout' && /^tick \d+$/.test(l.text))).toBe(true);
		expect(logs.lines.every(l => l.ts !== null)).toBe(true);
		const count = logs.lines.length;
		await waitFor('followed lines', () => (store.getState().containers.logs?.lines.length ?? 0) >= count + 3);
		// Paused (g, PgUp) and followed again (End, f): the tail is reloaded in place, each line once.
		update(store, 'containers', c => patchLogs(c, {follow: false}));
		const before = new Set(store.getState().containers.logs!.lines.map(l => l.text));
		update(store, 'containers', c => patchLogs(c, {follow: true}));
		await waitFor('a tick logged after the pause', () => (store.getState().containers.logs?.lines ?? []).some(l => /^tick \d+$/.test(l.text) && !before.has(l.text)));
		const again = store.getState().containers.logs!.lines.map(l => `${l.ts} ${l.stream} ${l.text}`);
		expect(again.length - new Set(again).size, 'lines shown twice after following again').toBe(0);
		update(store, 'containers', c => ({...c, view: 'list', logs: null}));
	});

	it('starts, stops and restarts a container', async () => {
		const gitea = byName('gitea')!;
		const run = async (verb: 'start' | 'stop' | 'restart') => (await startJob(containerJob(verb, gitea, docker)).done).message;
		await run('start');
		await waitFor('gitea running', () => byName('gitea')?.state === 'running');
		const started = byName('gitea')!.startedAt;
		await run('restart');
		await waitFor('gitea restarted', () => byName('gitea')?.state === 'running' && byName('gitea')?.startedAt !== started);
		const said = await run('stop');
		await waitFor('gitea stopped', () => byName('gitea')?.state === 'exited');
		expect(said).toBe(`${gitea.name}: stop done`);
	});

	it('marks figures stale with their age when the daemon stops answering (SIGSTOP), and gives requests a deadline', async () => {
		const sg = byName('sglang')!;
		const config = defaultConfig();
		config.docker.stats_ms = 100;
		const quick = createAppStore();
		const probe = createDockerSource({store: quick, config, refreshMs: 100, env: {DOCKER_HOST: daemon!.host}, host: localHost({DOCKER_HOST: daemon!.host})}, [100, 200, 400], 500);
		await probe.start!();
		update(quick, 'containers', c => setVisibleIds(c, [sg.id], 0));
		const line = () => containersStatus(quick.getState()).lines.find(l => l.startsWith(sg.name)) ?? '';
		const until = async (what: string, check: () => boolean) => {
			for (let i = 0; i < 200 && !check(); i++) {
				await probe.poll!();
				await new Promise(r => setTimeout(r, 50));
			}
			expect(check(), what).toBe(true);
		};
		await until('live figures', () => /cpu \d/.test(line()));
		expect(line()).not.toContain('stale');
		process.kill(daemon!.pid(), 'SIGSTOP');
		try {
			// Each poll's stats request ends at its deadline; without one the poll never returns.
			await until('stale figures', () => line().includes('stale'));
			expect(line()).toMatch(/\(stale: [\d.]+m?s old\)/);
			expect(containersStatus(quick.getState()).data).toMatchObject({containers: expect.arrayContaining([expect.objectContaining({name: sg.name, statsStale: true})])});
		} finally {
			process.kill(daemon!.pid(), 'SIGCONT');
			probe.stop?.();
		}
	}, 60_000);

	it('reports the daemon gone when it restarts, then recovers', async () => {
		expect(daemon!.pid()).toBeGreaterThan(0);
		// SIGTERM to the test's own dockerd; resolves once it has stopped its containers and exited.
		const stopped = daemon!.stop();
		await waitFor('the daemon reported down', () => store.getState().containers.links['local']?.connection === 'down', 20_000);
		expect(store.getState().containers.links['local']?.error).toMatch(/Docker daemon/);
		const lists = source.counters.list;
		await stopped;
		await daemon!.start();
		await waitFor('the panel to recover', () => store.getState().containers.links['local']?.connection === 'up' && byName('openhands') !== undefined, 30_000);
		expect(store.getState().containers.links['local']?.error).toBeNull();
		expect(source.counters.list).toBe(lists + 1);
		// Events flow again after the reconnect.
		const c = await createStackContainer(docker, 'tor', {start: false, bridge});
		await waitFor('tor created after the restart', () => byName('tor')?.role === 'tor');
		await c.remove({force: true});
	}, 90_000);
});
