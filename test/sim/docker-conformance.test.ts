// The demo's Engine API against the real Docker Engine: for each endpoint the cockpit and the docker
// CLI use, the demo's answer has every field the real daemon's has, with the same JSON type (values
// differ). The real side is a per-run container made from a locally imported image.
import {execFileSync} from 'node:child_process';
import http from 'node:http';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoStack, type DemoStack} from '../../source/sim/index.js';
import {ensureImage, IMAGE, requireDaemon} from '../docker/engine-support.js';

const REAL_SOCKET = '/var/run/docker.sock';
/** Both daemons speak it: the real one may be older than the demo's 1.50. */
let API = '/v1.41';
const RUN = `sd13conf-${process.pid}-${Date.now().toString(36)}`;
const LABEL = 'stackdeck.conformance';

interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

function request(socketPath: string, method: string, path: string, timeoutMs = 10_000): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = http.request({socketPath, method, path: `${API}${path}`, headers: {Host: 'docker'}}, res => {
			const chunks: Buffer[] = [];
			res.on('data', c => chunks.push(c as Buffer));
			res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks)}));
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end();
	});
}

/** The first newline-terminated JSON line of a stream, then hang up. */
function firstLine(socketPath: string, path: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const req = http.request({socketPath, path: `${API}${path}`, headers: {Host: 'docker'}}, res => {
			let text = '';
			res.on('data', (c: Buffer) => {
				text += c.toString('utf8');
				const nl = text.indexOf('\n');
				if (nl >= 0) {
					resolve(JSON.parse(text.slice(0, nl)));
					req.destroy();
				}
			});
		});
		req.setTimeout(15_000, () => req.destroy(new Error(`${path}: no line in 15 s`)));
		req.on('error', e => (e.message.includes('socket hang up') ? undefined : reject(e)));
		req.end();
	});
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Objects whose keys are data (port names, labels, network names): compare one value's shape. */
const MAPS = /(^|\.)(Labels|ExposedPorts|Ports|PortBindings|Networks|networks|stats|Attributes|Runtimes|IndexConfigs|Config\.Config|LogConfig\.Config|Data)$/;

/**
 * Fields of `real` that `demo` lacks or types differently. A real null accepts any type (Docker
 * writes null for an empty list or an unset struct); `allow` names paths known to differ.
 */
export function differences(real: unknown, demo: unknown, path = '', allow: ReadonlySet<string> = new Set()): string[] {
	if (allow.has(path)) return [];
	if (real === null) return [];
	if (kind(real) !== kind(demo)) return [`${path || '(root)'}: real ${kind(real)}, demo ${kind(demo)}`];
	if (Array.isArray(real)) return real.length > 0 && (demo as unknown[]).length > 0 ? differences(real[0], (demo as unknown[])[0], `${path}[]`, allow) : [];
	if (kind(real) !== 'object') return [];
	const r = real as Record<string, unknown>;
	const d = demo as Record<string, unknown>;
	if (MAPS.test(path)) {
		const rv = Object.values(r)[0];
		const dv = Object.values(d)[0];
		return rv !== undefined && dv !== undefined ? differences(rv, dv, `${path}.*`, allow) : [];
	}
	const out: string[] = [];
	for (const key of Object.keys(r)) {
		const sub = path ? `${path}.${key}` : key;
		if (allow.has(sub)) continue;
		if (!(key in d)) out.push(`${sub}: missing in the demo`);
		else out.push(...differences(r[key], d[key], sub, allow));
	}
	return out;
}

// What an older real daemon or its cgroup v1 host reports that Docker 28 on a cgroup v2 Spark does
// not: kept here by name so that anything else missing fails.
const CGROUP_V1_ONLY = [
	'cpu_stats.cpu_usage.percpu_usage',
	'precpu_stats.cpu_usage.percpu_usage',
	'memory_stats.max_usage',
	'memory_stats.failcnt',
	// cgroup v1 lists these ([] when empty); on cgroup v2 the daemon writes null.
	...['io_serviced_recursive', 'io_queue_recursive', 'io_service_time_recursive', 'io_wait_time_recursive', 'io_merged_recursive', 'io_time_recursive', 'sectors_recursive'].map(k => `blkio_stats.${k}`),
];
const REMOVED_AFTER_1_41 = [
	'HostConfig.KernelMemory', // removed in API 1.42 (Docker 23)
	'HostConfig.KernelMemoryTCP',
	'KernelMemory',
	'KernelMemoryTCP',
	'BridgeNfIptables', // info: deprecated, dropped in Docker 28
	'BridgeNfIp6tables',
	'RegistryConfig.AllowNondistributableArtifactsCIDRs', // info: removed in API 1.49 (Docker 28)
	'RegistryConfig.AllowNondistributableArtifactsHostnames',
];
const ALLOW = new Set([...CGROUP_V1_ONLY, ...REMOVED_AFTER_1_41]);

let real: Docker;
let haveDaemon = false;
let stack: DemoStack;
let realId = '';
let bindDir = '';
let demoSocket = '';

beforeAll(async () => {
	real = new Docker({socketPath: REAL_SOCKET});
	haveDaemon = await requireDaemon(real);
	stack = await startDemoStack({ports: {sglang: 0, vllm: 0, ollama: 0}, load: false, live: false, loadMs: 300});
	demoSocket = stack.dockerHost.slice('unix://'.length);
	if (!haveDaemon) return;
	const version = (await real.version()) as {ApiVersion: string};
	API = `/v${version.ApiVersion}`;
	await ensureImage(real);
	bindDir = mkdtempSync(join(tmpdir(), `${RUN}-`));
	const container = await real.createContainer({
		name: RUN,
		Image: IMAGE,
		Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "out $i"; echo "err $i" >&2; sleep 0.2; done'],
		Env: ['LLM_API_KEY=not-needed-local'],
		Labels: {[LABEL]: RUN},
		ExposedPorts: {'8000/tcp': {}},
		HostConfig: {
			Binds: [`${bindDir}:/state:ro`],
			// The test machine's daemon may run without a bridge (--bridge=none): no published port.
			NetworkMode: 'none',
			RestartPolicy: {Name: 'unless-stopped', MaximumRetryCount: 0},
			LogConfig: {Type: 'json-file', Config: {'max-size': '10m', 'max-file': '3'}},
		},
	} as Docker.ContainerCreateOptions);
	realId = container.id;
	await container.start();
	await new Promise(r => setTimeout(r, 1200));
});

afterAll(async () => {
	await stack?.stop();
	if (realId) await real.getContainer(realId).remove({force: true}).catch(() => undefined);
	if (bindDir) rmSync(bindDir, {recursive: true, force: true});
});

const json = (r: Reply) => JSON.parse(r.body.toString('utf8')) as unknown;

describe('the demo Engine API answers as the real Docker Engine does', () => {
	it.runIf(haveDaemonSync())('_ping and version: headers and fields', async () => {
		for (const method of ['GET', 'HEAD']) {
			const [r, d] = await Promise.all([request(REAL_SOCKET, method, '/_ping'), request(demoSocket, method, '/_ping')]);
			expect(d.status).toBe(r.status);
			for (const header of ['api-version', 'docker-experimental', 'ostype', 'server', 'cache-control', 'pragma']) if (r.headers[header] !== undefined) expect(d.headers[header], header).toBeDefined();
			expect(d.body.toString()).toBe(r.body.toString());
		}
		const [r, d] = await Promise.all([request(REAL_SOCKET, 'GET', '/version'), request(demoSocket, 'GET', '/version')]);
		expect(differences(json(r), json(d), '', ALLOW)).toEqual([]);
	});

	it.runIf(haveDaemonSync())('version negotiation: a too-new client gets the same status and message form', async () => {
		const saved = API;
		API = '/v9.99';
		try {
			const [r, d] = await Promise.all([request(REAL_SOCKET, 'GET', '/version'), request(demoSocket, 'GET', '/version')]);
			expect(d.status).toBe(r.status);
			expect((json(d) as {message: string}).message).toMatch(/^client version 9\.99 is too new\. Maximum supported API version is \d+\.\d+$/);
			expect((json(r) as {message: string}).message).toMatch(/^client version 9\.99 is too new\. Maximum supported API version is \d+\.\d+$/);
		} finally {
			API = saved;
		}
	});

	it.runIf(haveDaemonSync())('info', async () => {
		const [r, d] = await Promise.all([request(REAL_SOCKET, 'GET', '/info'), request(demoSocket, 'GET', '/info')]);
		expect(differences(json(r), json(d), '', ALLOW)).toEqual([]);
	});

	it.runIf(haveDaemonSync())('containers/json with filters, and inspect', async () => {
		const [r, d] = await Promise.all([
			request(REAL_SOCKET, 'GET', `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({label: [`${LABEL}=${RUN}`]}))}`),
			request(demoSocket, 'GET', `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({name: ['sglang']}))}`),
		]);
		const realList = json(r) as unknown[];
		const demoList = json(d) as Array<{Names: string[]}>;
		expect(realList).toHaveLength(1);
		expect(demoList.map(c => c.Names[0])).toEqual(['/sglang']);
		expect(differences(realList[0], demoList[0], '', ALLOW)).toEqual([]);
		const bad = await Promise.all([request(REAL_SOCKET, 'GET', '/containers/json?filters=%7B%22nope%22%3A%5B%22x%22%5D%7D'), request(demoSocket, 'GET', '/containers/json?filters=%7B%22nope%22%3A%5B%22x%22%5D%7D')]);
		expect(bad[1].status).toBe(bad[0].status);
		const [ri, di] = await Promise.all([request(REAL_SOCKET, 'GET', `/containers/${realId}/json`), request(demoSocket, 'GET', '/containers/sglang/json')]);
		expect(differences(json(ri), json(di), '', ALLOW)).toEqual([]);
		const [rn, dn] = await Promise.all([request(REAL_SOCKET, 'GET', `/containers/${RUN}-absent/json`), request(demoSocket, 'GET', `/containers/${RUN}-absent/json`)]);
		expect([dn.status, json(dn)]).toEqual([rn.status, json(rn)]);
	});

	it.runIf(haveDaemonSync())('stats: one-shot, stream=false and the first streamed sample', async () => {
		for (const query of ['stream=false&one-shot=true', 'stream=false']) {
			const [r, d] = await Promise.all([request(REAL_SOCKET, 'GET', `/containers/${realId}/stats?${query}`), request(demoSocket, 'GET', `/containers/sglang/stats?${query}`)]);
			expect(differences(json(r), json(d), '', ALLOW), query).toEqual([]);
		}
		const [r, d] = await Promise.all([firstLine(REAL_SOCKET, `/containers/${realId}/stats`), firstLine(demoSocket, '/containers/sglang/stats')]);
		expect(differences(r, d, '', ALLOW)).toEqual([]);
	});

	it.runIf(haveDaemonSync())('logs: multiplexed frames with RFC3339Nano timestamps, tail', async () => {
		const [r, d] = await Promise.all([
			request(REAL_SOCKET, 'GET', `/containers/${realId}/logs?stdout=1&stderr=1&timestamps=1&tail=4`),
			request(demoSocket, 'GET', '/containers/openhands/logs?stdout=1&stderr=1&timestamps=1&tail=4'),
		]);
		expect(d.headers['content-type']).toBe(r.headers['content-type']);
		const frames = (buf: Buffer) => {
			const out: Array<{stream: number; text: string}> = [];
			for (let i = 0; i + 8 <= buf.length; ) {
				const size = buf.readUInt32BE(i + 4);
				out.push({stream: buf[i]!, text: buf.subarray(i + 8, i + 8 + size).toString('utf8')});
				i += 8 + size;
			}
			return out;
		};
		const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}Z .*\n$/;
		for (const reply of [r, d]) {
			const f = frames(reply.body);
			expect(f).toHaveLength(4);
			for (const x of f) {
				expect([1, 2]).toContain(x.stream);
				expect(x.text).toMatch(stamp);
			}
		}
		const none = await Promise.all([request(REAL_SOCKET, 'GET', `/containers/${realId}/logs`), request(demoSocket, 'GET', '/containers/sglang/logs')]);
		expect(none[1].status).toBe(none[0].status);
	});

	it.runIf(haveDaemonSync())('start, stop with t, restart, kill: statuses, and the events they leave', async () => {
		const since = (Date.now() / 1000).toFixed(3);
		const both = async (method: string, realPath: string, demoPath: string) => {
			const [r, d] = await Promise.all([request(REAL_SOCKET, method, realPath, 20_000), request(demoSocket, method, demoPath, 20_000)]);
			expect(d.status, `${method} ${demoPath}`).toBe(r.status);
			return d;
		};
		await both('POST', `/containers/${realId}/stop?t=1`, '/containers/ollama/stop?t=1');
		await both('POST', `/containers/${realId}/stop?t=1`, '/containers/ollama/stop?t=1'); // 304 both
		await both('POST', `/containers/${realId}/start`, '/containers/ollama/start');
		await both('POST', `/containers/${realId}/start`, '/containers/ollama/start'); // 304 both
		await both('POST', `/containers/${realId}/restart?t=1`, '/containers/ollama/restart?t=1');
		await both('POST', `/containers/${realId}/kill`, '/containers/ollama/kill');
		await both('POST', `/containers/${realId}/kill`, '/containers/ollama/kill'); // 409 both
		const until = (Date.now() / 1000 + 1).toFixed(3);
		const [r, d] = await Promise.all([
			request(REAL_SOCKET, 'GET', `/events?since=${since}&until=${until}&filters=${encodeURIComponent(JSON.stringify({container: [realId]}))}`, 20_000),
			request(demoSocket, 'GET', `/events?since=${since}&until=${until}&filters=${encodeURIComponent(JSON.stringify({container: ['ollama']}))}`, 20_000),
		]);
		const lines = (reply: Reply) => reply.body.toString('utf8').trim().split('\n').map(l => JSON.parse(l) as {Action: string});
		const realEvents = lines(r);
		const demoEvents = lines(d);
		expect(demoEvents.map(e => e.Action)).toEqual(realEvents.map(e => e.Action));
		expect(differences(realEvents[0], demoEvents[0], '', ALLOW)).toEqual([]);
	});
});

describe('the shape comparison', () => {
	it('reports a missing field and a changed type, and accepts data-keyed maps', () => {
		expect(differences({a: 1, b: {c: 'x'}, Labels: {k: 'v'}}, {a: '1', b: {}, Labels: {other: 'w'}})).toEqual(['a: real number, demo string', 'b.c: missing in the demo']);
	});
});

/** Whether a daemon answers, known before the tests are collected (runIf is evaluated then). */
function haveDaemonSync(): boolean {
	if (process.env['CI'] === 'true') return true;
	try {
		execFileSync('docker', ['-H', `unix://${REAL_SOCKET}`, 'version', '--format', '{{.Server.APIVersion}}'], {stdio: 'ignore', timeout: 5000});
		return true;
	} catch {
		console.warn('[stackdeck] demo Engine API conformance SKIPPED: no Docker daemon answers on /var/run/docker.sock');
		return false;
	}
}
