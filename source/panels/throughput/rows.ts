// Rows the Throughput panel has to show (the layout gives space by it): the engine lines with their
// notes, the Aider token lines, the OpenHands contract and the filter line.

import type {AppState} from '../../store/index.js';
import {listState} from '../../store/slices/lists.js';
import {sessionTokenTotals} from '../../store/slices/aider.js';
import {NO_ENGINES, throughputLineCount} from './lines.js';
import {wrapCells} from '../../domain/list/cells.js';
import {aiderTokenLines} from './aider-lines.js';

export function throughputRows(state: AppState, width: number): number {
	const sessions = aiderTokenLines(sessionTokenTotals(state.aider), width).length;
	const engines = state.engines.rows.length === 0 ? wrapCells(NO_ENGINES, width).length : throughputLineCount(state.engines, width, Date.now());
	const {filter, editing} = listState(state.lists, 'throughput');
	return engines + sessions + (state.swap.contract ? 1 : 0) + (filter || editing ? 1 : 0);
}
