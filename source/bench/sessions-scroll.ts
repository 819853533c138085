// Scrolling a long session's event list in the real cockpit: CPU and bytes per Down key with
// 10,000 rows, against the same with 100 rows (the list is virtualized, so the ratio should be ~1).

import {createAppStore, update} from '../store/index.js';
import {applyOpenEvents, moveEventCursor, openSelected, setSessions, type EventRow} from '../store/slices/sessions.js';
import {PROMPT_EXTENSIONS_FIX, type Finding} from '../domain/openhands/finding.js';
import {renderHarness} from './render-harness.js';
import type {Bench} from './types.js';

const STEPS = 150;

function rows(count: number): EventRow[] {
	const roles = ['user', 'user', 'assistant+tc', 'tool', 'assistant+tc', 'tool', 'assistant', '-'];
	return Array.from({length: count}, (_, id) => ({
		id,
		timestamp: `2026-03-02T10:${String(Math.floor(id / 60) % 60).padStart(2, '0')}:${String(id % 60).padStart(2, '0')}.000000`,
		source: id % 2 ? 'agent' : 'environment',
		kind: 'run',
		summary: `Command \`ls -la src/${id}\` executed with exit code 0.`,
		role: roles[id % roles.length]!,
		problem: null,
		file: `/state/sessions/bench/events/${id}.json`,
	}));
}

async function scroll(count: number): Promise<{cpuMs: number; bytes: number}> {
	const store = createAppStore();
	const findings: Finding[] = [{rule: 'strict-alternation', eventIds: [0, 1], servers: ['sglang'], message: 'two user messages in a row', fix: PROMPT_EXTENSIONS_FIX, fixAction: null}];
	update(store, 'ui', ui => ({...ui, focused: 'sessions', zoomed: true}));
	update(store, 'sessions', s => {
		const listed = setSessions(s, [{id: 'bench', dir: '/state/sessions/bench', title: 'bench', createdAt: null, updatedAt: null, eventCount: count, agentState: null, model: null, findings: 1, rules: [], checkedAt: count, error: null}], 0);
		return applyOpenEvents(openSelected(listed), 'bench', rows(count), findings, 1, null);
	});
	const h = await renderHarness(61, 30, store);
	// Start mid-list so every step moves the window, as when reading through a long session.
	update(store, 'sessions', s => moveEventCursor(s, Math.floor(count / 2)));
	await h.settle();
	const bytes0 = h.sentBytes();
	const cpu0 = process.cpuUsage();
	for (let i = 0; i < STEPS; i++) {
		update(store, 'sessions', s => moveEventCursor(s, 1));
		await h.settle();
	}
	const cpu = process.cpuUsage(cpu0);
	const result = {cpuMs: (cpu.user + cpu.system) / 1000 / STEPS, bytes: (h.sentBytes() - bytes0) / STEPS};
	h.close();
	return result;
}

export const sessionsScrollBench: Bench = {
	id: 'sessions-scroll',
	async run() {
		await scroll(100); // warm the JIT so neither side pays for it
		const small = await scroll(100);
		const large = await scroll(10_000);
		return [
			{
				name: 'scroll a 10,000-event list, per Down key',
				value: `${large.cpuMs.toFixed(2)} ms CPU, ${Math.round(large.bytes)} B (${(large.cpuMs / small.cpuMs).toFixed(2)}x the CPU of a 100-event list)`,
				method: `${STEPS} cursor moves in the zoomed Sessions panel at 61x30, render + row diff, same process; 100 events: ${small.cpuMs.toFixed(2)} ms`,
				raw: {cpuMs: large.cpuMs, bytes: large.bytes, smallCpuMs: small.cpuMs, ratio: large.cpuMs / small.cpuMs},
			},
		];
	},
};
