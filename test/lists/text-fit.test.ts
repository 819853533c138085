// Text that matters is not cut away: identifiers are shortened from the middle (the distinguishing
// end stays), messages wrap, and a list's main column takes width by what it holds.
import {describe, expect, it} from 'vitest';
import {cellWidth, middleCells, wrapCells} from '../../source/domain/list/cells.js';
import {fitColumns, rowCells, type Column} from '../../source/domain/list/columns.js';

describe('middleCells', () => {
	it('keeps what tells sandbox names apart', () => {
		const names = ['he-openhands-runtime-01c0a9f3e2d1b7c6', 'he-openhands-runtime-01c0f7e6d5c4b3a2'];
		const cut = names.map(n => middleCells(n, 20));
		expect(cut[0]).not.toBe(cut[1]);
		for (const c of cut) expect(cellWidth(c)).toBe(20);
		expect(cut[0]).toBe('he-ope…0a9f3e2d1b7c6');
		expect(cut[1]!.endsWith('f7e6d5c4b3a2')).toBe(true);
	});

	it('keeps the tag at the end of an image', () => {
		expect(middleCells('docker.all-hands.dev/all-hands-ai/openhands:v1.2.3', 24)).toMatch(/…[^…]*openhands:v1\.2\.3$/);
	});

	it('measures in terminal cells: wide characters are never split', () => {
		const cut = middleCells('通义千问-coder-通义千问', 11);
		expect(cellWidth(cut)).toBeLessThanOrEqual(11);
		expect(cut).toContain('…');
		expect(middleCells('short', 10)).toBe('short');
		expect(middleCells('abcdef', 0)).toBe('');
	});
});

describe('wrapCells', () => {
	it('folds a long value into rows of at most the width, every character kept', () => {
		const text = '  LLM_MODEL=openai/mistral-small-4-2603-long-context-128k';
		const rows = wrapCells(text, 20, '    ');
		for (const r of rows) expect(cellWidth(r)).toBeLessThanOrEqual(20);
		expect(rows.map((r, i) => (i === 0 ? r : r.slice(4))).join('')).toBe(text);
		expect(rows[1]!.startsWith('    ')).toBe(true);
	});

	it('breaks a sentence at a space near the edge', () => {
		const rows = wrapCells('No model server found: add engines.list to the config, or start one', 30);
		expect(rows[0]).toBe('No model server found: add');
		expect(rows.join(' ')).toBe('No model server found: add engines.list to the config, or start one');
	});

	it('wide characters take two cells', () => {
		const rows = wrapCells('通义千问通义千问', 5);
		for (const r of rows) expect(cellWidth(r)).toBeLessThanOrEqual(5);
		expect(rows.join('')).toBe('通义千问通义千问');
	});
});

interface Session {
	updated: string;
	events: string;
	state: string;
	title: string;
}

const sessionColumns: Column<Session>[] = [
	{id: 'updated', header: 'updated', width: 11, priority: 2, cell: r => r.updated},
	{id: 'events', header: 'events', width: 6, align: 'right', priority: 3, cell: r => r.events},
	{id: 'state', header: 'state', width: 10, priority: 1, cell: r => r.state},
	{id: 'title', header: 'title', width: {flex: 1, min: 8}, priority: 0, cell: r => r.title},
];

describe('columns by content', () => {
	const rows: Session[] = [{updated: '12-01 16:02', events: '12', state: 'running', title: 'Speed up the todo list rendering'}];

	it('a 40-cell list gives the title room before minor columns', () => {
		const before = fitColumns(sessionColumns, 40);
		expect(before.find(f => f.column.id === 'title')!.width).toBeLessThanOrEqual(10);
		const fitted = fitColumns(sessionColumns, 40, rows);
		const title = fitted.find(f => f.column.id === 'title')!;
		expect(title.width).toBeGreaterThanOrEqual(16);
		expect(fitted.map(f => f.column.id)).toEqual(['updated', 'state', 'title']);
		expect(rowCells(fitted, rows[0]!).map(c => c.text).join('')).toContain('Speed up the to');
	});

	it('a wide list keeps every column and the whole title', () => {
		const fitted = fitColumns(sessionColumns, 80, rows);
		expect(fitted.map(f => f.column.id)).toEqual(['updated', 'events', 'state', 'title']);
		expect(rowCells(fitted, rows[0]!).map(c => c.text).join('')).toContain(rows[0]!.title);
		expect(fitted.reduce((n, f) => n + f.width, 0) + fitted.length - 1).toBe(80);
	});
});
