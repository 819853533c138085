// Unit formatting shared by panels and headless commands: bytes, rates, durations, clock times.

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 -> "1.5 KiB"; binary units, because /proc and Docker report powers of two. */
export function formatBytes(bytes: number | undefined | null, digits = 1): string {
	if (bytes === undefined || bytes === null || !Number.isFinite(bytes)) return '–';
	const sign = bytes < 0 ? '-' : '';
	let value = Math.abs(bytes);
	let unit = 0;
	while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	const shown = unit === 0 ? String(Math.round(value)) : value.toFixed(digits);
	return `${sign}${shown} ${BYTE_UNITS[unit]}`;
}

/** Ratio 0..1 as "42%"; values outside the range are clamped for display only. */
export function formatPercent(ratio: number | undefined | null, digits = 0): string {
	if (ratio === undefined || ratio === null || !Number.isFinite(ratio)) return '–';
	return `${(Math.max(0, Math.min(1, ratio)) * 100).toFixed(digits)}%`;
}

/** Tokens per second with sensible precision: "94.0", "1.2k". */
export function formatRate(perSecond: number | undefined | null): string {
	if (perSecond === undefined || perSecond === null || !Number.isFinite(perSecond)) return '–';
	if (perSecond >= 10_000) return `${(perSecond / 1000).toFixed(1)}k`;
	if (perSecond >= 100) return perSecond.toFixed(0);
	return perSecond.toFixed(1);
}

/** Milliseconds as "850ms", "1.2s", "3m04s". */
export function formatDuration(ms: number | undefined | null): string {
	if (ms === undefined || ms === null || !Number.isFinite(ms)) return '–';
	if (ms < 1000) return `${Math.round(ms)}ms`;
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
	const minutes = Math.floor(ms / 60_000);
	const seconds = Math.floor((ms % 60_000) / 1000);
	if (minutes < 60) return `${minutes}m${String(seconds).padStart(2, '0')}s`;
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** Local wall-clock time "12:03:07", used in "unreachable since ..." messages. */
export function formatClock(epochMs: number): string {
	const d = new Date(epochMs);
	return [d.getHours(), d.getMinutes(), d.getSeconds()].map(n => String(n).padStart(2, '0')).join(':');
}

/** Cut a string to a display width, marking the cut with an ellipsis. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (text.length <= width) return text;
	if (width <= ellipsis.length) return text.slice(0, width);
	return text.slice(0, width - ellipsis.length) + ellipsis;
}

/** Pad or cut to exactly `width` characters (for fixed columns). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	return align === 'left' ? cut.padEnd(width) : cut.padStart(width);
}

/**
 * Word-wrap `text` into at most `maxLines` lines of at most `width` columns (long words are cut);
 * when it does not fit, the last line ends with "…". For messages that must be read whole on a phone.
 */
export function wrapWords(text: string, width: number, maxLines = Infinity): string[] {
	const w = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
		let rest = word;
		while (rest.length > 0) {
			const gap = line ? 1 : 0;
			if (line.length + gap + rest.length <= w) {
				line += (gap ? ' ' : '') + rest;
				rest = '';
			} else if (!line && rest.length > w) {
				lines.push(rest.slice(0, w));
				rest = rest.slice(w);
			} else {
				lines.push(line);
				line = '';
			}
		}
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, Math.max(1, maxLines));
	const last = kept.length - 1;
	kept[last] = `${kept[last]!.slice(0, w - 1)}…`;
	return kept;
}
