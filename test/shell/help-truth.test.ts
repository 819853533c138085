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
