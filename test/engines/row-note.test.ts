import {describe, expect, it} from 'vitest';
import {rowNote} from '../../source/panels/throughput/lines.js';
import {throughputStatus} from '../../source/panels/throughput/status.js';
import {initialState} from '../../source/store/index.js';
import {newRow} from '../../source/store/slices/engines.js';

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
