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
}

/** The text after "stackdeck": the longest version that fits in `width` columns. */
export function headerHint(width: number, h: HintInput): string {
	const where = h.label ? ` ${h.label}` : '';
	const keys = `1-${h.panels}`;
	const candidates = [
		`${where} · ${h.index} ${h.panel} · ${keys}/Tab switch panel${h.grid ? ' · Enter zoom' : ''} · ? all keys · q quit`,
		`${where} · ${h.index} ${h.panel} · ${keys} switch · ? keys · q quit`,
		`${where} · ${h.panel} · ${keys} · ? keys · q quit`,
		`${where} · ? keys · q quit`,
		' ? keys',
	];
	return candidates.find(c => c.length <= width) ?? '';
}
