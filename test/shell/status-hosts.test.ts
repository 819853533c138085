// `stackdeck status --json` names the hosts it read and every record says which host it came from.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {afterAll, describe, expect, it} from 'vitest';
import {STACKDECK_BIN} from '../support/paths.js';
import {freePort as closedPort} from '../support/free-port.js';

describe('status --json', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-status-hosts-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	it('lists the local host and keys engine, memory and session records by it', async () => {
		const port = await closedPort();
		const config = path.join(dir, 'config.toml');
		writeFileSync(
			config,
			[`[openhands]`, `state_dir = "${path.join(dir, 'no-state')}"`, `[docker]`, `enabled = false`, `[engines]`, `probe = false`, `[[engines.list]]`, `name = "gone"`, `url = "http://127.0.0.1:${port}"`, ''].join('\n'),
		);
		const meminfo = path.join(dir, 'meminfo');
		writeFileSync(meminfo, 'MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 400 kB\nCached: 100 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n');
		const r = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', config], {reject: false, env: {STACKDECK_MEMINFO: meminfo, HOME: dir}});
		const out = JSON.parse(r.stdout) as Record<string, any>;
		expect(out['hosts']).toEqual([expect.objectContaining({id: 'local', kind: 'local'})]);
		expect(out['throughput'].engines).toEqual([expect.objectContaining({hostId: 'local', name: 'gone', state: 'unreachable'})]);
		expect(out['memory']).toMatchObject({hostId: 'local', host: {totalBytes: 1000 * 1024}});
		expect(out['sessions'].hostId).toBe('local');
	});
});
