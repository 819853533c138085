import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {allCommands} from '../../source/runtime/commands.js';
import {createRegistry} from '../../source/commands/registry.js';
import {keyName, keyNames, validateKeyName} from '../../source/commands/keys.js';
import {loadKeybindings} from '../../source/commands/keybindings-file.js';
import {initialState} from '../../source/store/index.js';
import {tempDir} from '../support/temp-dir.js';

function file(text: string): string {
	const dir = tempDir('stackdeck-keys-');
	const f = path.join(dir, 'keybindings.json');
	writeFileSync(f, text);
	return f;
}

describe('keybindings', () => {
	it('a user file overrides the default keys of a command', () => {
		const commands = allCommands();
		const overrides = loadKeybindings(file('{"app.quit": ["x"]}'), commands);
		const registry = createRegistry(commands, overrides);
		const state = initialState();
		expect(registry.resolve('x', state)?.id).toBe('app.quit');
		expect(registry.resolve('q', state)?.id).not.toBe('app.quit');
	});

	it('lists every problem: unknown ids, bad key names, F-keys', () => {
		const commands = allCommands();
		const f = file('{"app.qiut": ["q"], "app.help": ["f1"], "panel.memory": ["shift+tab"], "focus.next": "tab"}');
		expect(() => loadKeybindings(f, commands)).toThrow(
			/unknown command "app.qiut" \(did you mean app.quit.*\)[\s\S]*"f1": F-keys[\s\S]*shift\+tab[\s\S]*"focus.next": expected a list/,
		);
	});

	it('rejects a file that is not JSON, naming it', () => {
		const f = file('{app.quit: q}');
		expect(() => loadKeybindings(f, allCommands())).toThrow(new RegExp(`${f.replace(/[.]/g, '\\.')}: not valid JSON`));
	});

	it('no file means no overrides', () => {
		expect(loadKeybindings('/nonexistent/keybindings.json', allCommands())).toEqual({});
	});

	it('default keys are all phone-typable', () => {
		for (const command of allCommands()) for (const key of command.keys) expect(validateKeyName(key)).toBeNull();
	});

	it('maps Ink key events to names', () => {
		expect(keyName('', {upArrow: true})).toBe('up');
		expect(keyName('c', {ctrl: true})).toBe('ctrl+c');
		expect(keyName('', {tab: true})).toBe('tab');
		expect(keyName('', {tab: true, shift: true})).toBeNull();
		expect(keyName('3', {})).toBe('3');
		expect(keyName('', {return: true})).toBe('enter');
	});

	it('splits a burst of typed keys into one key each', () => {
		expect(keyNames('5\r', {})).toEqual(['5', 'enter']);
		expect(keyNames('q', {})).toEqual(['q']);
		expect(keyNames('a\tb\u0003', {})).toEqual(['a', 'tab', 'b', 'ctrl+c']);
	});
});
