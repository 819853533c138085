// Conformance: every engine fixture in ../shared/fixtures/engines is read by the production code.
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {FIXTURES} from '../support/paths.js';
import {parsePrometheus, select} from '../../source/domain/prometheus.js';
import {readEngineMetrics, readsSeries} from '../../source/domain/engines/metrics.js';
import {identifyEngine, firstModelId} from '../../source/domain/engines/identify.js';
import {ollamaMemory} from '../../source/domain/engines/memory.js';
import {readNdjsonLine} from '../../source/domain/engines/stream.js';
import {histogramQuantile} from '../../source/domain/histogram.js';

const DIR = path.join(FIXTURES, 'engines');
const HAVE = existsSync(DIR);
if (!HAVE) console.warn(`NOTICE: ${DIR} is absent: skipping engine fixture conformance tests.`);
const read = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
const json = (f: string) => JSON.parse(read(f)) as unknown;

/** Every fixture file has a check below; a new fixture without one fails this list. */
const CHECKED = new Set<string>();
const fixture = (name: string, fn: () => void) => {
	CHECKED.add(name);
	it.skipIf(!HAVE)(name, fn);
};

describe('engine fixtures', () => {
	fixture('prometheus_text_format_spec_example.prom', () => {
		const p = parsePrometheus(read('prometheus_text_format_spec_example.prom'));
		expect(p.errors).toEqual([]);
		expect(p.truncated).toBe(false);
		expect(select(p, 'http_requests_total', {code: '400'})[0]).toMatchObject({value: 3, timestamp: 1395066363000});
		expect(select(p, 'msdos_file_access_time_seconds')[0]!.labels).toEqual({path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"'});
		expect(select(p, 'something_weird')[0]).toMatchObject({value: Infinity, timestamp: -3982045});
		expect(p.families.get('http_request_duration_seconds')!.samples).toHaveLength(8);
		expect(p.families.get('telemetry_requests_metrics_latency_microseconds')!.type).toBe('summary');
	});

	fixture('sglang_metrics_docs_example.prom', () => {
		const p = parsePrometheus(read('sglang_metrics_docs_example.prom'));
		expect(p.errors).toEqual([]);
		const r = readEngineMetrics('sglang', p, 'x');
		const m = r.models['meta-llama/Llama-3.1-8B-Instruct']!;
		expect(m.counters.prompt).toBe(8128902);
		expect(m.counters.generation).toBe(7557572);
		expect(m.gauges.kvUsage).toBe(0.28);
		// The old histogram name for inter-token latency is read too.
		expect(m.itl?.count).toBeGreaterThan(0);
		expect(histogramQuantile(m.ttft!, 0.5)).toBeGreaterThan(0);
		// cache_hit_rate is in the body but deliberately not used.
		expect(JSON.stringify(m)).not.toContain('0.0075075');
		// The scrape parses only the series these figures read: the same figures.
		expect(readEngineMetrics('sglang', parsePrometheus(read('sglang_metrics_docs_example.prom'), readsSeries('sglang')), 'x')).toEqual(r);
	});

	fixture('ollama_api_ps.json', () => {
		const mem = ollamaMemory(json('ollama_api_ps.json'))!;
		expect(mem.items).toEqual([{label: 'mistral:latest', bytes: 5137025024, vramBytes: 5137025024}]);
	});

	fixture('ollama_api_version.json', () => {
		expect(identifyEngine({ollamaVersion: json('ollama_api_version.json')})).toEqual({kind: 'ollama', version: '0.5.1', model: null});
	});

	fixture('llamacpp_props_readme.json', () => {
		expect(identifyEngine({llamacppProps: json('llamacpp_props_readme.json')})?.kind).toBe('llamacpp');
	});

	fixture('llamacpp_v1_models_readme.json', () => {
		expect(firstModelId(json('llamacpp_v1_models_readme.json'))).toEqual(expect.any(String));
	});

	fixture('vllm_v1_models_with_lora_aibrix_docs.json', () => {
		// The base model, not a LoRA adapter (those carry a parent).
		const body = json('vllm_v1_models_with_lora_aibrix_docs.json') as {data: Array<{id: string; parent: string | null}>};
		const base = body.data.find(d => d.parent == null)!.id;
		expect(firstModelId(body)).toBe(base);
	});

	fixture('llamacpp_slots_readme.json', () => {
		// Slots are not used for figures; they must at least not be mistaken for an engine identity.
		expect(identifyEngine({llamacppProps: json('llamacpp_slots_readme.json')})).toBeNull();
	});

	fixture('ollama_api_generate_stream.ndjson', () => {
		const events = read('ollama_api_generate_stream.ndjson').split('\n').flatMap(readNdjsonLine).filter(e => e.type !== 'ignore');
		expect(events.filter(e => e.type === 'delta').length).toBeGreaterThan(1);
		expect(events.at(-1)).toEqual({type: 'done'});
	});

	fixture('ollama_api_generate_stream_midstream_error.ndjson', () => {
		const events = read('ollama_api_generate_stream_midstream_error.ndjson').split('\n').flatMap(readNdjsonLine).filter(e => e.type !== 'ignore');
		expect(events.at(-1)).toEqual({type: 'error', message: 'an error was encountered while running the model'});
	});

	fixture('ollama_api_generate_stream_final_chunk.json', () => {
		const events = readNdjsonLine(JSON.stringify(json('ollama_api_generate_stream_final_chunk.json')));
		const usage = events.find(e => e.type === 'usage');
		expect(usage).toMatchObject({type: 'usage', completionTokens: expect.any(Number)});
		expect((usage as {serverDecodeTps: number}).serverDecodeTps).toBeGreaterThan(0);
	});

	fixture('ollama_api_chat_stream_final_chunk.json', () => {
		const events = readNdjsonLine(JSON.stringify(json('ollama_api_chat_stream_final_chunk.json')));
		expect(events.some(e => e.type === 'done')).toBe(true);
	});

	fixture('ollama_api_tags.json', () => {
		// /api/tags lists models on disk, not loaded ones: it must not be read as memory in use.
		const tags = json('ollama_api_tags.json') as {models: unknown[]};
		expect(tags.models.length).toBeGreaterThan(0);
		expect(identifyEngine({ollamaVersion: tags})).toBeNull();
	});

	fixture('ollama_error_response.json', () => {
		expect(readNdjsonLine(read('ollama_error_response.json').replace(/\n/g, ' '))).toEqual([{type: 'error', message: 'the model failed to generate a response'}]);
	});

	it.skipIf(!HAVE)('has a check for every fixture file', () => {
		const files = readdirSync(DIR).filter(f => f !== 'SOURCES.md');
		expect(files.filter(f => !CHECKED.has(f))).toEqual([]);
	});
});
