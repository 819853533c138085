// SGLang with data-parallel attention (--tp 4 --dp 2 --enable-dp-attention): each DP rank's
// scheduler writes its own gauges, labelled with its global tp_rank and its dp_rank; with
// --enable-metrics-for-all-schedulers the second TP rank of each DP group repeats its group's
// figures. Running and queued requests and token counters are the sum over DP ranks, each counted once.
import {describe, expect, it} from 'vitest';
import {parsePrometheus} from '../../source/domain/prometheus.js';
import {readEngineMetrics} from '../../source/domain/engines/metrics.js';
import {readingFromVectors, type PromVectorItem} from '../../source/domain/engines/prom-api.js';

const model = 'mistral-small-4';
// attention TP size 2: global ranks 0,1 are DP rank 0; ranks 2,3 are DP rank 1.
const ranks = [
	{tp: 0, dp: 0, running: 3, queued: 1, decode: 4000, prefill: 900, radix: 1000},
	{tp: 1, dp: 0, running: 3, queued: 1, decode: 4000, prefill: 900, radix: 1000},
	{tp: 2, dp: 1, running: 5, queued: 2, decode: 6000, prefill: 1100, radix: 3000},
	{tp: 3, dp: 1, running: 5, queued: 2, decode: 6000, prefill: 1100, radix: 3000},
];
const labelsOf = (r: (typeof ranks)[number]) => ({dp_rank: String(r.dp), engine_type: 'unified', model_name: model, moe_ep_rank: '0', pp_rank: '0', tp_rank: String(r.tp)});
const text = (labels: Record<string, string>) =>
	Object.entries(labels)
		.map(([k, v]) => `${k}="${v}"`)
		.join(',');

interface Series {
	name: string;
	labels: Record<string, string>;
	value: number;
}

function series(): Series[] {
	const out: Series[] = [];
	for (const r of ranks) {
		const l = labelsOf(r);
		out.push({name: 'sglang:num_running_reqs', labels: l, value: r.running});
		out.push({name: 'sglang:num_queue_reqs', labels: l, value: r.queued});
		out.push({name: 'sglang:kv_evictable_tokens', labels: l, value: r.radix});
		out.push({name: 'sglang:max_total_num_tokens', labels: l, value: 200000});
		out.push({name: 'sglang:token_usage', labels: l, value: r.dp === 0 ? 0.1 : 0.25});
		out.push({name: 'sglang:realtime_tokens_total', labels: {...l, mode: 'decode'}, value: r.decode});
		out.push({name: 'sglang:realtime_tokens_total', labels: {...l, mode: 'prefill_compute'}, value: r.prefill});
		out.push({name: 'sglang:realtime_tokens_total', labels: {...l, mode: 'prefill_cache'}, value: 0});
	}
	// The tokenizer manager is one process: its counters carry no rank labels.
	out.push({name: 'sglang:prompt_tokens_total', labels: {model_name: model}, value: 2000});
	out.push({name: 'sglang:generation_tokens_total', labels: {model_name: model}, value: 9500});
	return out;
}

function exposition(): string {
	const lines: string[] = [];
	const seen = new Set<string>();
	for (const s of series()) {
		if (!seen.has(s.name)) {
			seen.add(s.name);
			lines.push(`# HELP ${s.name} ${s.name}.`, `# TYPE ${s.name} ${s.name.endsWith('_total') ? 'counter' : 'gauge'}`);
		}
		lines.push(`${s.name}{${text(s.labels)}} ${Number.isInteger(s.value) ? s.value.toFixed(1) : String(s.value)}`);
	}
	return lines.join('\n') + '\n';
}

const expected = {
	counters: {generation: 10000, prefill: 2000, prompt: 2000},
	gauges: {running: 8, queued: 3, radixTokens: 4000, maxTotalTokens: 400000, kvUsage: 0.25},
};

describe('SGLang with data-parallel attention', () => {
	it('adds every DP rank once from /metrics, not only rank 0 and not each TP rank again', () => {
		const reading = readEngineMetrics('sglang', parsePrometheus(exposition()), 'default');
		expect(reading.models[model]).toMatchObject(expected);
	});

	it('adds them the same way through the Prometheus API', () => {
		const at = 1796135148.423;
		const values: PromVectorItem[] = series().map(s => ({metric: {__name__: s.name, instance: '127.0.0.1:30000', job: 'engines', ...s.labels}, value: [at, String(s.value)]}));
		const {parsed} = readingFromVectors(values, [{metric: {instance: '127.0.0.1:30000', job: 'engines'}, value: [at, String(at)]}]);
		expect(readEngineMetrics('sglang', parsed, 'default').models[model]).toMatchObject(expected);
	});

	it('still counts a single-DP server with every TP rank reporting once', () => {
		const body = [0, 1, 2, 3].map(tp => `sglang:num_running_reqs{engine_type="unified",model_name="${model}",moe_ep_rank="0",pp_rank="0",tp_rank="${tp}"} 6.0`).join('\n') + '\n';
		expect(readEngineMetrics('sglang', parsePrometheus(body), 'default').models[model]?.gauges.running).toBe(6);
	});
});
