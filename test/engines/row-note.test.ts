import {describe, expect, it} from 'vitest';
import {rowNote, throughputLineCount, throughputLines, visibleLines} from '../../source/panels/throughput/lines.js';
import {cellWidth} from '../../source/domain/list/cells.js';
import {throughputStatus} from '../../source/panels/throughput/status.js';
import {initialState} from '../../source/store/index.js';
import {initialEngines, newRow} from '../../source/store/slices/engines.js';

const ollama = newRow({hostId: 'local', name: 'ollama', url: 'http://127.0.0.1:11434', origin: 'config'});
const up = {...ollama, kind: 'ollama' as const, state: 'up' as const, model: 'qwen2.5:32b'};

describe('Ollama, the engine without metrics', () => {
	it('its row says how to measure it until a benchmark ran, then shows the result', () => {
		expect(rowNote(up, 0)).toEqual({text: 'no Prometheus metrics in Ollama: press b to measure', tone: 'muted'});
		const benched = {...up, bench: {at: 1, ttftMs: 350, decodeTps: 12.1, estimated: false, error: null}};
		expect(rowNote(benched, 0)?.text).toBe('bench: TTFT 350ms, 12.1 tok/s');
	});
	it('status carries the benchmark and no cockpit key hints', () => {
		const state = initialState();
		state.engines = {...state.engines, rows: [{...up, bench: {at: 1, ttftMs: 350, decodeTps: 12.1, estimated: false, error: null}}]};
		const s = throughputStatus(state);
		expect(JSON.stringify(s.data)).toContain('"decodeTps":12.1');
		expect(s.lines.join('\n')).toContain('TTFT 350ms, 12.1 tok/s decode');
		expect(s.lines.join('\n')).not.toContain('press b');
	});
});

describe('notes under engine rows wrap', () => {
	it('at a phone\'s 44 inner columns the Ollama hint is whole, over two rows, none wider than the panel', () => {
		const engines = {...initialEngines(), rows: [up]};
		const lines = throughputLines(engines, 44, [' '], 0);
		const notes = lines.filter(l => l.row === 0 && l !== lines[1]);
		expect(notes.length).toBe(2);
		for (const l of lines) expect(cellWidth(l.text), l.text).toBeLessThanOrEqual(44);
		expect(notes.map(l => l.text.trim()).join(' ')).toBe('no Prometheus metrics in Ollama: press b to measure');
		// Continuation rows keep the note's indent, so they read as one note under the row.
		expect(notes[1]!.text.startsWith('  ') && !notes[1]!.text.startsWith('   ')).toBe(true);
		// A window too short for every row keeps the selected row and its note together.
		expect(visibleLines(lines, 4, 0).map(l => l.key)).toEqual(lines.slice(0, 4).map(l => l.key));
	});

	it('an error from outside is made printable before it is wrapped', () => {
		const down = {...up, state: 'unreachable' as const, downSince: 0, downReason: 'refused\x1b[2J\nby the\u0007 host'};
		const engines = {...initialEngines(), rows: [down]};
		for (const l of throughputLines(engines, 30, [' '], 0)) {
			expect(cellWidth(l.text)).toBeLessThanOrEqual(30);
			expect(l.text).not.toMatch(/[\x00-\x1f\x7f]/);
		}
	});
});

describe('the rows the Throughput panel asks the layout for', () => {
	it('are as many as the lines it draws, at every width, with and without notes', () => {
		const down = {...up, name: 'sglang', state: 'unreachable' as const, downSince: 0, downReason: 'connect ECONNREFUSED 127.0.0.1:30000: is the server running on this port?'};
		const quiet = {...up, name: 'vllm', kind: 'vllm' as const};
		const engines = {...initialEngines(), rows: [up, down, quiet]};
		const counts = new Set<number>();
		for (let width = 10; width <= 120; width++) {
			const count = throughputLineCount(engines, width, 0);
			expect(count, `width ${width}`).toBe(throughputLines(engines, width, [' '], 0).length);
			counts.add(count);
		}
		// Narrower panels wrap the notes over more rows: the count follows.
		expect(counts.size).toBeGreaterThan(3);
	});
});
