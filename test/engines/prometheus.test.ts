// Prometheus/OpenMetrics parser: the edge cases the engines and the spec produce.
import {describe, expect, it} from 'vitest';
import {readEngineMetrics, readsSeries} from '../../source/domain/engines/metrics.js';
import {newStats, recordFinish, recordPrefill, recordToken} from '../../source/sim/engine-stats.js';
import {renderSglangMetrics} from '../../source/sim/metrics-sglang.js';
import {renderVllmMetrics} from '../../source/sim/metrics-vllm.js';
import {parsePrometheus, select} from '../../source/domain/prometheus.js';

describe('parsePrometheus', () => {
	it('reads samples without HELP or TYPE as untyped families', () => {
		const p = parsePrometheus('foo 1\nbar{a="b"} 2.5\n');
		expect(p.samples.map(s => [s.name, s.value])).toEqual([
			['foo', 1],
			['bar', 2.5],
		]);
		expect(p.families.get('foo')?.type).toBe('untyped');
		expect(p.truncated).toBe(false);
		expect(p.errors).toEqual([]);
	});

	it('unescapes label values and HELP text', () => {
		const p = parsePrometheus('# HELP x a \\\\ b\\nc\n# TYPE x gauge\nx{path="C:\\\\DIR",msg="say \\"hi\\"\\nbye",} 1\n');
		expect(p.families.get('x')?.help).toBe('a \\ b\nc');
		expect(p.samples[0]!.labels).toEqual({path: 'C:\\DIR', msg: 'say "hi"\nbye'});
	});

	it('reads +Inf, -Inf, NaN, C++ inf/nan and exponents', () => {
		const p = parsePrometheus('a +Inf\nb -Inf\nc NaN\nd inf\ne nan\nf 8.128902e+06\ng 1e+06\n');
		const v = Object.fromEntries(p.samples.map(s => [s.name, s.value]));
		expect(v['a']).toBe(Infinity);
		expect(v['b']).toBe(-Infinity);
		expect(Number.isNaN(v['c'])).toBe(true);
		expect(v['d']).toBe(Infinity);
		expect(Number.isNaN(v['e'])).toBe(true);
		expect(v['f']).toBe(8128902);
		expect(v['g']).toBe(1e6);
	});

	it('keeps timestamps (ms in text format, seconds in OpenMetrics) including negative ones', () => {
		const text = parsePrometheus('x 1 1395066363000\ny{a="b"}    3 -3982045\n');
		expect(text.samples.map(s => s.timestamp)).toEqual([1395066363000, -3982045]);
		const om = parsePrometheus('# TYPE x gauge\nx 1 1395066363.5\n# EOF\n');
		expect(om.samples[0]!.timestamp).toBe(1395066363500);
	});

	it('groups histogram _bucket/_sum/_count and _created under the TYPE family, and never strips _total blindly', () => {
		const body = [
			'# TYPE vllm:iteration_tokens_total histogram',
			'vllm:iteration_tokens_total_bucket{le="1.0"} 3',
			'vllm:iteration_tokens_total_bucket{le="+Inf"} 5',
			'vllm:iteration_tokens_total_sum 40',
			'vllm:iteration_tokens_total_count 5',
			'# TYPE vllm:prompt_tokens_total counter',
			'vllm:prompt_tokens_total{model_name="m"} 100',
			'# TYPE vllm:prompt_tokens_created gauge',
			'vllm:prompt_tokens_created{model_name="m"} 1.785680695e+09',
			'',
		].join('\n');
		const p = parsePrometheus(body);
		expect(p.families.get('vllm:iteration_tokens_total')!.samples).toHaveLength(4);
		expect(select(p, 'vllm:prompt_tokens_total').map(s => s.value)).toEqual([100]);
		// The _created timestamp is its own name: no prefix match adds it to the token count.
		expect(select(p, 'vllm:prompt_tokens_created')[0]!.family).toBe('vllm:prompt_tokens_created');
	});

	it('accepts OpenMetrics counters declared without _total, # UNIT, exemplars and # EOF', () => {
		const body = '# TYPE req counter\n# UNIT req requests\nreq_total 7 # {trace_id="a"} 1 1.5\nreq_created 1.7e9\n# EOF\n';
		const p = parsePrometheus(body);
		expect(p.openMetrics).toBe(true);
		expect(p.truncated).toBe(false);
		expect(select(p, 'req_total')[0]).toMatchObject({value: 7, family: 'req'});
		expect(select(p, 'req_created')[0]!.family).toBe('req');
	});

	it('reports a truncated body, keeps what came before the cut, and does not throw', () => {
		const full = '# TYPE a counter\na_total 5\n# TYPE h histogram\nh_bucket{le="0.1"} 1\nh_bucket{le="1.0"} 2\nh_bucket{le="+Inf"} 3\nh_count 3\n';
		const cut = full.slice(0, full.indexOf('h_bucket{le="1.0"}') + 12);
		const p = parsePrometheus(cut);
		expect(p.truncated).toBe(true);
		expect(select(p, 'a_total')[0]!.value).toBe(5);
		expect(select(p, 'h_bucket')).toHaveLength(1);
		// A histogram that ends before le="+Inf" (cut at a line boundary) is also flagged.
		const atLine = parsePrometheus(full.slice(0, full.indexOf('h_bucket{le="+Inf"}')));
		expect(atLine.truncated).toBe(true);
		// OpenMetrics without # EOF.
		expect(parsePrometheus('# TYPE x counter\n# UNIT x s\nx_total 1\n').truncated).toBe(true);
	});

	it('does not take a value cut mid-number as real', () => {
		const p = parsePrometheus('a 12.47\nb 12.4');
		expect(p.samples.map(s => s.name)).toEqual(['a']);
		expect(p.truncated).toBe(true);
	});

	it('reports garbage lines with their numbers instead of throwing', () => {
		const p = parsePrometheus('ok 1\nbad{a="x" 2\nworse value\n9name 1\n');
		expect(p.samples.map(s => s.name)).toEqual(['ok']);
		expect(p.errors).toHaveLength(3);
		expect(p.errors[0]).toMatch(/^line 2:/);
	});

	it('handles CRLF and tabs', () => {
		const p = parsePrometheus('a\t1\r\nb{x="y"}\t2\r\n');
		expect(p.samples.map(s => s.value)).toEqual([1, 2]);
	});

	it('reads only the series a caller keeps, and the engine figures from them are the same as from the whole body', () => {
		const stats = newStats('vllm', 32768, 1_000_000);
		for (let i = 0; i < 40; i++) {
			recordPrefill(stats, 900 + i, 300, 0.02 * i, 0.1);
			for (let t = 0; t < 30; t++) recordToken(stats, 0.015 + t / 1000);
			recordFinish(stats, {promptTokens: 900 + i, cachedTokens: 300, completionTokens: 30, e2eSeconds: 1.2, decodeSeconds: 0.9, prefilled: true}, 'stop');
		}
		stats.running = 3;
		const bodies = {
			vllm: renderVllmMetrics({model: 'qwen3-coder', stats, numGpuBlocks: 4096, blockSize: 16}),
			sglang: renderSglangMetrics({model: 'mistral-small', stats, maxTotalTokens: 500_000, cacheTokens: 120_000}),
		};
		for (const [kind, body] of Object.entries(bodies) as Array<['vllm' | 'sglang', string]>) {
			const whole = parsePrometheus(body);
			const kept = parsePrometheus(body, readsSeries(kind));
			expect(readEngineMetrics(kind, kept, 'x')).toEqual(readEngineMetrics(kind, whole, 'x'));
			// The figures are there: the test compares something.
			expect(readEngineMetrics(kind, kept, 'x').models[kind === 'vllm' ? 'qwen3-coder' : 'mistral-small']?.ttft?.count).toBe(40);
			// What the engine figures do not read was passed over, and only that.
			expect(kept.samples).toEqual(whole.samples.filter(s => readsSeries(kind)(s.name)));
			expect(kept.samples.length).toBeLessThan(whole.samples.length);
		}
		// A name given inside the braces is judged once it is read.
		const quoted = parsePrometheus('{__name__="vllm:num_requests_running",model_name="m"} 2\n{__name__="python_gc_objects_collected_total"} 9\n', readsSeries('vllm'));
		expect(quoted.samples.map(s => [s.name, s.value])).toEqual([['vllm:num_requests_running', 2]]);
	});
});

