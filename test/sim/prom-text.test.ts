// Metric text rendering and histogram maths, as prometheus_client writes them.
import {describe, expect, it} from 'vitest';
import {buckets125, cumulativeBuckets, newHistogram, observe} from '../../source/sim/histogram.js';
import {pyFloat, renderFamilies} from '../../source/sim/prom-text.js';

describe('pyFloat', () => {
	it('prints floats the way prometheus_client does', () => {
		expect(pyFloat(3)).toBe('3.0');
		expect(pyFloat(0)).toBe('0.0');
		expect(pyFloat(0.28)).toBe('0.28');
		expect(pyFloat(8128902)).toBe('8.128902e+06');
		expect(pyFloat(10_000_000)).toBe('1e+07');
		expect(pyFloat(1785680695.4897301)).toBe('1.7856806954897301e+09');
		expect(pyFloat(Number.POSITIVE_INFINITY)).toBe('+Inf');
		expect(pyFloat(0.00001)).toBe('1e-05');
	});
});

describe('histogram', () => {
	it('counts a value equal to a bound into that bucket and keeps +Inf equal to the count', () => {
		const h = newHistogram([0.1, 0.5, 1]);
		observe(h, 0.1);
		observe(h, 0.7);
		observe(h, 3, 2);
		expect(cumulativeBuckets(h)).toEqual([
			[0.1, 1],
			[0.5, 1],
			[1, 2],
			[Number.POSITIVE_INFINITY, 4],
		]);
		expect(h.sum).toBeCloseTo(6.8);
	});

	it('builds vLLM 1-2-5 buckets up to max_model_len', () => {
		expect(buckets125(120)).toEqual([1, 2, 5, 10, 20, 50, 100]);
	});

	it('renders a histogram family with le last (vLLM) and a _created gauge family', () => {
		const h = newHistogram([1]);
		observe(h, 0.5);
		const text = renderFamilies([{type: 'histogram', name: 'vllm:x_seconds', help: 'X.', series: [{labels: [['model_name', 'm']], data: h}], created: 1700000000}], 'last');
		expect(text).toContain('vllm:x_seconds_bucket{model_name="m",le="1.0"} 1.0');
		expect(text).toContain('vllm:x_seconds_bucket{model_name="m",le="+Inf"} 1.0');
		expect(text).toContain('vllm:x_seconds_count{model_name="m"} 1.0');
		expect(text).toContain('# TYPE vllm:x_seconds_created gauge');
	});
});
