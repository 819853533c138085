// Benchmark: parse a 1 MB SGLang-style /metrics body (many models' histograms and counters).
import type {Bench} from './types.js';
import {parsePrometheus} from '../domain/prometheus.js';

export function syntheticMetrics(targetBytes: number): string {
	const parts: string[] = [];
	let size = 0;
	const les = ['0.1', '0.2', '0.4', '0.6', '0.8', '1.0', '2.0', '4.0', '6.0', '8.0', '10.0', '20.0', '40.0', '+Inf'];
	for (let m = 0; size < targetBytes; m++) {
		const labels = `engine_type="unified",model_name="model-${m}",moe_ep_rank="0",pp_rank="0",tp_rank="0"`;
		const block = [
			`# HELP sglang:generation_tokens_total Number of generation tokens processed.`,
			`# TYPE sglang:generation_tokens_total counter`,
			`sglang:generation_tokens_total{${labels}} ${(m * 7919.5).toExponential(6)}`,
			`# HELP sglang:num_running_reqs The number of running requests.`,
			`# TYPE sglang:num_running_reqs gauge`,
			`sglang:num_running_reqs{${labels}} 3.0`,
			`# HELP sglang:time_to_first_token_seconds Histogram of time to first token in seconds.`,
			`# TYPE sglang:time_to_first_token_seconds histogram`,
			...les.map((le, i) => `sglang:time_to_first_token_seconds_bucket{le="${le}",${labels}} ${i * 10}.0`),
			`sglang:time_to_first_token_seconds_sum{${labels}} 123.456`,
			`sglang:time_to_first_token_seconds_count{${labels}} 130.0`,
		].join('\n');
		parts.push(block);
		size += block.length + 1;
	}
	return `${parts.join('\n')}\n`;
}

export const metricsParseBench: Bench = {
	id: 'metrics-parse',
	async run() {
		const body = syntheticMetrics(1024 * 1024);
		for (let i = 0; i < 3; i++) parsePrometheus(body);
		const rounds = 10;
		const t0 = performance.now();
		let samples = 0;
		for (let i = 0; i < rounds; i++) samples = parsePrometheus(body).samples.length;
		const ms = (performance.now() - t0) / rounds;
		return [
			{
				name: 'parse 1 MB /metrics body',
				value: `${ms.toFixed(1)} ms/parse`,
				method: `${samples} samples, mean of ${rounds} parses after 3 warm-ups`,
				raw: {msPerParse: ms, samples, bytes: body.length},
			},
		];
	},
};
