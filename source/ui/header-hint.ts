// The header's guide for a newcomer: where they are (the demo, the focused panel) and the keys that
// matter, shortened step by step to the terminal's width so that even a phone shows `? keys`.

export interface HintInput {
	/** "demo" when the cockpit watches the simulated stack. */
	label?: string | undefined;
	/** Focused panel: digit and title. */
	index: number;
	panel: string;
	panels: number;
	grid: boolean;
	/** The keys bound to help and quit (keybindings.json may rebind them), as shown: "?", "q". */
	help?: string;
	quit?: string;
}

/** The text after "stackdeck": the longest version that fits in `width` columns. */
export function headerHint(width: number, h: HintInput): string {
	const where = h.label ? ` ${h.label}` : '';
	const keys = `1-${h.panels}`;
	const help = h.help ?? '?';
	const quit = h.quit ?? 'q';
	const candidates = [
		`${where} · ${h.index} ${h.panel} · ${keys}/Tab switch panel${h.grid ? ' · Enter zoom' : ''} · ${help} all keys · ${quit} quit`,
		`${where} · ${h.index} ${h.panel} · ${keys} switch · ${help} keys · ${quit} quit`,
		`${where} · ${h.panel} · ${keys} · ${help} keys · ${quit} quit`,
		`${where} · ${help} keys · ${quit} quit`,
		` ${help} keys`,
	];
	return candidates.find(c => c.length <= width) ?? '';
}
