import {describe, expect, it} from 'vitest';
import {layoutMode, planLayout, visiblePanels} from '../../source/domain/layout.js';
import {PANEL_IDS} from '../../source/domain/panel-ids.js';

describe('layout breakpoints', () => {
	it.each([
		[160, 48, 'wide'],
		[120, 40, 'wide'],
		[119, 40, 'medium'],
		[80, 24, 'medium'],
		[79, 40, 'phone'],
		[100, 23, 'phone'],
		[61, 30, 'phone'],
		[46, 19, 'phone'],
		[40, 12, 'phone'],
		[39, 30, 'too-small'],
		[80, 11, 'too-small'],
		[10, 5, 'too-small'],
	])('%ix%i is %s', (cols, rows, mode) => {
		expect(layoutMode(cols, rows)).toBe(mode);
	});

	it('keeps the frame one row shorter than the terminal', () => {
		for (const [cols, rows] of [[46, 19], [80, 24], [160, 48]] as const) {
			const plan = planLayout(cols, rows, PANEL_IDS, 'memory');
			expect(plan.frameHeight).toBe(rows - 1);
			const bottom = Math.max(...plan.slots.map(s => s.y + s.height));
			expect(bottom).toBeLessThanOrEqual(plan.bodyHeight);
			for (const slot of plan.slots) expect(slot.x + slot.width).toBeLessThanOrEqual(cols);
		}
	});

	it('shows all seven panels on a wide terminal and one on a phone', () => {
		expect(visiblePanels(planLayout(160, 48, PANEL_IDS, 'memory'))).toHaveLength(7);
		expect(visiblePanels(planLayout(46, 19, PANEL_IDS, 'sessions'))).toEqual(['sessions']);
	});

	it('pages a two-column grid so the focused panel is always on screen', () => {
		const first = planLayout(80, 24, PANEL_IDS, 'containers');
		expect(first.mode).toBe('medium');
		expect(visiblePanels(first)).toContain('containers');
		expect(first.hidden.length).toBeGreaterThan(0);
		const later = planLayout(80, 24, PANEL_IDS, 'doctor');
		expect(visiblePanels(later)).toContain('doctor');
		expect(visiblePanels(later)).not.toContain('containers');
	});

	it('zoom shows only the focused panel in a grid mode', () => {
		const plan = planLayout(160, 48, PANEL_IDS, 'cache', true);
		expect(visiblePanels(plan)).toEqual(['cache']);
		expect(plan.slots[0]!.width).toBe(160);
	});
});
