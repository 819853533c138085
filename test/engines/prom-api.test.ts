import {describe, expect, it} from 'vitest';
import {engineSelector, instanceOf, kindOfSeries, readingFromVectors} from '../../source/domain/engines/prom-api.js';
import {readEngineMetrics} from '../../source/domain/engines/metrics.js';

const at = 1796135148.423;
const v = (name: string, value: string, labels: Record<string, string> = {}) => ({metric: {__name__: name, instance: '127.0.0.1:30000', job: 'engines', model_name: 'mistral-small-4', ...labels}, value: [at, value] as [number, string]});

describe('Prometheus API answers as engine readings', () => {
	it('names the scrape target as Prometheus does and selects the engine\'s series', () => {
		expect(instanceOf('http://127.0.0.1:30000')).toBe('127.0.0.1:30000');
		expect(instanceOf('http://spark2')).toBe('spark2:80');
		expect(engineSelector('spark2:8001')).toBe('{instance="spark2:8001",__name__=~"sglang:.+|vllm:.+|llamacpp:.+"}');
	});

	it('turns a vector into the same reading a /metrics scrape gives, at the scrape\'s time', () => {
		const values = [
			v('sglang:generation_tokens_total', '530'),
			v('sglang:prompt_tokens_total', '216'),
			v('sglang:cached_tokens_total', '182'),
			v('sglang:num_running_reqs', '2'),
			v('sglang:time_to_first_token_seconds_bucket', '9', {le: '0.2'}),
			v('sglang:time_to_first_token_seconds_bucket', '12', {le: '+Inf'}),
			v('sglang:time_to_first_token_seconds_sum', '1.8'),
			v('sglang:time_to_first_token_seconds_count', '12'),
		];
		const {parsed, t} = readingFromVectors(values, [{metric: {instance: '127.0.0.1:30000', job: 'engines'}, value: [at, String(at - 0.4)]}]);
		expect(t).toBeCloseTo((at - 0.4) * 1000, 0);
		expect(kindOfSeries(values)).toBe('sglang');
		const reading = readEngineMetrics('sglang', parsed, 'default');
		expect(reading.models['mistral-small-4']).toMatchObject({counters: {generation: 530, prompt: 216, cacheHits: 182}, gauges: {running: 2}});
		expect(reading.models['mistral-small-4']!.ttft).toMatchObject({count: 12, sum: 1.8});
	});

	it('says which values were not numbers, and has no time without series', () => {
		const {parsed, t} = readingFromVectors([v('sglang:num_running_reqs', 'lots')], []);
		expect(parsed.errors).toEqual(['sglang:num_running_reqs: value "lots"']);
		expect(t).toBeNull();
	});
});
