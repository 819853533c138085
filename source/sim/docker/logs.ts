// Container logs as the Engine API sends them: records picked by stream, since/until and tail,
// an optional RFC3339Nano timestamp per line, and for a container without a TTY the multiplexed
// framing (8-byte header: stream 1 = stdout, 2 = stderr, three zero bytes, big-endian length).

import {rfc3339Nano} from './clock.js';
import type {LogRecord} from './container.js';

export const MULTIPLEXED = 'application/vnd.docker.multiplexed-stream';

export interface LogQuery {
	stdout: boolean;
	stderr: boolean;
	since: bigint | null;
	until: bigint | null;
	/** null: all lines. */
	tail: number | null;
	timestamps: boolean;
}

export function wanted(record: LogRecord, q: LogQuery): boolean {
	if (record.stream === 'stdout' ? !q.stdout : !q.stderr) return false;
	if (q.since !== null && record.ns < q.since) return false;
	if (q.until !== null && record.ns > q.until) return false;
	return true;
}

export function selectLogs(records: readonly LogRecord[], q: LogQuery): LogRecord[] {
	const picked = records.filter(r => wanted(r, q));
	return q.tail === null ? picked : q.tail <= 0 ? [] : picked.slice(-q.tail);
}

/** `tail=all` or absent: everything; a number: the last N lines; anything else: everything (as the daemon does). */
export function parseTail(value: string | null): number | null {
	if (value === null || value === '' || value === 'all') return null;
	const n = Number(value);
	return Number.isInteger(n) && n >= 0 ? n : null;
}

export function frame(record: LogRecord, timestamps: boolean): Buffer {
	const payload = Buffer.from(timestamps ? `${rfc3339Nano(record.ns)} ${record.line}` : record.line, 'utf8');
	const header = Buffer.alloc(8);
	header[0] = record.stream === 'stdout' ? 1 : 2;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}
