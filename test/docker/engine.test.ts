// Against a real Docker Engine: the list, events (create/stop/remove seen without list polling),
// one-shot stats for visible rows only, log follow with stdout/stderr demuxed, start/stop/restart,
// secrets masked in details, discovery, and the daemon restarted mid-test.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {rmSync} from 'node:fs';
import {execa} from 'execa';
import Docker from 'dockerode';
import {createAppStore, update, type AppStore} from '../../source/store/index.js';
import {defaultConfig} from '../../source/config/schema.js';
import {createDockerSource, type DockerSource} from '../../source/sources/docker/docker-source.js';
import {openLogs, setVisibleIds} from '../../source/store/slices/containers.js';
import {runContainerAction} from '../../source/actions/containers.js';
import {detailRows} from '../../source/panels/containers/selectors.js';
import {containersStatus} from '../../source/panels/containers/status.js';
import {PREFIX, createStackContainer, ensureImage, removeTestContainers, requireDaemon, seedDirs, waitFor, type SeedStack} from './engine-support.js';
import {localHost} from '../support/host.js';
import {discoveryOf} from '../../source/store/slices/discovery.js';

const docker = new Docker({socketPath: '/var/run/docker.sock'});
const available = await requireDaemon(docker);
const SECRET = 'sk-test-secret-value';

describe.skipIf(!available)('Docker source on a real engine', () => {
	let store: AppStore;
	let source: DockerSource;
	const host = localHost();
	let seed: SeedStack;
	const byName = (name: string) => Object.values(store.getState().containers.byId).find(c => c.name === PREFIX + name);

	beforeAll(async () => {
		await removeTestContainers(docker);
		await ensureImage(docker);
		seed = seedDirs();
		await Promise.all([
			createStackContainer(docker, 'openhands', {
				env: ['LLM_MODEL=openai/Intel/Qwen3-Coder', 'LLM_BASE_URL=http://host.docker.internal:8001/v1', `LLM_API_KEY=${SECRET}`],
				binds: [`${seed.stateDir}:/.openhands-state:rw`, `${seed.configToml}:/app/config.toml:ro`],
			}),
			createStackContainer(docker, 'sglang', {port: 30000, logMaxSize: false}),
			createStackContainer(docker, 'ollama'),
			createStackContainer(docker, 'gitea', {start: false}),
		]);
		store = createAppStore();
		source = createDockerSource({store, config: defaultConfig(), refreshMs: 1000, env: {}, host}, [100, 200, 400]);
		await source.start!();
		await waitFor('the initial listing', () => store.getState().containers.connection === 'up' && byName('gitea') !== undefined);
	});

	afterAll(async () => {
		await source?.stop?.();
		host.close();
		if (available) await removeTestContainers(docker);
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
		expect(port?.containerPort).toBe(30000);
		expect(port?.hostPort).toBeGreaterThan(0);
	});

	it('masks secrets in the detail view and in status --json', () => {
		const oh = byName('openhands')!;
		const text = detailRows(oh, undefined, undefined).map(r => r.text).join('\n');
		expect(text).toContain('LLM_MODEL=openai/Intel/Qwen3-Coder');
		expect(text).toMatch(/LLM_API_KEY=•+/);
		expect(text).not.toContain(SECRET);
		expect(JSON.stringify(containersStatus(store.getState()))).not.toContain(SECRET);
		expect(text).toContain(`${seed.stateDir} -> /.openhands-state`);
	});

	it('sees a container created, stopped and removed through events, without listing again', async () => {
		const lists = source.counters.list;
		const t0 = Date.now();
		const c = await createStackContainer(docker, 'vllm');
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
		update(store, 'containers', c => ({...c, view: 'list', logs: null}));
	});

	it('starts, stops and restarts a container', async () => {
		const gitea = byName('gitea')!;
		await runContainerAction(store, host, 'start', gitea.id, gitea.name);
		await waitFor('gitea running', () => byName('gitea')?.state === 'running');
		const started = byName('gitea')!.startedAt;
		await runContainerAction(store, host, 'restart', gitea.id, gitea.name);
		await waitFor('gitea restarted', () => byName('gitea')?.state === 'running' && byName('gitea')?.startedAt !== started);
		await runContainerAction(store, host, 'stop', gitea.id, gitea.name);
		await waitFor('gitea stopped', () => byName('gitea')?.state === 'exited');
		expect(store.getState().ui.notice?.text).toBe(`${gitea.name}: stop done`);
	});

	it('reports the daemon gone when it restarts, then recovers', async () => {
		const pid = Number((await execa('cat', ['/var/run/docker.pid'])).stdout.trim());
		expect(pid).toBeGreaterThan(0);
		process.kill(pid, 'SIGTERM');
		await waitFor('the daemon reported down', () => store.getState().containers.connection === 'down', 20_000);
		expect(store.getState().containers.error).toMatch(/Docker daemon/);
		const lists = source.counters.list;
		// Let the old daemon finish shutting down (it stops the containers first) before starting it again.
		await waitFor('the old dockerd to exit', () => {
			try {
				process.kill(pid, 0);
				return false;
			} catch {
				return true;
			}
		}, 30_000);
		await execa('sh', ['scripts/ensure-docker.sh'], {timeout: 60_000});
		await waitFor('the panel to recover', () => store.getState().containers.connection === 'up' && byName('openhands') !== undefined, 30_000);
		expect(store.getState().containers.error).toBeNull();
		expect(source.counters.list).toBe(lists + 1);
		// Events flow again after the reconnect.
		const c = await createStackContainer(docker, 'tor', {start: false});
		await waitFor('tor created after the restart', () => byName('tor')?.role === 'tor');
		await c.remove({force: true});
	}, 90_000);
});
