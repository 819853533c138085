// Space by content: panels say how many rows they have to show, and the layout gives each at least
// its minimum, the focused one what it wants, the rest by need. Checked at the sizes people use:
// Termux 46x19, a 60x40 tmux split, 80x24, and tmux panes at 120x40 and 160x48.
import {describe, expect, it} from 'vitest';
import {planLayout, shareRows, type LayoutPlan, type PanelWants} from '../../source/domain/layout.js';
import {PANEL_IDS, type PanelId} from '../../source/domain/panel-ids.js';

// What the demo stack has to show: 9 containers in 8 groups, 3 engines, a short Aider hint, 18 checks.
const DEMO: PanelWants = {containers: 19, throughput: 7, memory: 11, cache: 8, sessions: 10, aider: 2, doctor: 40};

function slot(plan: LayoutPlan, panel: PanelId) {
	return plan.slots.find(s => s.panel === panel);
}

/** Content rows a panel gets (borders off). */
function inner(plan: LayoutPlan, panel: PanelId): number {
	return (slot(plan, panel)?.height ?? 2) - 2;
}

function checkFits(plan: LayoutPlan, cols: number) {
	for (const s of plan.slots) {
		expect(s.y + s.height).toBeLessThanOrEqual(plan.bodyHeight);
		expect(s.x + s.width).toBeLessThanOrEqual(cols);
	}
	// Columns are filled to the bottom: no row of the body left undrawn.
	const byX = new Map<number, number>();
	for (const s of plan.slots) byX.set(s.x, (byX.get(s.x) ?? 0) + s.height);
	for (const total of byX.values()) expect(total).toBe(plan.bodyHeight);
}

describe('space by content', () => {
	it('160x48: every panel on screen and the whole container list (Tor included) shown', () => {
		const plan = planLayout(160, 48, PANEL_IDS, 'containers', false, undefined, DEMO);
		checkFits(plan, 160);
		expect(plan.slots).toHaveLength(7);
		expect(inner(plan, 'containers')).toBeGreaterThanOrEqual(19);
		// The 2-row Aider hint does not take a third of the screen.
		expect(slot(plan, 'aider')!.height).toBeLessThanOrEqual(7);
		for (const id of ['throughput', 'memory', 'cache', 'sessions'] as const) expect(inner(plan, id), id).toBeGreaterThanOrEqual(DEMO[id]!);
	});

	it('120x40: the focused panel gets its rows, every panel stays on screen', () => {
		for (const focused of PANEL_IDS) {
			const plan = planLayout(120, 40, PANEL_IDS, focused, false, undefined, DEMO);
			checkFits(plan, 120);
			expect(plan.slots).toHaveLength(7);
			expect(inner(plan, focused), focused).toBeGreaterThanOrEqual(Math.min(DEMO[focused]!, plan.bodyHeight - 2 - 5 * 2));
		}
		expect(inner(planLayout(120, 40, PANEL_IDS, 'containers', false, undefined, DEMO), 'containers')).toBeGreaterThanOrEqual(19);
	});

	it('60x40 tmux split: a 2-row panel shares the height with the panels after it', () => {
		const plan = planLayout(60, 40, PANEL_IDS, 'aider', false, undefined, DEMO);
		checkFits(plan, 60);
		expect(plan.slots[0]).toMatchObject({panel: 'aider', y: 0});
		expect(slot(plan, 'aider')!.height).toBe(4);
		expect(plan.slots.length).toBeGreaterThanOrEqual(2);
		// A long list focused on the same split gets what it has to show first.
		const list = planLayout(60, 40, PANEL_IDS, 'containers', false, undefined, DEMO);
		expect(inner(list, 'containers')).toBe(19);
		expect(list.slots.map(s => s.panel).slice(0, 2)).toEqual(['containers', 'throughput']);
		expect(inner(list, 'throughput')).toBe(7);
	});

	it('46x19 phone: one panel, the whole body', () => {
		for (const focused of PANEL_IDS) {
			const plan = planLayout(46, 19, PANEL_IDS, focused, false, undefined, DEMO);
			expect(plan.slots).toEqual([{panel: focused, x: 0, y: 0, width: 46, height: 16}]);
		}
	});

	it('80x24: the focused panel is on screen with its rows, pages hold the rest', () => {
		for (const focused of PANEL_IDS) {
			const plan = planLayout(80, 24, PANEL_IDS, focused, false, undefined, DEMO);
			checkFits(plan, 80);
			expect(slot(plan, focused), focused).toBeDefined();
			expect(inner(plan, focused), focused).toBeGreaterThanOrEqual(Math.min(DEMO[focused]!, 9));
			expect(plan.slots.length + plan.hidden.length).toBe(7);
		}
	});

	it('a panel with nothing to say gets its few rows; the rest goes to the one that needs it', () => {
		const need = (panel: PanelId, want: number) => ({panel, want, min: Math.min(want, 7)});
		expect(shareRows(30, [need('aider', 4), need('doctor', 30)])).toEqual([4, 26]);
		// Focus first: the focused panel's wants come before the others'.
		expect(shareRows(20, [need('containers', 20), need('throughput', 15)], 'throughput')).toEqual([7, 13]);
		// Without focus, the one furthest from what it wants gets the next row.
		expect(shareRows(20, [need('containers', 20), need('throughput', 10)])).toEqual([13, 7]);
	});
});
