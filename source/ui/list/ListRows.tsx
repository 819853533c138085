// Draws a list's rows from its columns: the header, then one Line per shown item (the selected one
// inverted), each cell cut and padded in terminal cells. Optional group headings ("OpenHands (2)")
// go above the first row of each group.

import React from 'react';
import {fitColumns, headerText, rowCells, type Column} from '../../domain/list/columns.js';
import {fitCells} from '../../domain/list/cells.js';
import type {Token} from '../../theme/tokens.js';
import {Line, Span} from '../widgets/Line.js';

export interface ListRowsProps<T> {
	items: readonly T[];
	shown: readonly number[];
	selected: number;
	columns: readonly Column<T, Token>[];
	width: number;
	keyOf(item: T): string;
	/** Rows to draw in at most: group headings count. */
	height: number;
	header?: boolean;
	group?(item: T): string | null;
	rowTone?(item: T, selected: boolean): Token;
}

export function ListRows<T>({items, shown, selected, columns, width, keyOf, height, header = true, group, rowTone}: ListRowsProps<T>) {
	// Widths by what the rows on screen hold: a long title or name gets room before minor columns.
	const fitted = fitColumns(columns, width, shown.map(i => items[i]!));
	const rows: React.ReactNode[] = [];
	if (header) rows.push(<Line key="head" tone="muted" bold>{fitCells(headerText(fitted), width)}</Line>);
	let lastGroup: string | null = null;
	for (const index of shown) {
		const item = items[index]!;
		const title = group?.(item) ?? null;
		if (title !== null && title !== lastGroup) rows.push(<Line key={`g:${title}:${index}`} tone="accent" bold>{title}</Line>);
		lastGroup = title;
		const isSel = index === selected;
		const cells = rowCells(fitted, item);
		rows.push(
			<Line key={keyOf(item)} inverse={isSel} tone={rowTone?.(item, isSel) ?? (isSel ? 'selectionText' : 'text')}>
				{cells.map((c, i) => (c.tone ? <Span key={i} tone={c.tone} inverse={isSel}>{c.text}</Span> : c.text))}
			</Line>,
		);
	}
	// Headings take rows too: when they push the selection off the bottom, the top gives way.
	const at = rows.findIndex(r => React.isValidElement(r) && r.key === keyOfSelected(items, selected, keyOf));
	const start = at >= height ? at - height + 1 : 0;
	return <>{rows.slice(start, start + height)}</>;
}

function keyOfSelected<T>(items: readonly T[], selected: number, keyOf: (item: T) => string): string | null {
	const item = items[selected];
	return item === undefined ? null : keyOf(item);
}
