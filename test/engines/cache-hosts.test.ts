// The Cache panel's folder lines with several hosts: which host's are given under each scope, what a
// host with no reading yet or no folders says, and one host's reading replacing only its own rows.
import {describe, expect, it} from 'vitest';
import {applyDisk, initialEngines, type DiskDir, type EnginesState} from '../../source/store/slices/engines.js';
import {cacheLines} from '../../source/panels/cache/lines.js';
import {diskDir, downDir} from '../../source/sources/engines/disk-source.js';

const folder = (hostId: string, path: string, bytes: number): DiskDir =>
	diskDir(hostId, {path, isHicache: false}, {bytes, files: 1, partial: false, unreadable: [], error: null}, {free: 5 * 1024 ** 3, total: 10 * 1024 ** 3, id: '42'});

const ORDER = ['local', 'spark2', 'spark3'];
const GIB = 1024 ** 3;

function state(): EnginesState {
	let s = initialEngines();
	// spark2 answers first, the local host after: the rows still come in the hosts' order.
	s = applyDisk(s, 'spark2', [folder('spark2', '/data/models', 3 * GIB), downDir('spark2', {path: '/data/logs', isHicache: false}, 'ECONNREFUSED')], 1, 2 * GIB, ORDER);
	s = applyDisk(s, 'local', [folder('local', '/data/cache', 1024)], 2, 2 * GIB, ORDER);
	return s;
}

const texts = (s: EnginesState, scope: {column: boolean; only: string | null}, width = 100) => cacheLines(s, width, scope).map(l => `${l.tone}|${l.text}`);

describe('cache folders of several hosts', () => {
	it('wide: every host’s folders, the host before each, one filesystem line per host’s disk', () => {
		expect(texts(state(), {column: true, only: null}).slice(3)).toEqual([
			'text|  local  /data/cache: 1.0 KiB in 1 file',
			'muted|           filesystem: 5.0 GiB free of 10.0 GiB',
			'warn|  spark2 /data/models: 3.0 GiB in 1 file — over the limit',
			'muted|           filesystem: 5.0 GiB free of 10.0 GiB',
			'error|  spark2 /data/logs: host unreachable (ECONNREFUSED)',
		]);
	});

	it('one host at a time: its folders only, "measuring" until its first reading, and a host with none says so', () => {
		expect(texts(state(), {column: false, only: 'spark2'}).slice(3)).toEqual([
			'warn|  /data/models: 3.0 GiB in 1 file — over the limit',
			'muted|    filesystem: 5.0 GiB free of 10.0 GiB',
			'error|  /data/logs: host unreachable (ECONNREFUSED)',
		]);
		expect(texts(state(), {column: false, only: 'spark3'}).slice(3)).toEqual(['muted|  measuring folders…']);
		const read = applyDisk(state(), 'spark3', [], 3, 2 * GIB, ORDER);
		expect(texts(read, {column: false, only: 'spark3'}).slice(3)).toEqual(['muted|  no folders watched on spark3 (cache_dirs and ssh in its [[hosts]] entry)']);
		expect(texts(applyDisk(initialEngines(), 'local', [], 3, 2 * GIB, ORDER), {column: false, only: 'local'}).slice(3)).toEqual(['muted|  no folders watched on local ([cache] dirs)']);
	});

	it('a host’s new reading replaces its own rows and leaves the others', () => {
		const s = applyDisk(state(), 'spark2', [folder('spark2', '/data/models', 4 * GIB)], 4, 2 * GIB, ORDER);
		expect(s.disk.map(d => [d.hostId, d.path, d.bytes])).toEqual([
			['local', '/data/cache', 1024],
			['spark2', '/data/models', 4 * GIB],
		]);
		expect(s.diskAt).toEqual({spark2: 4, local: 2});
	});
});
