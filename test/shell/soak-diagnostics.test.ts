// The soak reads each process's diagnostics line as soon as it appears. A line with its frame is
// about 10 KB and may be read half-written: the soak then stopped with a JSON error at minute 20 of
// an hour. Only lines ended by their newline count.
import {describe, expect, it} from 'vitest';
import {completeLines} from '../../source/bench/soak.js';

describe('soak diagnostics lines', () => {
	it('counts only the lines written whole', () => {
		const first = JSON.stringify({minute: 1, frame: ['a'.repeat(50)]});
		const second = JSON.stringify({minute: 2, frame: ['b'.repeat(50)]});
		expect(completeLines('')).toEqual([]);
		expect(completeLines(second.slice(0, 20))).toEqual([]);
		expect(completeLines(`${first}\n${second.slice(0, 20)}`)).toEqual([first]);
		expect(completeLines(`${first}\n${second}\n`).map(l => JSON.parse(l) as {minute: number}).map(d => d.minute)).toEqual([1, 2]);
	});
});
