// The `filters` query parameter of the Engine API: JSON of name -> values, either as a list
// ({"status":["running"]}) or, from older clients, as a set ({"status":{"running":true}}).

export type Filters = Record<string, string[]>;

export class FilterError extends Error {}

export function parseFilters(raw: string | null): Filters {
	if (!raw) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw new FilterError(`invalid filter: ${raw}`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new FilterError(`invalid filter: ${raw}`);
	const out: Filters = {};
	for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
		if (Array.isArray(value)) out[key] = value.map(String);
		else if (value && typeof value === 'object') out[key] = Object.entries(value as Record<string, unknown>).filter(([, on]) => on === true).map(([v]) => v);
		else throw new FilterError(`invalid filter '${key}'`);
	}
	return out;
}

/** No values for `key` means "no constraint"; otherwise any one value must match. */
export function anyMatch(filters: Filters, key: string, test: (value: string) => boolean): boolean {
	const values = filters[key];
	return !values || values.length === 0 || values.some(test);
}

/** label=key or label=key=value against a label map. */
export function labelMatch(filters: Filters, labels: Record<string, string>): boolean {
	const values = filters['label'];
	if (!values || values.length === 0) return true;
	return values.every(v => {
		const eq = v.indexOf('=');
		return eq < 0 ? v in labels : labels[v.slice(0, eq)] === v.slice(eq + 1);
	});
}

const CONTAINER_FILTERS = new Set(['id', 'name', 'status', 'label', 'ancestor', 'exited', 'before', 'since', 'health', 'network', 'volume', 'publish', 'expose', 'isolation', 'is-task']);

export function checkContainerFilters(filters: Filters): void {
	for (const key of Object.keys(filters)) if (!CONTAINER_FILTERS.has(key)) throw new FilterError(`invalid filter '${key}'`);
	for (const status of filters['status'] ?? []) {
		if (!['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'].includes(status))
			throw new FilterError(`invalid filter 'status=${status}'`);
	}
}
