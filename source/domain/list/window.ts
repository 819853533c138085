// Which rows of a long list are on screen: only these are rendered (a 10,000-event session renders
// as many rows as the panel is tall). The cursor stays visible, roughly centred.

export interface ListWindow {
	start: number;
	end: number;
}

export function listWindow(total: number, cursor: number, rows: number): ListWindow {
	if (rows <= 0 || total === 0) return {start: 0, end: 0};
	if (total <= rows) return {start: 0, end: total};
	const start = Math.max(0, Math.min(cursor - Math.floor(rows / 2), total - rows));
	return {start, end: start + rows};
}
