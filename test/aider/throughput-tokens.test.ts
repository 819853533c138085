import {describe, expect, it} from 'vitest';
import {aiderTokenLines} from '../../source/panels/throughput/aider-lines.js';
import {throughputStatus} from '../../source/panels/throughput/status.js';
import {initialState} from '../../source/store/index.js';

describe('Aider tokens on the Throughput panel', () => {
	it('one line per session with sent / received and the message count, within the width', () => {
		const lines = aiderTokenLines([{id: 's1', title: 'demo-repo', sent: 12_400, received: 310, messages: 2}], 46);
		expect(lines[0]!.text).toMatch(/Aider sessions/);
		expect(lines[1]!.text).toContain('demo-repo');
		expect(lines[1]!.text).toMatch(/12k \/ 310\s+2 msg/);
		for (const l of lines) expect(l.text.length).toBeLessThanOrEqual(46);
		expect(aiderTokenLines([], 46)).toEqual([]);
	});

	it('stackdeck status reports the per-session counts', () => {
		const state = initialState();
		state.aider = {
			...state.aider,
			sessions: [{...(state.aider.sessions[0] ?? {}), id: 'a', title: 'repo', tokens: {sent: 1200, received: 80}, messages: [{}, {}]}],
		} as typeof state.aider;
		const status = throughputStatus(state);
		expect(status.lines.join('\n')).toContain('aider repo: 1200 tokens sent, 80 received in 2 messages');
	});
});
