// Prometheus text format (0.0.4) and OpenMetrics parser: never throws; reports what it parsed,
// what it could not, and whether the body looks truncated.

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped' | 'info' | 'gaugehistogram' | 'stateset' | 'unknown';

export interface Sample {
	/** Full sample name as exposed, e.g. `vllm:ttft_seconds_bucket`. */
	name: string;
	labels: Readonly<Record<string, string>>;
	value: number;
	/** Milliseconds since the epoch when the line carried one (OpenMetrics seconds are converted). */
	timestamp?: number;
	/** The family (TYPE/HELP name) this sample belongs to. */
	family: string;
}

export interface Family {
	name: string;
	type: MetricType;
	help?: string;
	samples: Sample[];
}

export interface ParsedMetrics {
	/** Families by name, in order of first appearance. */
	families: Map<string, Family>;
	samples: Sample[];
	/** Samples by exact name (never a prefix match: `_created` is a separate name). */
	byName: Map<string, Sample[]>;
	/** Lines that could not be read, with their 1-based line numbers (the first MAX_PARSE_ERRORS, then a count). */
	errors: string[];
	/** How many lines could not be read, all of them. */
	errorCount: number;
	openMetrics: boolean;
	/** The body ended mid-line, or OpenMetrics without `# EOF`, or a histogram stopped before +Inf. */
	truncated: boolean;
}

const SUFFIXES: Record<string, readonly string[]> = {
	histogram: ['_bucket', '_sum', '_count', '_created'],
	gaugehistogram: ['_bucket', '_gsum', '_gcount'],
	summary: ['_sum', '_count', '_created'],
	counter: ['_total', '_created'],
	info: ['_info'],
};

/** Go/Python float syntax plus C++ `inf`/`nan` in any case (check with isNumberText first). */
export function parseValue(text: string): number {
	const t = text.toLowerCase();
	if (t === '+inf' || t === 'inf' || t === '+infinity' || t === 'infinity') return Infinity;
	if (t === '-inf' || t === '-infinity') return -Infinity;
	if (t === 'nan') return NaN;
	return Number(text);
}

function isNumberText(text: string): boolean {
	return /^[+-]?(inf|infinity|nan)$/i.test(text) || /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text);
}

function unescapeHelp(text: string): string {
	return text.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

/** Real series carry a handful of labels; a line with thousands is hostile or broken, and is refused. */
export const MAX_LABELS = 128;

/** Reads `{a="x",b="y",}` starting at `i` (the `{`); returns labels and the index after `}`, null, or 'too-many'. */
function readLabels(line: string, start: number): {labels: Record<string, string>; end: number} | null | 'too-many' {
	const labels: Record<string, string> = {};
	let count = 0;
	let i = start + 1;
	const n = line.length;
	for (;;) {
		while (i < n && (line[i] === ' ' || line[i] === '\t' || line[i] === ',')) i++;
		if (i >= n) return null;
		if (line[i] === '}') return {labels, end: i + 1};
		const nameStart = i;
		let name: string;
		if (line[i] === '"') {
			// OpenMetrics 2 / UTF-8 quoted label names.
			const q = readQuoted(line, i);
			if (!q) return null;
			name = q.value;
			i = q.end;
		} else {
			while (i < n && isNameChar(line.charCodeAt(i))) i++;
			name = line.slice(nameStart, i);
		}
		while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
		if (!name || line[i] !== '=') return null;
		i++;
		while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
		if (line[i] !== '"') return null;
		const q = readQuoted(line, i);
		if (!q) return null;
		if (++count > MAX_LABELS) return 'too-many';
		labels[name] = q.value;
		i = q.end;
	}
}

function isNameChar(c: number): boolean {
	// A-Z a-z 0-9 _ : .
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 46;
}

function readQuoted(line: string, start: number): {value: string; end: number} | null {
	// Fast path: no escapes before the closing quote. The backslash is looked for inside the value only:
	// searching the rest of the line for each label made a 200k-label line quadratic.
	const close = line.indexOf('"', start + 1);
	if (close < 0) return null;
	const value = line.slice(start + 1, close);
	if (!value.includes('\\')) return {value, end: close + 1};
	let out = '';
	let i = start + 1;
	while (i < line.length) {
		const c = line[i]!;
		if (c === '\\') {
			const next = line[i + 1];
			if (next === undefined) return null;
			out += next === 'n' ? '\n' : next;
			i += 2;
			continue;
		}
		if (c === '"') return {value: out, end: i + 1};
		out += c;
		i++;
	}
	return null;
}

/** The family a sample belongs to: the TYPE'd name it extends, or its own name. */
function familyOf(name: string, families: Map<string, Family>): string {
	if (families.has(name)) {
		const f = families.get(name)!;
		// `x_total` declared as a counter family in text format: the sample is the family.
		if (f.type !== 'histogram' && f.type !== 'summary' && f.type !== 'gaugehistogram') return name;
	}
	for (const [type, suffixes] of Object.entries(SUFFIXES)) {
		for (const suffix of suffixes) {
			if (!name.endsWith(suffix)) continue;
			const base = name.slice(0, -suffix.length);
			const f = families.get(base);
			if (f && (f.type === type || (type === 'counter' && f.type === 'counter'))) return base;
		}
	}
	return name;
}

/** At most this many unreadable lines are described; the rest are counted in one last entry. */
export const MAX_PARSE_ERRORS = 20;

/**
 * `keep`: read only the samples whose name it accepts. A big vLLM's /metrics is about 200 KB, mostly
 * series the cockpit never shows (Python's GC, HTTP, a dozen histograms); the others are passed over
 * by name, before their labels and value are read, and so are neither kept nor checked. HELP and
 * TYPE lines are read for every family.
 */
export function parsePrometheus(body: string, keep?: (name: string) => boolean): ParsedMetrics {
	const families = new Map<string, Family>();
	const samples: Sample[] = [];
	const byName = new Map<string, Sample[]>();
	const errors: string[] = [];
	let moreErrors = 0;
	const error = (text: string) => {
		if (errors.length < MAX_PARSE_ERRORS) errors.push(text);
		else moreErrors++;
	};
	let openMetrics = false;
	let sawEof = false;
	// Sample name → family; cleared when a TYPE line changes what a suffix belongs to.
	const familyCache = new Map<string, string>();
	let truncated = false;

	const lines = body.split('\n');
	// A body that does not end with a newline ends mid-line, unless it ends with `# EOF`.
	const endsClean = body.length === 0 || body.endsWith('\n') || /#\s*EOF\s*$/.test(body);
	if (!endsClean) truncated = true;

	const family = (name: string): Family => {
		let f = families.get(name);
		if (!f) {
			f = {name, type: 'untyped', samples: []};
			families.set(name, f);
		}
		return f;
	};

	for (let index = 0; index < lines.length; index++) {
		const raw = lines[index]!;
		const line = raw.trim();
		if (line === '') continue;
		const lastLine = index === lines.length - 1 && !endsClean;
		if (line.startsWith('#')) {
			const parts = line.slice(1).trim().split(/[ \t]+/);
			const keyword = parts[0];
			if (keyword === 'EOF') {
				sawEof = true;
				openMetrics = true;
				break;
			}
			if ((keyword === 'HELP' || keyword === 'TYPE' || keyword === 'UNIT') && parts[1]) {
				const name = parts[1];
				const rest = line.slice(1).trim().slice(keyword.length).trim().slice(name.length).trim();
				if (keyword === 'HELP') family(name).help = unescapeHelp(rest);
				else if (keyword === 'TYPE') {
					familyCache.clear();
					const type = rest.toLowerCase() as MetricType;
					family(name).type = ['counter', 'gauge', 'histogram', 'summary', 'untyped', 'info', 'gaugehistogram', 'stateset', 'unknown'].includes(type)
						? type
						: 'untyped';
				} else openMetrics = true;
			}
			continue;
		}
		// Sample line.
		let i = 0;
		for (let c = line.charCodeAt(0); i < line.length && c !== 123 && c !== 32 && c !== 9; c = line.charCodeAt(++i));
		let name = line.slice(0, i);
		// A name given inside the braces (__name__) is read before it is judged.
		if (keep && name !== '' && !keep(name)) continue;
		let labels: Record<string, string> = {};
		if (line[i] === '{') {
			const read = readLabels(line, i);
			if (read === 'too-many') {
				if (!lastLine) error(`line ${index + 1}: more than ${MAX_LABELS} labels; skipped: ${truncateText(line)}`);
				continue;
			}
			if (!read) {
				if (!lastLine) error(`line ${index + 1}: unreadable labels: ${truncateText(line)}`);
				continue;
			}
			labels = read.labels;
			i = read.end;
			if (name === '' && '__name__' in labels) {
				name = labels['__name__']!;
				const {__name__: _dropped, ...rest} = labels;
				labels = rest;
				if (keep && !keep(name)) continue;
			}
		}
		if (!/^[A-Za-z_:][A-Za-z0-9_:]*$/.test(name)) {
			if (!lastLine) error(`line ${index + 1}: bad metric name: ${truncateText(line)}`);
			continue;
		}
		let tail = line.slice(i).trim();
		// OpenMetrics exemplar: ` # {labels} value [ts]`.
		const hash = tail.indexOf(' # ');
		if (hash >= 0) tail = tail.slice(0, hash).trim();
		const tokens = tail.split(/[ \t]+/).filter(Boolean);
		if (tokens.length < 1 || tokens.length > 2 || !isNumberText(tokens[0]!) || (tokens[1] !== undefined && !isNumberText(tokens[1]))) {
			if (!lastLine) error(`line ${index + 1}: bad value: ${truncateText(line)}`);
			continue;
		}
		if (lastLine) {
			// Mid-line cut: "12.4" might have been "12.47". Report it, don't trust it.
			continue;
		}
		const value = parseValue(tokens[0]!);
		let timestamp: number | undefined;
		if (tokens[1] !== undefined) {
			const ts = Number(tokens[1]);
			// OpenMetrics timestamps are float seconds; text-format ones are integer milliseconds.
			timestamp = openMetrics || tokens[1].includes('.') ? ts * 1000 : ts;
		}
		let fam = familyCache.get(name);
		if (fam === undefined) {
			fam = familyOf(name, families);
			familyCache.set(name, fam);
		}
		const sample: Sample = {name, labels, value, family: fam};
		if (timestamp !== undefined) sample.timestamp = timestamp;
		samples.push(sample);
		family(sample.family).samples.push(sample);
		const list = byName.get(name);
		if (list) list.push(sample);
		else byName.set(name, [sample]);
	}

	if (moreErrors > 0) errors.push(`… and ${moreErrors} more unreadable lines`);
	if (openMetrics && !sawEof) truncated = true;
	// A histogram whose last series stops before le="+Inf" was cut off.
	for (const f of families.values()) {
		if (f.type !== 'histogram' || f.samples.length === 0) continue;
		const last = f.samples[f.samples.length - 1]!;
		if (last === samples.at(-1) && last.name === `${f.name}_bucket` && last.labels['le'] !== '+Inf') truncated = true;
	}
	return {families, samples, byName, errors, errorCount: errors.length - (moreErrors > 0 ? 1 : 0) + moreErrors, openMetrics, truncated};
}

function truncateText(line: string): string {
	return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** Samples named exactly `name` whose labels match every entry of `where` (a missing label matches ''). */
export function select(parsed: ParsedMetrics, name: string, where: Record<string, string> = {}): Sample[] {
	const list = parsed.byName.get(name) ?? [];
	const keys = Object.keys(where);
	if (keys.length === 0) return list;
	return list.filter(s => keys.every(k => (s.labels[k] ?? '') === where[k]));
}
