import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {MemInfoError, parseMeminfo} from '../../source/domain/meminfo.js';
import {createMeminfoSource} from '../../source/sources/host/meminfo-source.js';
import {createAppStore} from '../../source/store/index.js';
import {defaultConfig} from '../../source/config/schema.js';
import {localHost} from '../support/host.js';
import {currentMemory} from '../../source/store/slices/host.js';
import {tempDir} from '../support/temp-dir.js';

const SPARK = `MemTotal:       128452356 kB
MemFree:         2291344 kB
MemAvailable:   31064176 kB
Buffers:          101200 kB
Cached:         27718720 kB
SwapCached:            0 kB
SwapTotal:      16777212 kB
SwapFree:       15728636 kB
`;

describe('/proc/meminfo', () => {
	it('used = MemTotal - MemAvailable, swap used = total - free', () => {
		const mem = parseMeminfo(SPARK);
		expect(mem.totalBytes).toBe(128452356 * 1024);
		expect(mem.usedBytes).toBe((128452356 - 31064176) * 1024);
		expect(mem.swapUsedBytes).toBe((16777212 - 15728636) * 1024);
		expect(mem.cachedBytes).toBe((27718720 + 101200) * 1024);
	});

	it('a malformed file gives a clear error naming the field, not NaN', () => {
		expect(() => parseMeminfo('MemTotal: lots\n', '/proc/meminfo')).toThrow(MemInfoError);
		expect(() => parseMeminfo('MemTotal: 100 kB\n', '/x/meminfo')).toThrow('/x/meminfo: field MemAvailable is missing or malformed');
		expect(() => parseMeminfo('')).toThrow(/MemTotal/);
	});

	it('the source keeps the last reading and reports a bad file in the store', async () => {
		const dir = tempDir('stackdeck-mem-');
		const file = path.join(dir, 'meminfo');
		writeFileSync(file, SPARK);
		const store = createAppStore();
		const source = createMeminfoSource({store, config: defaultConfig(), refreshMs: 1000, env: {}, host: localHost()}, file);
		await source.poll!();
		expect(store.getState().host.memory['local']?.mem?.totalBytes).toBe(128452356 * 1024);
		writeFileSync(file, 'garbage\u0000\u0001');
		await source.poll!();
		// Keyed by the host the source reads; the Memory panel shows the current one.
		const host = currentMemory(store.getState());
		expect(host.error).toMatch(/field MemTotal is missing/);
		expect(host.mem?.totalBytes).toBe(128452356 * 1024);
		expect(host.usedHistory).toHaveLength(1);
	});
});
