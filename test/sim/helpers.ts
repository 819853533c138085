// Test helpers for the simulated stack: read SSE/NDJSON streams and pick samples out of /metrics.

export interface SseResult {
	events: unknown[];
	done: boolean;
	raw: string;
}

export async function readSse(res: Response): Promise<SseResult> {
	const raw = await res.text();
	const events: unknown[] = [];
	let done = false;
	for (const block of raw.split('\n\n')) {
		const line = block.trim();
		if (!line.startsWith('data: ')) continue;
		const data = line.slice(6);
		if (data === '[DONE]') done = true;
		else events.push(JSON.parse(data));
	}
	return {events, done, raw};
}

/** The value of the one sample of `name` whose labels include every pair in `match`. */
export function metric(text: string, name: string, match: Record<string, string> = {}): number {
	const values: number[] = [];
	for (const line of text.split('\n')) {
		if (line.startsWith('#') || !line.startsWith(name)) continue;
		const m = /^([^{\s]+)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
		if (!m || m[1] !== name) continue;
		const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(x => [x[1], x[2]]));
		if (Object.entries(match).every(([k, v]) => labels[k] === v)) values.push(Number(m[3]));
	}
	if (values.length !== 1) throw new Error(`${name} ${JSON.stringify(match)}: expected one sample, found ${values.length}`);
	return values[0]!;
}

export function chatBody(model: string, content: string, extra: Record<string, unknown> = {}): string {
	return JSON.stringify({model, messages: [{role: 'user', content}], ...extra});
}

/** Keys and JSON types of an object, recursively (arrays: the first element's shape). */
export function shape(value: unknown): unknown {
	if (value === null) return 'null';
	if (Array.isArray(value)) return value.length ? [shape(value[0])] : [];
	if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shape(v)]));
	return typeof value;
}
