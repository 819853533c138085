// Python's json.dumps output (separators ", " and ": ", ensure_ascii), the way OpenHands V0 writes
// events/<n>.json, plus Python-style float text for whole numbers stored as floats.

/** A number that Python would print as a float (e.g. 0.0 for accumulated_cost). */
export class PyFloat {
	constructor(readonly value: number) {}
}

export function pyDumps(value: unknown, compact = false): string {
	const [item, key] = compact ? [',', ':'] : [', ', ': '];
	if (value === null || value === undefined) return 'null';
	if (value instanceof PyFloat) return Number.isInteger(value.value) ? `${value.value}.0` : String(value.value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return asciiString(value);
	if (Array.isArray(value)) return `[${value.map(v => pyDumps(v, compact)).join(item)}]`;
	const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
	return `{${entries.map(([k, v]) => `${asciiString(k)}${key}${pyDumps(v, compact)}`).join(item)}}`;
}

function asciiString(text: string): string {
	return JSON.stringify(text).replace(/[\u007f-\uffff]/g, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python's datetime.now().isoformat(): naive local time with microseconds. */
export function naiveLocalIso(at: Date, micros = 0): string {
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds() * 1000 + micros, 6)}`;
}

/** metadata.json's pydantic datetime: UTC with microseconds and a Z. */
export function utcIsoZ(at: Date, micros = 0): string {
	return `${at.toISOString().slice(0, 19)}.${String(at.getUTCMilliseconds() * 1000 + micros).padStart(6, '0')}Z`;
}
