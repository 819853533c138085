// Pure container logic: roles, tag pinning, secret masking, CPU% from deltas, log lines, log driver
// checks, discovery, and the panel's log folding/slicing and keys (confirm, read-only).
import {describe, expect, it} from 'vitest';
import {parseImageRef, recognizeRole} from '../../source/domain/containers/roles.js';
import {maskEnv} from '../../source/domain/secrets.js';
import {computeStats} from '../../source/domain/containers/stats.js';
import {statsDue} from '../../source/domain/containers/stats-due.js';
import {classifyLogLine, foldLine, splitTimestamp} from '../../source/domain/containers/log-lines.js';
import {checkLogConfig} from '../../source/domain/containers/log-driver.js';
import {infoFromInspect, type RawInspect} from '../../source/domain/containers/inspect.js';
import {discoverStack} from '../../source/domain/containers/discovery.js';
import {logRows} from '../../source/panels/containers/selectors.js';
import {containersStatus} from '../../source/panels/containers/status.js';
import {createAppStore, initialState, update} from '../../source/store/index.js';
import {applyListing, openLogs} from '../../source/store/slices/containers.js';
import {createRegistry} from '../../source/commands/registry.js';
import {dispatchKey} from '../../source/commands/dispatch.js';
import {allCommands} from '../../source/runtime/commands.js';
import {listState, patchList} from '../../source/store/slices/lists.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';
import {createServices} from '../../source/runtime/services.js';
import {defaultConfig} from '../../source/config/schema.js';

const openhands: RawInspect = {
	Id: 'a'.repeat(64),
	Name: '/openhands',
	RestartCount: 2,
	Platform: 'linux',
	State: {Status: 'running', StartedAt: '2025-01-01T00:00:00Z', Health: {Status: 'healthy'}},
	Config: {Image: 'docker.all-hands.dev/all-hands-ai/openhands:v1.2.3', Env: ['LLM_BASE_URL=http://host.docker.internal:8001/v1', 'LLM_MODEL=openai/Qwen3', 'LLM_API_KEY=sk-very-secret', 'GITHUB_TOKEN=ghp_x', 'PATH=/usr/bin'], Labels: {}},
	HostConfig: {LogConfig: {Type: 'json-file', Config: {'max-size': '10m', 'max-file': '3'}}},
	Mounts: [
		{Type: 'bind', Source: '/data/openhands-state', Destination: '/.openhands-state', RW: true},
		{Type: 'bind', Source: '/data/openhands-state/config.toml', Destination: '/app/config.toml', RW: false},
	],
	NetworkSettings: {Ports: {'3000/tcp': [{HostIp: '0.0.0.0', HostPort: '3000'}, {HostIp: '::', HostPort: '3000'}]}},
};
const sglang: RawInspect = {
	Id: 'b'.repeat(64),
	Name: '/sglang',
	State: {Status: 'running'},
	Config: {Image: 'lmsysorg/sglang:latest', Env: []},
	HostConfig: {LogConfig: {Type: 'json-file', Config: {}}},
	NetworkSettings: {Ports: {'30000/tcp': [{HostIp: '0.0.0.0', HostPort: '8001'}]}},
};

describe('stack roles and tags', () => {
	it('recognises the seed stack by image, name and label', () => {
		expect(recognizeRole('docker.all-hands.dev/all-hands-ai/openhands:v1.2.3', 'x')).toBe('openhands');
		expect(recognizeRole('docker.all-hands.dev/all-hands-ai/runtime:0.9-nikolaik', 'openhands-runtime-abc')).toBe('openhands-runtime');
		expect(recognizeRole('goldy/tor-hidden-service:latest', 'tor')).toBe('tor');
		expect(recognizeRole('gitea/gitea:1.21.4', 'git')).toBe('gitea');
		expect(recognizeRole('ghcr.io/ggerganov/llama.cpp:server', 'x')).toBe('llamacpp');
		expect(recognizeRole('stackdeck-test/busybox:1', 'vllm')).toBe('vllm');
		expect(recognizeRole('busybox', 'whatever', {'stackdeck.role': 'ollama'})).toBe('ollama');
		expect(recognizeRole('postgres:16', 'db')).toBeNull();
	});
	it('flags unpinned tags', () => {
		expect(parseImageRef('gitea/gitea:1.21.4')).toMatchObject({repository: 'gitea/gitea', tag: '1.21.4', pinned: true});
		expect(parseImageRef('goldy/tor-hidden-service:latest').pinned).toBe(false);
		expect(parseImageRef('registry:5000/ollama/ollama')).toMatchObject({repository: 'registry:5000/ollama/ollama', tag: 'latest', pinned: false});
		expect(parseImageRef('x/y@sha256:abc').pinned).toBe(true);
	});
});

describe('secrets', () => {
	it('masks names containing KEY, TOKEN, SECRET or PASSWORD', () => {
		const env = maskEnv(['LLM_API_KEY=sk-1', 'GITEA_TOKEN=t', 'DB_PASSWORD=p', 'MY_SECRET=s', 'LLM_MODEL=m']);
		expect(env.filter(e => e.masked).map(e => e.name)).toEqual(['LLM_API_KEY', 'GITEA_TOKEN', 'DB_PASSWORD', 'MY_SECRET']);
		expect(JSON.stringify(env)).not.toMatch(/sk-1|"t"|"p"|"s"/);
		expect(env.at(-1)).toEqual({name: 'LLM_MODEL', value: 'm', masked: false});
	});
	it('keeps secrets out of status --json', () => {
		const state = initialState();
		state.containers = applyListing(state.containers, [infoFromInspect(openhands, LOCAL_HOST_ID)], 1);
		const json = JSON.stringify(containersStatus(state).data);
		expect(json).not.toContain('sk-very-secret');
		expect(json).not.toContain('ghp_x');
		expect(json).toContain('LLM_API_KEY');
	});
});

describe('stats', () => {
	it('computes CPU% from our own deltas when the daemon gives no precpu (one-shot)', () => {
		const first = computeStats({cpu_stats: {cpu_usage: {total_usage: 1_000}, system_cpu_usage: 10_000, online_cpus: 4}, memory_stats: {usage: 500, limit: 1000, stats: {inactive_file: 100}}}, 1);
		expect(first.cpuPercent).toBeNull();
		expect(first.memUsage).toBe(400);
		const second = computeStats(
			{
				cpu_stats: {cpu_usage: {total_usage: 2_000}, system_cpu_usage: 20_000, online_cpus: 4},
				networks: {eth0: {rx_bytes: 10, tx_bytes: 20}, eth1: {rx_bytes: 1, tx_bytes: 2}},
				blkio_stats: {io_service_bytes_recursive: [{op: 'Read', value: 5}, {op: 'Write', value: 7}, {op: 'Total', value: 12}]},
			},
			2,
			first,
		);
		expect(second.cpuPercent).toBeCloseTo(40); // 1000/10000 * 4 cpus * 100
		expect([second.netRx, second.netTx, second.blkRead, second.blkWrite]).toEqual([11, 22, 5, 7]);
	});
	it('uses precpu when the daemon fills it', () => {
		const s = computeStats({cpu_stats: {cpu_usage: {total_usage: 300}, system_cpu_usage: 2000, online_cpus: 2}, precpu_stats: {cpu_usage: {total_usage: 100}, system_cpu_usage: 1000}}, 1);
		expect(s.cpuPercent).toBeCloseTo(40);
	});
});

describe('stats sampling', () => {
	const sample = (cpuPercent: number | null) => ({...computeStats({}, 0), cpuPercent});
	it('samples a row every stats_ms on a 1 s tick: every second tick for 2 s, despite timer jitter', () => {
		const last = new Map([['a', 10_000]]);
		const stats = {a: sample(3)};
		expect(statsDue(['a'], stats, last, 11_000, 2000, 1000)).toEqual([]);
		expect(statsDue(['a'], stats, last, 11_990, 2000, 1000)).toEqual(['a']);
		expect(statsDue(['a'], stats, last, 11_000, 1000, 1000)).toEqual(['a']);
	});
	it('samples rows new on screen, or still without a CPU figure, on every tick', () => {
		const last = new Map([['b', 10_000]]);
		expect(statsDue(['a', 'b'], {b: sample(null)}, last, 10_100, 2000, 1000)).toEqual(['a', 'b']);
	});
});

describe('logs', () => {
	it('recognises the stack’s known failures', () => {
		expect(classifyLogLine('litellm.BadRequestError: OpenAIException')?.id).toBe('bad-request');
		expect(classifyLogLine('Error: Invalid tool call format')?.id).toBe('tool-call-format');
		expect(classifyLogLine('ERROR: File is not text')?.id).toBe('file-not-text');
		expect(classifyLogLine('Conversation roles must alternate user/assistant')?.id).toBe('roles-alternate');
		expect(classifyLogLine('sglang version mismatch: server 0.4, client 0.5')?.id).toBe('sglang-version');
		expect(classifyLogLine('INFO all good')).toBeNull();
	});
	it('splits timestamps and folds long lines', () => {
		expect(splitTimestamp('2025-01-02T03:04:05.123456789Z hello')).toEqual({ts: '2025-01-02T03:04:05.123456789Z', text: 'hello'});
		expect(foldLine('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
	});
	it('renders only the visible slice, folded, filtered, scrolled', () => {
		let s = openLogs(initialState().containers, 'id');
		const lines = Array.from({length: 1000}, (_, i) => ({stream: (i % 2 ? 'stderr' : 'stdout') as 'stdout' | 'stderr', ts: null, text: `line ${i} ${'x'.repeat(i === 999 ? 30 : 0)}`}));
		s = {...s, logs: {...s.logs!, lines}};
		const view = logRows(s.logs!, 20, 5);
		expect(view.rows).toHaveLength(5);
		expect(view.rows.at(-1)!.text.length).toBeLessThanOrEqual(20);
		expect(view.rows.slice(-3).map(r => r.key.split(':')[0])).toEqual(['998', '999', '999']); // line 999 is folded in two
		const filtered = logRows(s.logs!, 40, 5, 'line 99');
		expect(filtered.matched).toBe(11); // 99, 990..999
		expect(filtered.rows.map(r => r.text.trim())).toContain('line 998');
		const scrolled = logRows({...s.logs!, scroll: 10}, 80, 3);
		expect(scrolled.rows.map(r => r.text.trim())).toEqual(['line 987', 'line 988', 'line 989']);
		// Scrolled past the top (Home before the view measured it): the first rows, and the scroll it is.
		const top = logRows({...s.logs!, scroll: Number.MAX_SAFE_INTEGER}, 80, 3);
		expect(top.rows.map(r => r.text.trim())).toEqual(['line 0', 'line 1', 'line 2']);
		expect(top.scroll).toBe(top.maxScroll);
	});
	it('flags json-file without max-size (the disk-filling incident)', () => {
		expect(checkLogConfig('json-file', {}).warning).toMatch(/max-size/);
		expect(checkLogConfig('json-file', {'max-size': '10m'}).warning).toBeNull();
		expect(checkLogConfig('local', {}).warning).toBeNull();
	});
});

describe('discovery from inspect data', () => {
	it('finds the OpenHands state folder, config.toml, LLM settings and engine ports', () => {
		const infos = [infoFromInspect(openhands, LOCAL_HOST_ID), infoFromInspect(sglang, LOCAL_HOST_ID)];
		expect(infos[0]!.ports).toHaveLength(1); // IPv4 and IPv6 bindings of one port
		expect(infos[1]!.log.warning).toMatch(/max-size/);
		const d = discoverStack(infos, {[openhands.Id]: openhands.Config!.Env!});
		expect(d).toEqual({
			openhandsStateDir: '/data/openhands-state',
			openhandsConfigToml: '/data/openhands-state/config.toml',
			llmModel: 'openai/Qwen3',
			llmBaseUrl: 'http://host.docker.internal:8001/v1',
			enginePorts: [{container: 'sglang', role: 'sglang', hostPort: 8001, containerPort: 30000}],
			from: 'openhands',
		});
	});
});

describe('container keys', () => {
	const setup = (readOnly: boolean) => {
		const store = createAppStore(initialState(readOnly));
		update(store, 'containers', c => applyListing(c, [infoFromInspect(openhands, LOCAL_HOST_ID)], 1));
		const registry = createRegistry(allCommands());
		const services = createServices({store, config: defaultConfig(), env: {}});
		return {store, ctx: {store, registry, services, jobs: services.jobs, quit: () => undefined}};
	};
	it('asks for a confirmation naming the container before stopping it', () => {
		const {store, ctx} = setup(false);
		expect(dispatchKey('s', ctx)).toBe('containers.toggle');
		expect(store.getState().ui.confirm?.title).toBe('Stop container openhands?');
		expect(dispatchKey('n', ctx)).toBe('confirm.no');
		dispatchKey('r', ctx);
		expect(store.getState().ui.confirm?.title).toBe('Restart container openhands?');
	});
	it('refuses start/stop/restart in read-only mode', () => {
		const {store, ctx} = setup(true);
		dispatchKey('r', ctx);
		expect(store.getState().ui.confirm).toBeNull();
		expect(store.getState().ui.notice?.text).toMatch(/read-only/);
	});
	it('opens detail on Enter, logs on l; / filters the log (q is typed, not quit); Esc clears, then goes back to the detail', () => {
		const {store, ctx} = setup(false);
		dispatchKey('enter', ctx);
		expect(store.getState().containers.view).toBe('detail');
		dispatchKey('l', ctx);
		expect(store.getState().containers.view).toBe('logs');
		expect(dispatchKey('/', ctx)).toBe('list.filter');
		expect(dispatchKey('q', ctx)).toBe('list.filter.type');
		expect(listState(store.getState().lists, 'logs')).toMatchObject({filter: 'q', editing: true});
		dispatchKey('escape', ctx);
		expect(listState(store.getState().lists, 'logs')).toMatchObject({filter: '', editing: false});
		dispatchKey('escape', ctx);
		// Opened from the detail: Esc returns to it, then to the list.
		expect(store.getState().containers.view).toBe('detail');
		dispatchKey('escape', ctx);
		expect(store.getState().containers.view).toBe('list');
	});
	it('the log scrolls back with the list keys and End follows the newest line again', () => {
		const {store, ctx} = setup(false);
		dispatchKey('l', ctx);
		update(store, 'containers', c => ({...c, logs: {...c.logs!, maxScroll: 40}}));
		update(store, 'lists', l => patchList(l, 'logs', {page: 10}));
		dispatchKey('pageup', ctx);
		expect(store.getState().containers.logs).toMatchObject({scroll: 9, follow: false});
		dispatchKey('k', ctx);
		expect(store.getState().containers.logs!.scroll).toBe(10);
		// g asks for the top, however far: the view draws it and brings the figure down to its maxScroll.
		dispatchKey('g', ctx);
		expect(store.getState().containers.logs).toMatchObject({follow: false});
		expect(store.getState().containers.logs!.scroll).toBeGreaterThanOrEqual(40);
		dispatchKey('G', ctx);
		expect(store.getState().containers.logs).toMatchObject({scroll: 0, follow: true});
	});
});
