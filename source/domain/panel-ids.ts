// The cockpit's panels, in tab order; digits 1-7 jump to them.
export const PANEL_IDS = ['containers', 'throughput', 'memory', 'cache', 'sessions', 'aider', 'doctor'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(value: string): value is PanelId {
	return (PANEL_IDS as readonly string[]).includes(value);
}
