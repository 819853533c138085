// Prometheus text exposition 0.0.4 as prometheus_client writes it: HELP/TYPE per family, label
// values escaped, floats in Python's repr style ("3.0", "8.128902e+06"), optional `_created` gauges.

import {cumulativeBuckets, type HistogramData} from './histogram.js';

export type Labels = ReadonlyArray<readonly [string, string]>;

export interface Sample {
	labels: Labels;
	value: number;
}

export type Family =
	| {type: 'gauge' | 'counter'; name: string; help: string; samples: Sample[]; created?: number}
	| {type: 'histogram'; name: string; help: string; series: Array<{labels: Labels; data: HistogramData}>; created?: number};

/** Python repr of a float, then prometheus_client's floatToGoString exponent rule. */
export function pyFloat(value: number): string {
	if (value === Number.POSITIVE_INFINITY) return '+Inf';
	if (value === Number.NEGATIVE_INFINITY) return '-Inf';
	if (Number.isNaN(value)) return 'NaN';
	let s = pythonRepr(value);
	const dot = s.indexOf('.');
	if (value > 0 && dot > 6 && !s.includes('e')) {
		const mantissa = `${s[0]}.${s.slice(1, dot)}${s.slice(dot + 1)}`.replace(/[0.]+$/, '');
		s = `${mantissa}e+0${dot - 1}`;
	}
	return s;
}

function pythonRepr(value: number): string {
	if (Object.is(value, -0)) return '-0.0';
	const abs = Math.abs(value);
	if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
		// Python: 1e+16, 1.5e-05 (two-digit exponent at least).
		const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
		const sign = exponent.startsWith('-') ? '-' : '+';
		const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
		return `${mantissa}e${sign}${digits}`;
	}
	const s = String(value);
	return s.includes('.') ? s : `${s}.0`;
}

export function escapeLabelValue(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

export function renderLabels(labels: Labels): string {
	if (labels.length === 0) return '';
	return `{${labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

function escapeHelp(text: string): string {
	return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Where `le` goes: SGLang (multiprocess) sorts label names; vLLM appends `le` last. */
export type LeOrder = 'sorted' | 'last';

export function renderFamilies(families: readonly Family[], leOrder: LeOrder): string {
	const out: string[] = [];
	for (const family of families) {
		out.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
		const labelSets: Labels[] = [];
		if (family.type === 'histogram') {
			const base = family.name;
			for (const {labels, data} of family.series) {
				labelSets.push(labels);
				for (const [le, count] of cumulativeBuckets(data)) {
					const withLe: Labels = leOrder === 'last' ? [...labels, ['le', pyFloat(le)]] : sortLabels([...labels, ['le', pyFloat(le)]]);
					out.push(`${base}_bucket${renderLabels(withLe)} ${pyFloat(count)}`);
				}
				out.push(`${base}_count${renderLabels(labels)} ${pyFloat(data.count)}`);
				out.push(`${base}_sum${renderLabels(labels)} ${pyFloat(data.sum)}`);
			}
		} else {
			for (const sample of family.samples) {
				labelSets.push(sample.labels);
				out.push(`${family.name}${renderLabels(sample.labels)} ${pyFloat(sample.value)}`);
			}
		}
		if (family.created !== undefined) {
			const stem = family.type === 'counter' ? family.name.replace(/_total$/, '') : family.name;
			out.push(`# HELP ${stem}_created ${escapeHelp(family.help)}`, `# TYPE ${stem}_created gauge`);
			for (const labels of labelSets) out.push(`${stem}_created${renderLabels(labels)} ${pyFloat(family.created)}`);
		}
	}
	return `${out.join('\n')}\n`;
}

export function sortLabels(labels: Labels): Labels {
	return [...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
