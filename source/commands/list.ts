// One set of navigation commands for every list in the cockpit: ↑/↓ (k/j), PgUp/PgDn, Home/End
// (g/G), `/` to filter by text (typed keys go into the filter; Enter keeps it, Esc clears it).
// Each list describes itself once as a ListAdapter; these commands act on the one that is active,
// so rebinding a move is one override (`list.up`), not one per panel.

import {update, type AppState, type AppStore} from '../store/index.js';
import {listState, patchList} from '../store/slices/lists.js';
import {filterIndices, positionOf} from '../domain/list/filter.js';
import {moveCursor, moveScroll, type ListMove} from '../domain/list/nav.js';
import type {Command} from './registry.js';
import type {RowField} from '../domain/list/fields.js';
import type {Glyphs, Token} from '../theme/tokens.js';
import {typedChar} from '../domain/text/field.js';

export interface ListAdapter {
	/** Key of its filter and page in the lists slice: "containers", "events", "help". */
	id: string;
	/** cursor: the selection moves; scroll: the top row moves (text to read, nothing to select). */
	mode: 'cursor' | 'scroll';
	/** This list is on screen and has the keys (its panel focused, its view shown, no overlay above). */
	active(state: AppState): boolean;
	/** Every row's words, in order: `/` searches them, their number is the list's length. */
	texts(state: AppState): readonly string[];
	/** Selected row (cursor mode) or top row (scroll mode), as an index into all rows. */
	position(state: AppState): number;
	moveTo(store: AppStore, index: number): void;
	/**
	 * The selected row's every figure (label and value), for lists whose narrow views drop columns:
	 * Enter opens them (zoomed or on a phone), ↑↓ move to the next row's, Esc closes.
	 */
	fields?(state: AppState, glyphs: Glyphs): readonly RowField<Token>[] | null;
	/** A text view that counts from its end (a followed log) moves itself; the keys stay the same. */
	move?(store: AppStore, state: AppState, how: ListMove, page: number): void;
}

export const LIST_GROUP = 'Lists (every list)';

export function activeList(adapters: readonly ListAdapter[], state: AppState): ListAdapter | undefined {
	return adapters.find(a => a.active(state));
}

/** A list's filter is being typed: the keyboard belongs to it. */
export function typingInList(adapters: readonly ListAdapter[], state: AppState): boolean {
	const list = activeList(adapters, state);
	return list ? listState(state.lists, list.id).editing : false;
}

function move(list: ListAdapter, store: AppStore, state: AppState, how: ListMove): void {
	const {filter, page} = listState(state.lists, list.id);
	if (list.move) {
		list.move(store, state, how, page);
		return;
	}
	const texts = list.texts(state);
	const count = texts.length;
	const kept = filterIndices(count, i => texts[i]!, filter);
	if (list.mode === 'scroll') {
		list.moveTo(store, moveScroll(list.position(state), kept?.length ?? count, how, page));
		return;
	}
	if (kept === null) {
		list.moveTo(store, moveCursor(list.position(state), count, how, page));
		return;
	}
	if (kept.length === 0) return;
	const at = moveCursor(positionOf(kept, list.position(state)), kept.length, how, page);
	list.moveTo(store, kept[at]!);
}

/** After the filter changes, keep the selection on a row the filter shows. */
function follow(list: ListAdapter, store: AppStore): void {
	const state = store.getState();
	if (list.mode === 'scroll') {
		list.moveTo(store, 0);
		return;
	}
	const texts = list.texts(state);
	const kept = filterIndices(texts.length, i => texts[i]!, listState(state.lists, list.id).filter);
	if (kept && kept.length > 0) list.moveTo(store, kept[positionOf(kept, list.position(state))]!);
}

export function listCommands(adapters: readonly ListAdapter[]): Command[] {
	const on = (s: AppState) => activeList(adapters, s) !== undefined && s.ui.confirm === null;
	const editing = (s: AppState) => on(s) && typingInList(adapters, s);
	const browsing = (s: AppState) => on(s) && !typingInList(adapters, s);
	const withList = (run: (list: ListAdapter, store: AppStore, state: AppState) => void): Command['run'] => ({store, state}) => {
		const list = activeList(adapters, state);
		if (list) run(list, store, state);
	};
	const moveCommand = (id: string, keys: string[], how: ListMove, description: string): Command => ({
		id,
		keys,
		description,
		group: LIST_GROUP,
		when: browsing,
		run: withList((list, store, state) => move(list, store, state, how)),
	});
	const setFilter = (store: AppStore, list: ListAdapter, patch: {filter?: string; editing?: boolean}) => {
		update(store, 'lists', l => patchList(l, list.id, patch));
		follow(list, store);
	};
	const opened = (s: AppState) => {
		const list = activeList(adapters, s);
		return list?.fields !== undefined && listState(s.lists, list.id).detail;
	};
	return [
		{
			id: 'list.detail.close',
			keys: ['escape'],
			description: 'Close the row detail',
			group: LIST_GROUP,
			when: s => on(s) && opened(s),
			run: withList((list, store) => update(store, 'lists', l => patchList(l, list.id, {detail: false}))),
		},
		{
			id: 'list.detail',
			keys: ['enter'],
			description: 'Open the selected row: every figure, also those a narrow list drops',
			group: LIST_GROUP,
			// In a grid the first Enter zooms the panel; zoomed or on a phone it opens the row.
			when: s => browsing(s) && !opened(s) && activeList(adapters, s)?.fields !== undefined && (s.ui.zoomed || s.ui.layout === 'phone'),
			run: withList((list, store) => update(store, 'lists', l => patchList(l, list.id, {detail: true}))),
		},
		{
			id: 'list.filter.type',
			keys: [],
			// Every printable character, `?` and digits included: while the filter is typed they are text.
			typing: true,
			description: 'Type into the filter (any character, a paste too)',
			group: LIST_GROUP,
			when: editing,
			run: ({store, state, key}) => {
				const list = activeList(adapters, state);
				const typed = key ? typedChar(key) : null;
				if (!list || typed === null) return;
				setFilter(store, list, {filter: listState(state.lists, list.id).filter + typed});
			},
		},
		{
			id: 'list.filter.erase',
			keys: ['backspace', 'delete'],
			description: 'Erase the last filter character',
			group: LIST_GROUP,
			when: editing,
			run: withList((list, store, state) => setFilter(store, list, {filter: dropLast(listState(state.lists, list.id).filter)})),
		},
		{
			id: 'list.filter.keep',
			keys: ['enter'],
			description: 'Keep the filter and move in the rows it shows',
			group: LIST_GROUP,
			when: editing,
			run: withList((list, store) => setFilter(store, list, {editing: false})),
		},
		{
			id: 'list.filter.clear',
			keys: ['escape'],
			description: 'Clear the filter',
			group: LIST_GROUP,
			when: s => on(s) && (typingInList(adapters, s) || listState(s.lists, activeList(adapters, s)!.id).filter !== ''),
			run: withList((list, store) => setFilter(store, list, {filter: '', editing: false})),
		},
		{
			id: 'list.filter',
			keys: ['/'],
			description: 'Filter the list by text',
			group: LIST_GROUP,
			when: browsing,
			run: withList((list, store) => setFilter(store, list, {editing: true})),
		},
		moveCommand('list.up', ['up', 'k'], 'up', 'Up one row'),
		moveCommand('list.down', ['down', 'j'], 'down', 'Down one row'),
		moveCommand('list.pageUp', ['pageup'], 'pageUp', 'Up one page'),
		moveCommand('list.pageDown', ['pagedown'], 'pageDown', 'Down one page'),
		moveCommand('list.home', ['home', 'g'], 'home', 'First row'),
		moveCommand('list.end', ['end', 'G'], 'end', 'Last row'),
	];
}

/** The filter without its last character (a whole emoji or accented letter, not half of one). */
function dropLast(text: string): string {
	const graphemes = [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)];
	return graphemes.length === 0 ? '' : text.slice(0, graphemes.at(-1)!.index);
}
