// The one text field: every printable character is text, and a field narrower than what is typed
// keeps its end (where the cursor is) in view.
import {describe, expect, it} from 'vitest';
import {fieldLine, fieldTail, typedChar} from '../../source/domain/text/field.js';
import {cellWidth} from '../../source/domain/list/cells.js';
import {createRegistry} from '../../source/commands/registry.js';
import {allCommands} from '../../source/runtime/commands.js';
import {createAppStore, initialState, update} from '../../source/store/index.js';
import {patchList} from '../../source/store/slices/lists.js';

describe('text field', () => {
	it('takes every printable character, accents, CJK and emoji included, and no control character', () => {
		for (const k of ['a', '?', '1', 'q', 'é', '中', '😀', '/', 'space']) expect(typedChar(k), k).not.toBeNull();
		for (const k of ['\u0007', '\u007F', '\u009B', 'enter', 'ctrl+a', 'ab']) expect(typedChar(k), k).toBeNull();
	});
	it('keeps the end of a long text in view, in terminal cells', () => {
		expect(fieldTail('short', 10)).toBe('short');
		expect(fieldTail('GET /api/conversations?limit=20', 12)).toBe('…ns?limit=20');
		const wide = fieldTail('日本語のテキスト', 9);
		expect(wide.startsWith('…')).toBe(true);
		expect(cellWidth(wide)).toBeLessThanOrEqual(9);
		expect(wide.endsWith('スト')).toBe(true);
	});
	it('drops hints before the typed text', () => {
		const parts = {before: '/', text: 'x'.repeat(60) + 'END', after: '_', extras: ['  1 of 9 · Enter keeps', '  1 of 9']};
		const line = fieldLine(parts, 44);
		expect(cellWidth(line)).toBeLessThanOrEqual(44);
		expect(line).toMatch(/^\/….*END_  1 of 9/);
		expect(fieldLine(parts, 20)).toMatch(/^\/….*END_$/);
		expect(fieldLine({...parts, text: 'abc'}, 44)).toBe('/abc_  1 of 9 · Enter keeps');
	});
	it('while a filter is typed, a printable key is text whatever command it is bound to', () => {
		const registry = createRegistry(allCommands());
		const store = createAppStore(initialState());
		update(store, 'lists', l => patchList(l, 'containers', {editing: true}));
		for (const k of ['?', 'q', 'm', '1', 's', 'é']) expect(registry.resolve(k, store.getState())?.id, k).toBe('list.filter.type');
		expect(registry.resolve('enter', store.getState())?.id).toBe('list.filter.keep');
	});
});
