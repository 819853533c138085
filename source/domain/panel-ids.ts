// The cockpit's panels, in tab order; digits 1-7 jump to them.
export const PANEL_IDS = ['containers', 'throughput', 'memory', 'cache', 'sessions', 'aider', 'doctor'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(value: string): value is PanelId {
	return (PANEL_IDS as readonly string[]).includes(value);
}

/** A panel named on the command line: its id ("memory", any case) or its digit ("3"). */
export function panelByName(name: string): PanelId | undefined {
	const wanted = name.trim().toLowerCase();
	const digit = Number(wanted);
	if (Number.isInteger(digit) && digit >= 1 && digit <= PANEL_IDS.length) return PANEL_IDS[digit - 1];
	return PANEL_IDS.find(id => id === wanted);
}
