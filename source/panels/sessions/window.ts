// Short forms of OpenHands' timestamps for the session and event lists.

export function pad(text: string, width: number): string {
	return text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}

/** "2025-07-09T13:41:11.259454" → "13:41:11"; dates other than today keep "07-09 13:41". */
export function shortTime(timestamp: string | null): string {
	if (!timestamp) return '--:--:--';
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(timestamp);
	return match ? `${match[4]}:${match[5]}:${match[6]}` : timestamp.slice(0, 8);
}

export function shortDate(timestamp: string | null): string {
	if (!timestamp) return '-';
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(timestamp);
	return match ? `${match[2]}-${match[3]} ${match[4]}:${match[5]}` : timestamp.slice(0, 11);
}
