// A finding as word-wrapped lines: the rule and events, the servers that reject it, the server's
// words and the fix. The why must be readable whole on a phone, so nothing here is cut mid-line.

import {wrapWords} from '../../domain/format.js';
import {SERVER_LABELS, type Finding} from '../../domain/openhands/finding.js';
import type {Token} from '../../theme/tokens.js';

export interface ToneLine {
	text: string;
	tone: Token;
}

const ids = (f: Finding) => f.eventIds.map(id => `#${id}`).join(', ');

/** Every line of one finding at `width` columns. */
export function findingLines(f: Finding, width: number): ToneLine[] {
	const wrap = (text: string, tone: Token) => wrapWords(text, width).map(line => ({text: line, tone}));
	return [
		...wrap(`! ${f.rule} at ${ids(f)}`, 'error'),
		...wrap(`rejected by: ${f.servers.map(s => SERVER_LABELS[s]).join('; ')}`, 'warn'),
		...wrap(f.message, 'text'),
		...wrap(`${f.fixAction ? 'x applies it · ' : ''}fix: ${f.fix}`, 'muted'),
	];
}

/** All findings on one event, a blank row between them (' ': Ink gives an empty Text no row). */
export function eventFindingLines(findings: readonly Finding[], width: number): ToneLine[] {
	return findings.flatMap((f, i) => [...(i > 0 ? [{text: ' ', tone: 'text' as const}] : []), ...findingLines(f, width)]);
}

/**
 * The selected event's first finding under the event list, in at most `rows` rows: the server's
 * words first, then the fix; when either is cut the last row says where to read it whole.
 */
export function findingFooter(findings: readonly Finding[], width: number, rows: number): ToneLine[] {
	const f = findings[0];
	if (!f || rows <= 0) return [];
	const more = findings.length > 1 ? ` (+${findings.length - 1} more on this event)` : '';
	const messageText = `${f.rule}${more}: ${f.message}`;
	const fixText = `${f.fixAction ? 'x: apply · ' : ''}fix: ${f.fix}`;
	const toned = (lines: string[], tone: Token) => lines.map(text => ({text, tone}));
	const message = wrapWords(messageText, width);
	const fix = wrapWords(fixText, width);
	if (message.length + fix.length <= rows) return [...toned(message, 'error'), ...toned(fix, 'muted')];
	if (rows === 1) return toned(wrapWords(messageText, width, 1), 'error');
	// One row for the hint; the fix gets a row (two when there is room), the message the rest.
	const fixRows = rows >= 6 ? 2 : rows >= 3 ? 1 : 0;
	const messageRows = rows - 1 - fixRows;
	return [
		...(messageRows > 0 ? toned(wrapWords(messageText, width, messageRows), 'error') : []),
		...(fixRows > 0 ? toned(wrapWords(fixText, width, fixRows), 'muted') : []),
		{text: 'Enter: the whole finding and the event', tone: 'accent' as const},
	].slice(0, rows);
}
