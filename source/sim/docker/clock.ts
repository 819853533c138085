// Docker's time formats: RFC3339 with nanoseconds (inspect, logs, stats) and Unix nanoseconds as a
// bigint (events' timeNano, logs' since/until).

const ZERO_TIME = '0001-01-01T00:00:00Z';

// Wall time read once, then advanced by the monotonic clock: events in one millisecond keep their order.
const WALL_AT_START = BigInt(Date.now()) * 1_000_000n;
const HR_AT_START = process.hrtime.bigint();

/** Nanoseconds since the epoch now, never going backwards. */
export function nowNs(): bigint {
	return WALL_AT_START + (process.hrtime.bigint() - HR_AT_START);
}

export function msToNs(ms: number): bigint {
	return BigInt(Math.round(ms)) * 1_000_000n;
}

/** 1764595190123456789n -> "2025-12-01T13:19:50.123456789Z" (trailing zeros trimmed, as Go does). */
export function rfc3339Nano(ns: bigint | null): string {
	if (ns === null) return ZERO_TIME;
	const ms = Number(ns / 1_000_000n);
	const base = new Date(ms).toISOString().slice(0, 19);
	const frac = (ns % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
	return `${base}${frac ? `.${frac}` : ''}Z`;
}

/**
 * A `since`/`until` query value as the daemon reads it: Unix seconds with an optional fraction
 * ("1700000000.5"), or an RFC3339 date. The CLI turns durations ("10m") into Unix seconds itself.
 */
export function parseTimeParam(value: string | null): bigint | null {
	if (value === null || value === '' || value === '0') return null;
	const unix = /^(\d+)(?:\.(\d{1,9}))?$/.exec(value);
	if (unix) return BigInt(unix[1]!) * 1_000_000_000n + BigInt((unix[2] ?? '').padEnd(9, '0') || '0');
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) return null;
	return msToNs(ms);
}
