// SGLang renamed /get_server_info to /server_info and logs a deprecation warning on every call of
// the old name. The cockpit asks /server_info, falls back to /get_server_info on a release before
// the rename (404), and remembers which one answered instead of trying the new name every poll.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {SGLANG_SERVER_INFO_DEPRECATED} from '../../source/sim/routes.js';
import {createEnginesSource} from '../../source/sources/engines/engines-source.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {configSchema} from '../../source/config/schema.js';
import {localHost} from '../support/host.js';

/** A pass-through to the engine that writes down every path asked for. */
async function countingProxy(target: string): Promise<{url: string; paths: string[]; close(): Promise<void>}> {
	const paths: string[] = [];
	const to = new URL(target);
	const server = http.createServer((req, res) => {
		paths.push(new URL(req.url ?? '/', 'http://x').pathname);
		const out = http.request({host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers}, answer => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		out.on('error', () => res.destroy());
		req.pipe(out);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		paths,
		close: () => new Promise<void>(resolve => server.close(() => resolve())),
	};
}

const engines: SimEngine[] = [];
afterEach(async () => {
	vi.useRealTimers();
	for (const e of engines.splice(0)) await e.stop();
});

/** Three polls, 11 s of clock apart: server info is read at most every 10 s. */
async function pollThrice(release: 'current' | 'before-rename') {
	const engine = await startSimEngine({kind: 'sglang', port: 0, sglangRelease: release, decodeTps: 400, ttftMs: 10});
	engines.push(engine);
	const warnings: string[] = [];
	engine.onLifecycle(event => {
		if (event.type === 'warning') warnings.push(event.message);
	});
	const proxy = await countingProxy(engine.url);
	try {
		const config = configSchema.parse({engines: {list: [{name: 'sim', url: proxy.url}], probe: false}});
		const store = createAppStore(initialState(true));
		const source = createEnginesSource({store, config, refreshMs: 1000, env: {}, host: localHost()});
		await source.start?.();
		vi.useFakeTimers({toFake: ['Date']});
		for (let i = 0; i < 3; i++) {
			await source.poll!();
			vi.setSystemTime(Date.now() + 11_000);
		}
		const row = store.getState().engines.rows[0]!;
		const count = (p: string) => proxy.paths.filter(x => x === p).length;
		return {row, warnings, newName: count('/server_info'), oldName: count('/get_server_info')};
	} finally {
		await proxy.close();
	}
}

describe("SGLang's server info", () => {
	it('a current release logs the deprecation warning on /get_server_info, and serves /server_info', async () => {
		const engine = await startSimEngine({kind: 'sglang', port: 0});
		engines.push(engine);
		const warnings: string[] = [];
		engine.onLifecycle(event => {
			if (event.type === 'warning') warnings.push(event.message);
		});
		expect((await fetch(`${engine.url}/server_info`)).status).toBe(200);
		expect(warnings).toEqual([]);
		expect((await fetch(`${engine.url}/get_server_info`)).status).toBe(200);
		expect(warnings).toEqual([SGLANG_SERVER_INFO_DEPRECATED]);
	});

	it('the cockpit reads /server_info from a current release and never the deprecated name', async () => {
		const {row, warnings, newName, oldName} = await pollThrice('current');
		expect(row.state).toBe('up');
		expect(row.kind).toBe('sglang');
		expect(row.memory).not.toBeNull();
		expect(newName).toBe(3);
		expect(oldName).toBe(0);
		expect(warnings).toEqual([]);
	}, 20_000);

	it('falls back to /get_server_info on a release before the rename, once, then asks it directly', async () => {
		const {row, newName, oldName} = await pollThrice('before-rename');
		expect(row.state).toBe('up');
		expect(row.kind).toBe('sglang');
		expect(row.memory).not.toBeNull();
		expect(newName).toBe(1);
		expect(oldName).toBe(3);
	}, 20_000);
});
