// Help says "asks first" only where a key does ask, and says it once.
import {describe, expect, it, vi} from 'vitest';
import {allCommands} from '../../source/runtime/commands.js';
import {createServices} from '../../source/runtime/services.js';
import {defaultConfig} from '../../source/config/schema.js';
import {helpLines} from '../../source/commands/help-lines.js';
import {dispatchKey} from '../../source/commands/dispatch.js';
import {createRegistry} from '../../source/commands/registry.js';
import {createAppStore, initialState} from '../../source/store/index.js';
import {newSessionState} from '../../source/store/slices/aider.js';

function ctxFor(store: ReturnType<typeof createAppStore>, registry: ReturnType<typeof createRegistry>, quit: () => void) {
	const services = createServices({store, config: defaultConfig(), env: {}});
	return {store, registry, services, jobs: services.jobs, quit};
}

describe('help is truthful about which keys ask first', () => {
	const lines = helpLines(allCommands()).filter(l => l.text);
	const line = (group: string, key: string) => helpLines(allCommands()).find((l, i, all) => l.keys === key && all.slice(0, i).reverse().find(g => g.group)?.group === group)?.text ?? '';

	it('no line says it twice', () => {
		for (const l of lines) expect(l.text!.match(/asks first/g)?.length ?? 0, l.text).toBeLessThanOrEqual(1);
	});

	it('keys that act at once do not claim to ask; those that ask say so', () => {
		expect(line('Aider', 'n')).not.toContain('asks first');
		expect(line('Aider', 't')).not.toContain('asks first');
		expect(line('Sessions', 'x')).toContain('asks first');
		expect(line('Global', 'q Ctrl-C')).toContain('asks first');
	});

	it('q quits at once without Aider sessions, and asks while one runs', () => {
		const registry = createRegistry(allCommands(), {});
		const quiet = createAppStore(initialState());
		const quit = vi.fn();
		dispatchKey('q', ctxFor(quiet, registry, quit));
		expect(quit).toHaveBeenCalledWith(0);

		const busy = createAppStore(initialState());
		busy.setState(s => ({...s, aider: {...s.aider, sessions: [newSessionState({id: 'a1', title: 'aider repo', kind: 'aider', cwd: '/tmp/repo', commandLine: 'aider', model: undefined})]}}));
		const quit2 = vi.fn();
		dispatchKey('q', ctxFor(busy, registry, quit2));
		expect(quit2).not.toHaveBeenCalled();
		expect(busy.getState().ui.confirm?.body.join(' ')).toContain('1 Aider session running: aider repo');
		dispatchKey('y', ctxFor(busy, registry, quit2));
		expect(quit2).toHaveBeenCalledWith(0);
	});
});

describe('marks are explained', () => {
	it('help explains !N on a tab; panel badges use words, not !', () => {
		expect(helpLines(allCommands()).some(l => l.keys === '!N on a tab' && /need you/.test(l.text ?? ''))).toBe(true);
	});
});

describe('help finds the keys you need', () => {
	const setup = (focused: 'containers' | 'aider' | 'doctor') => {
		const registry = createRegistry(allCommands(), {});
		const initial = initialState();
		const store = createAppStore({...initial, ui: {...initial.ui, focused}});
		return {store, ctx: ctxFor(store, registry, () => undefined), lines: helpLines(registry.commands)};
	};
	const heading = (lines: ReturnType<typeof helpLines>, offset: number) => lines[offset]?.group;

	it('no line lists every letter: a text field says "any char"', () => {
		for (const l of helpLines(allCommands())) expect((l.keys ?? '').split(' ').length, `${l.keys} ${l.text}`).toBeLessThanOrEqual(4);
		expect(helpLines(allCommands()).find(l => /Type into the filter/.test(l.text ?? ''))?.keys).toBe('any char');
	});

	it('opens at the focused panel\'s keys, not at Global', () => {
		for (const [panel, title] of [['aider', 'Aider'], ['doctor', 'Doctor'], ['containers', 'Containers']] as const) {
			const {store, ctx, lines} = setup(panel);
			expect(dispatchKey('?', ctx)).toBe('app.help');
			expect(store.getState().ui.overlay).toBe('help');
			expect(heading(lines, store.getState().ui.helpOffset)).toBe(title);
		}
	});

	it('digits jump to that panel\'s keys while help is open; Esc, then a digit, goes to the panel', () => {
		const {store, ctx, lines} = setup('containers');
		dispatchKey('?', ctx);
		expect(dispatchKey('6', ctx)).toBe('help.section');
		expect(store.getState().ui.overlay).toBe('help');
		expect(heading(lines, store.getState().ui.helpOffset)).toBe('Aider');
		dispatchKey('7', ctx);
		expect(heading(lines, store.getState().ui.helpOffset)).toBe('Doctor');
		// The panel shown underneath did not change: Esc returns to it.
		expect(store.getState().ui.focused).toBe('containers');
		dispatchKey('escape', ctx);
		expect(store.getState().ui.overlay).toBeNull();
		expect(dispatchKey('3', ctx)).toBe('panel.memory');
	});
});

describe('every short word a panel shows is explained in help, under that panel', () => {
	const under = (group: string) => {
		const lines = helpLines(allCommands());
		const start = lines.findIndex(l => l.group === group);
		const end = lines.findIndex((l, i) => i > start && l.group !== undefined);
		return lines.slice(start + 1, end === -1 ? undefined : end);
	};
	it.each([
		['Throughput', 'R/Q', /running \/ waiting/],
		['Throughput', 'EXP', /expected tok\/s/],
		['Throughput', 'TTFT', /time to first token/],
		['Sessions', 'assistant+tc', /tool calls/],
		['Containers', 'name:tag !', /unpinned tag/],
		['Containers', 'exited (137)', /exit code/],
		['Doctor', '✗ ! ? ✓', /failed, warning/],
	])('%s: %s', (group, keys, text) => {
		expect(under(group).find(l => l.keys === keys)?.text).toMatch(text);
	});
	it('! is explained in each of its meanings, at the top of help', () => {
		const marks = under('Marks').map(l => l.keys);
		expect(marks).toEqual(['!N on a tab', '! key', '! in a panel']);
	});
});
