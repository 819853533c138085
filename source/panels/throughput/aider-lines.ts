// Per-session token counts of the embedded Aider sessions, shown under the engines: they are the
// same tokens seen from the client side (sent = prompt, received = completion).

import {fit} from '../../domain/format.js';
import {formatTokenCount} from '../../domain/aider/tokens.js';
import type {PanelLine} from './lines.js';

export interface AiderTotals {
	id: string;
	title: string;
	sent: number;
	received: number;
	messages: number;
}

export function aiderTokenLines(totals: readonly AiderTotals[], width: number): PanelLine[] {
	if (totals.length === 0) return [];
	const lines: PanelLine[] = [{key: 'ah', text: 'Aider sessions (tokens sent / received)', tone: 'muted', row: -2, selected: false}];
	for (const t of totals) {
		const figures = ` ${formatTokenCount(t.sent)} / ${formatTokenCount(t.received)}  ${t.messages} msg`;
		lines.push({key: `a${t.id}`, text: `  ${fit(t.title, Math.max(4, width - figures.length - 2))}${figures}`, tone: 'text', row: -2, selected: false});
	}
	return lines;
}
