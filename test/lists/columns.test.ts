// Columns as data and widths in terminal cells: wide characters count two, the lowest-priority
// columns drop first on a narrow list, flexible columns share what is left.
import {describe, expect, it} from 'vitest';
import {cellWidth, fitCells, truncateCells} from '../../source/domain/list/cells.js';
import {fitColumns, headerText, rowCells, type Column} from '../../source/domain/list/columns.js';
import {moveCursor, moveScroll} from '../../source/domain/list/nav.js';
import {filterIndices, positionOf} from '../../source/domain/list/filter.js';

describe('cells', () => {
	it('measures CJK and emoji as two cells and cuts on a character, never through one', () => {
		expect(cellWidth('qwen3')).toBe(5);
		expect(cellWidth('通义千问')).toBe(8);
		expect(cellWidth('🚀 ok')).toBe(5);
		expect(truncateCells('通义千问-coder', 6)).toBe('通义…');
		expect(cellWidth(truncateCells('通义千问-coder', 6))).toBeLessThanOrEqual(6);
		// A wide character that would straddle the edge is left out and the gap padded.
		expect(fitCells('通义千问', 5)).toBe('通义…');
		expect(fitCells('通义', 7)).toBe('通义   ');
		expect(fitCells('12', 5, 'right')).toBe('   12');
	});
});

interface Row {
	name: string;
	model: string;
	tps: string;
}

const columns: Column<Row>[] = [
	{id: 'name', header: 'NAME', width: 8, priority: 0, cell: r => r.name},
	{id: 'model', header: 'MODEL', width: {flex: 1, min: 6}, priority: 0, cell: r => r.model},
	{id: 'tps', header: 'TOK/S', width: 6, align: 'right', priority: 2, cell: r => r.tps},
	{id: 'spark', header: '60s', width: 20, priority: 3, minListWidth: 70, cell: () => '▁▂▃'},
];

describe('columns', () => {
	it('a wide list keeps every column and gives the flexible one the rest', () => {
		const fitted = fitColumns(columns, 80);
		expect(fitted.map(f => [f.column.id, f.width])).toEqual([['name', 8], ['model', 43], ['tps', 6], ['spark', 20]]);
		expect(fitted.reduce((n, f) => n + f.width, 0) + fitted.length - 1).toBe(80);
	});

	it('a phone drops the column below its width rule, then the lowest priority', () => {
		expect(fitColumns(columns, 44).map(f => f.column.id)).toEqual(['name', 'model', 'tps']);
		expect(fitColumns(columns, 18).map(f => f.column.id)).toEqual(['name', 'model']);
	});

	it('cells line up under their headers in terminal cells, wide characters included', () => {
		const fitted = fitColumns(columns, 30);
		const row = rowCells(fitted, {name: '千问', model: '通义千问3-coder-next', tps: '94.0'}).map(c => c.text).join('');
		expect(cellWidth(headerText(fitted))).toBe(30);
		expect(cellWidth(row)).toBe(30);
		expect(row.endsWith('  94.0')).toBe(true);
	});
});

describe('navigation and filter maths', () => {
	it('moves a cursor by one, a page (less one row of context), to either end, inside the list', () => {
		expect(moveCursor(0, 60, 'up', 10)).toBe(0);
		expect(moveCursor(0, 60, 'pageDown', 10)).toBe(9);
		expect(moveCursor(55, 60, 'pageDown', 10)).toBe(59);
		expect(moveCursor(30, 60, 'home', 10)).toBe(0);
		expect(moveCursor(3, 60, 'end', 10)).toBe(59);
		expect(moveScroll(0, 60, 'end', 10)).toBe(50);
		expect(moveScroll(45, 60, 'pageDown', 10)).toBe(50);
	});

	it('filters case-insensitively; the selection moves to the next kept row', () => {
		const texts = ['SGLang qwen', 'vLLM mistral', 'Ollama qwen'];
		expect(filterIndices(3, i => texts[i]!, '')).toBeNull();
		expect(filterIndices(3, i => texts[i]!, 'QWEN')).toEqual([0, 2]);
		expect(positionOf([0, 2], 1)).toBe(1);
		expect(positionOf([0, 2], 5)).toBe(1);
		expect(positionOf([], 1)).toBe(-1);
	});
});
