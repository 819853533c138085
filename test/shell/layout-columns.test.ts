// Which column each panel goes in: the grid uses every column's rows before it cuts a panel. A
// short panel moves beside a column with rows to spare when keeping strict tab order would cut a
// list elsewhere; when tab order cuts nothing, tab order stays.
import {describe, expect, it} from 'vitest';
import {planLayout, type LayoutPlan, type PanelWants} from '../../source/domain/layout.js';
import {PANEL_IDS, type PanelId} from '../../source/domain/panel-ids.js';

/** Content rows a panel gets (borders off). */
function inner(plan: LayoutPlan, panel: PanelId): number {
	return (plan.slots.find(s => s.panel === panel)?.height ?? 2) - 2;
}

/** Panels by column, left to right, each top to bottom. */
function columns(plan: LayoutPlan): PanelId[][] {
	const byX = new Map<number, PanelId[]>();
	for (const s of [...plan.slots].sort((a, b) => a.x - b.x || a.y - b.y)) byX.set(s.x, [...(byX.get(s.x) ?? []), s.panel]);
	return [...byX.values()];
}

// The demo at 120x40 (34 body rows inside borders): in tab order, Containers and Throughput leave 7
// rows spare in the first column while Memory, Cache, Sessions and Aider need 2 more than the second
// has, and the Doctor fills the third.
const TIGHT: PanelWants = {containers: 19, throughput: 7, memory: 11, cache: 8, sessions: 10, aider: 2, doctor: 35};

describe('grid columns by content', () => {
	it('120x40: no panel is cut while another column has rows to spare, whatever is focused', () => {
		for (const focused of PANEL_IDS) {
			const plan = planLayout(120, 40, PANEL_IDS, focused, false, undefined, TIGHT);
			expect(plan.slots).toHaveLength(7);
			for (const id of PANEL_IDS) expect(inner(plan, id), `${id} with ${focused} focused`).toBeGreaterThanOrEqual(TIGHT[id]!);
			// Columns still fill the body exactly.
			for (const col of columns(plan)) expect(col.reduce((sum, id) => sum + inner(plan, id) + 2, 0)).toBe(plan.bodyHeight);
		}
	});

	it('120x40: the columns do not move when the focus does, and panel 1 stays top left', () => {
		const first = columns(planLayout(120, 40, PANEL_IDS, 'containers', false, undefined, TIGHT));
		expect(first[0]![0]).toBe('containers');
		for (const focused of PANEL_IDS) expect(columns(planLayout(120, 40, PANEL_IDS, focused, false, undefined, TIGHT)), focused).toEqual(first);
		// Each column reads in digit order; only one panel leaves its run (fewest moves that cut nothing).
		for (const col of first) expect([...col].sort((a, b) => PANEL_IDS.indexOf(a) - PANEL_IDS.indexOf(b))).toEqual(col);
		expect(first).toEqual([['containers', 'memory'], ['throughput', 'cache', 'sessions', 'aider'], ['doctor']]);
	});

	it('keeps tab order when it cuts nothing', () => {
		const roomy: PanelWants = {containers: 19, throughput: 7, memory: 11, cache: 8, sessions: 10, aider: 2, doctor: 60};
		expect(columns(planLayout(160, 48, PANEL_IDS, 'containers', false, undefined, roomy))).toEqual([
			['containers', 'throughput'],
			['memory', 'cache', 'sessions', 'aider'],
			['doctor'],
		]);
	});
});
