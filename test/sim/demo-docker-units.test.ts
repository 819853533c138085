// The demo daemon's pure pieces: an engine's memory over its life, Engine API filters, log selection
// and framing, version negotiation, the simulated Spark's meminfo, and the header's guide.
import {describe, expect, it} from 'vitest';
import {parseMeminfo} from '../../source/domain/meminfo.js';
import {splitVersion} from '../../source/sim/docker/api-version.js';
import {parseTimeParam, rfc3339Nano} from '../../source/sim/docker/clock.js';
import {FilterError, checkContainerFilters, parseFilters} from '../../source/sim/docker/filters.js';
import {DemoContainer, LOG_KEEP, type ContainerProcess} from '../../source/sim/docker/container.js';
import {frame, parseTail, selectLogs, type LogQuery} from '../../source/sim/docker/logs.js';
import {beginRelease, residentBytes, settle, type LifecycleState} from '../../source/sim/engine-lifecycle.js';
import {renderMeminfo, SPARK_MEM_TOTAL_KB} from '../../source/sim/spark-memory.js';
import {LOG_TAIL} from '../../source/sources/docker/logs.js';
import {headerHint} from '../../source/ui/header-hint.js';

const timing = {loadMs: 1000, releaseMs: 1500, shards: 4};
const footprint = {weightsBytes: 40, kvBytes: 20};

describe('engine lifecycle', () => {
	it('loads weights shard by shard, adds the KV cache when ready, and releases over the release time', () => {
		const loading: LifecycleState = {phase: 'loading', since: 0, releaseFrom: 0};
		expect(residentBytes(loading, timing, footprint, 100)).toBe(0);
		expect(residentBytes(loading, timing, footprint, 500)).toBe(20);
		const ready = settle(loading, timing, 1000);
		expect(ready.phase).toBe('ready');
		expect(residentBytes(ready, timing, footprint, 1000)).toBe(60);
		const releasing = beginRelease(ready, timing, footprint, 2000);
		expect(residentBytes(releasing, timing, footprint, 2750)).toBe(30);
		expect(settle(releasing, timing, 3500).phase).toBe('stopped');
		expect(residentBytes(settle(releasing, timing, 3500), timing, footprint, 3500)).toBe(0);
	});
});

describe('Engine API helpers', () => {
	it('reads filters in both JSON forms and refuses unknown ones as the daemon does', () => {
		expect(parseFilters('{"status":["running"]}')).toEqual({status: ['running']});
		expect(parseFilters('{"status":{"exited":true,"running":false}}')).toEqual({status: ['exited']});
		expect(() => checkContainerFilters(parseFilters('{"colour":["red"]}'))).toThrow(FilterError);
		expect(() => checkContainerFilters(parseFilters('{"status":["sleeping"]}'))).toThrow("invalid filter 'status=sleeping'");
		expect(() => parseFilters('{nope')).toThrow(FilterError);
	});

	it('picks log lines by stream, since and tail, and frames them with an 8-byte header', () => {
		const records = [1n, 2n, 3n, 4n].map(ns => ({ns: ns * 1_000_000_000n, stream: (ns % 2n ? 'stdout' : 'stderr') as 'stdout' | 'stderr', line: `line ${ns}\n`}));
		const q: LogQuery = {stdout: true, stderr: true, since: null, until: null, tail: parseTail('2'), timestamps: false};
		expect(selectLogs(records, q).map(r => r.line)).toEqual(['line 3\n', 'line 4\n']);
		expect(selectLogs(records, {...q, tail: null, stderr: false}).map(r => r.line)).toEqual(['line 1\n', 'line 3\n']);
		expect(selectLogs(records, {...q, tail: null, since: parseTimeParam('3')}).map(r => r.line)).toEqual(['line 3\n', 'line 4\n']);
		expect(parseTail('all')).toBeNull();
		const f = frame(records[1]!, true);
		expect([f[0], f[1], f[2], f[3]]).toEqual([2, 0, 0, 0]);
		expect(f.readUInt32BE(4)).toBe(f.length - 8);
		expect(f.subarray(8).toString()).toBe('1970-01-01T00:00:02Z line 2\n');
		expect(rfc3339Nano(1_764_595_190_123_456_789n)).toBe('2025-12-01T13:19:50.123456789Z');
	});

	it('keeps the newest LOG_KEEP lines of a container that writes for hours, more than the cockpit loads', () => {
		const idle: ContainerProcess = {start: () => undefined, stop: () => undefined, cpuCores: () => 0, memoryBytes: () => 0};
		const spec = {name: 'chatty', image: 'chatty:1', entrypoint: null, cmd: [], env: [], labels: {}, ports: [], mounts: [], restart: 'no' as const};
		const container = new DemoContainer(spec, idle);
		const written = LOG_KEEP * 3 + 7;
		for (let i = 1; i <= written; i++) container.log(i % 2 ? 'stdout' : 'stderr', `line ${i}`);
		expect(container.logs).toHaveLength(LOG_KEEP);
		expect(container.logs[0]!.line).toBe(`line ${written - LOG_KEEP + 1}\n`);
		expect(container.logs.at(-1)!.line).toBe(`line ${written}\n`);
		expect(LOG_KEEP).toBeGreaterThanOrEqual(LOG_TAIL * 2);
		const all: LogQuery = {stdout: true, stderr: true, since: null, until: null, tail: null, timestamps: false};
		expect(selectLogs(container.logs, {...all, tail: LOG_TAIL}).map(r => r.line)).toEqual(container.logs.slice(-LOG_TAIL).map(r => r.line));
	});

	it('negotiates the API version: a prefix picks it, too new or too old is the daemon\'s 400 message', () => {
		expect(splitVersion('/v1.41/containers/json')).toEqual({path: '/containers/json', version: '1.41'});
		expect(splitVersion('/containers/json').version).toBe('1.50');
		expect(splitVersion('/v1.51/info').error).toBe('client version 1.51 is too new. Maximum supported API version is 1.50');
		expect(splitVersion('/v1.12/info').error).toMatch(/^client version 1\.12 is too old\. Minimum supported API version is 1\.24/);
	});
});

describe('the simulated Spark', () => {
	it('writes a /proc/meminfo the Memory panel parses, with the used bytes asked for', () => {
		const used = 99.5 * 1024 ** 3;
		const mem = parseMeminfo(renderMeminfo(used));
		expect(mem.totalBytes).toBe(SPARK_MEM_TOTAL_KB * 1024);
		expect(Math.abs(mem.usedBytes - used)).toBeLessThan(1024);
		expect(mem.freeBytes).toBeLessThan(mem.availableBytes);
		expect(mem.swapTotalBytes).toBeGreaterThan(0);
	});
});

describe('header guide', () => {
	const h = {label: 'demo', index: 1, panel: 'Containers', panels: 7, grid: true};
	it('says where you are and the keys, shortened to the width', () => {
		expect(headerHint(200, h)).toBe(' demo · 1 Containers · 1-7/Tab switch panel · Enter zoom · ? all keys · q quit');
		expect(headerHint(60, h)).toBe(' demo · 1 Containers · 1-7 switch · ? keys · q quit');
		expect(headerHint(37, h)).toBe(' demo · ? keys · q quit');
		expect(headerHint(8, h)).toBe(' ? keys');
		expect(headerHint(200, {...h, label: undefined, grid: false})).toBe(' · 1 Containers · 1-7/Tab switch panel · ? all keys · q quit');
	});
});
