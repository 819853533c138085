// The soak's RSS growth: one reading a minute lands anywhere in V8's collection cycle, which moves
// the process's RSS 4-6 MB up and down within seconds. The summary gives the level (the median of
// readings before each sample) and the single readings beside it, so a swing is not read as growth.
import {describe, expect, it} from 'vitest';
import {median} from '../../source/bench/rss-level.js';
import {soakSummary, soakTable, type SoakSample} from '../../source/bench/soak.js';

const MB = 1024 * 1024;
const sample = (minute: number, rss: number, rssLevel: number | null): SoakSample => ({
	run: 'cockpit',
	process: 'cockpit',
	minute,
	rss: rss * MB,
	rssLevel: rssLevel === null ? null : rssLevel * MB,
	heapUsed: 30 * MB,
	handles: 5,
	listeners: 38,
	handleTypes: {},
	listenersBy: {},
});

describe('soak summary', () => {
	it('takes the median of the readings', () => {
		expect(median([])).toBeNull();
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('reports growth by level and by single reading, each from minute 5', () => {
		const samples = [sample(1, 100, 100), sample(5, 116, 119), sample(30, 121, 119.5), sample(60, 123, 120)];
		const [line] = soakSummary(samples);
		expect(line).toContain('RSS level 119.0 → 120.0 MB after minute 5 (+1.0 MB)');
		expect(line).toContain('RSS single readings 116.0 → 123.0 MB after minute 5 (+7.0 MB)');
		expect(line).toContain('peak reading 123.0 MB');
	});

	it('says nothing of a level where none was read', () => {
		const [line] = soakSummary([sample(5, 116, null), sample(60, 117, null)]);
		expect(line).not.toContain('RSS level');
		expect(line).toContain('RSS single readings 116.0 → 117.0 MB after minute 5 (+1.0 MB)');
		expect(soakTable([sample(5, 116, null)], 5).at(-1)).toContain('| – (116.0) |');
	});
});
