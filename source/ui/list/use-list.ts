// A list view's side of the list mechanism: applies the list's `/` filter, picks the window of rows
// that fit around the selection, and tells the navigation commands how many rows make a page.

import {useEffect, useMemo} from 'react';
import {update} from '../../store/index.js';
import {listState, patchList} from '../../store/slices/lists.js';
import {filterIndices, positionOf} from '../../domain/list/filter.js';
import {listWindow} from '../../domain/list/window.js';
import {useAppState, useCockpit} from '../context.js';

export interface ListView {
	/** Indices (into all rows) on screen, in order. */
	shown: number[];
	/** Rows the filter keeps (all rows without a filter). */
	matched: number;
	total: number;
	filter: string;
	editing: boolean;
	/** Rows left for items once the filter line (when there is one) is drawn. */
	rows: number;
}

/** `rows`: the rows the list may use, the filter line included. */
export function useList<T>(id: string, items: readonly T[], textOf: (item: T) => string, cursor: number, rows: number): ListView {
	const {store} = useCockpit();
	const {filter, editing} = useAppState(s => listState(s.lists, id));
	const kept = useMemo(() => filterIndices(items.length, i => textOf(items[i]!), filter), [items, filter, textOf]);
	const filterRows = filter || editing ? 1 : 0;
	const room = Math.max(0, rows - filterRows);
	useEffect(() => {
		update(store, 'lists', l => patchList(l, id, {page: Math.max(1, room)}));
	}, [store, id, room]);
	return useMemo(() => {
		const total = items.length;
		if (kept === null) {
			const {start, end} = listWindow(total, cursor, room);
			return {shown: range(start, end), matched: total, total, filter, editing, rows: room};
		}
		const {start, end} = listWindow(kept.length, Math.max(0, positionOf(kept, cursor)), room);
		return {shown: kept.slice(start, end), matched: kept.length, total, filter, editing, rows: room};
	}, [items.length, kept, cursor, room, filter, editing]);
}

/** A scroll list (text to read): the filter's kept rows from the top row `top`, `rows` of them. */
export function useScroll<T>(id: string, items: readonly T[], textOf: (item: T) => string, top: number, rows: number): ListView & {top: number} {
	const {store} = useCockpit();
	const {filter, editing} = useAppState(s => listState(s.lists, id));
	const kept = useMemo(() => filterIndices(items.length, i => textOf(items[i]!), filter), [items, filter, textOf]);
	const room = Math.max(0, rows - (filter || editing ? 1 : 0));
	useEffect(() => {
		update(store, 'lists', l => patchList(l, id, {page: Math.max(1, room)}));
	}, [store, id, room]);
	const all = kept ?? range(0, items.length);
	const start = Math.max(0, Math.min(top, all.length - room));
	return {shown: all.slice(start, start + room), matched: all.length, total: items.length, filter, editing, rows: room, top: start};
}

function range(start: number, end: number): number[] {
	const out: number[] = [];
	for (let i = start; i < end; i++) out.push(i);
	return out;
}
