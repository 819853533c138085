// Fuzz: every parser of outside input gets at least 1,000 inputs mutated from the real fixtures (bit
// flips, hostile bytes, cut, repeated and spliced ranges). No input may throw (except a parser's own
// documented error type), and none may take more than a ratio of the median time for that parser
// (a slow input is measured again, so a GC pause on a noisy machine does not count).
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parsePrometheus} from '../../source/domain/prometheus.js';
import {readEngineMetrics} from '../../source/domain/engines/metrics.js';
import {parseEvent} from '../../source/domain/openhands/event.js';
import {decodeJson} from '../../source/sources/openhands/read-json.js';
import {parseChatHistory} from '../../source/domain/aider/history-parser.js';
import {TomlEditError, readTomlValue, setTomlValue} from '../../source/domain/text/toml-edit.js';
import {parseMeminfo} from '../../source/domain/meminfo.js';
import {parseNvidiaSmi} from '../../source/domain/engines/nvidia-smi.js';
import {readNdjsonLine, readSseData} from '../../source/domain/engines/stream.js';
import {maskSecrets, maskString} from '../../source/domain/secrets.js';
import {printable} from '../../source/domain/text/printable.js';
import {createLineSplitter} from '../../source/sources/docker/event-lines.js';
import {FIXTURES, HAVE_FIXTURES, REPO_ROOT, noticeMissingFixtures} from '../support/paths.js';

const INPUTS = 1000;
/** An input may take this many times the parser's median, with a floor for sub-millisecond medians. */
const RATIO = 100;
const FLOOR_MS = 20;

/** Small deterministic PRNG (mulberry32): the same inputs every run, so a failure reproduces. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const HOSTILE = ['\u001b[2J', '\u001b]0;x\u0007', '"', "'", '\\', '{', '}', '[', ']', '[[', '"""', '\n', '\r\n', '\u0000', '#', '=', ',', 'é', '日本', '🚀', '\ufffd', 'NaN', '1e999', '-', '.', 'k', ' ', '\t', 'le="+Inf"', '}}}}', '{{{{'];

function mutate(source: string, other: string, random: () => number): string {
	let s = source;
	const steps = 1 + Math.floor(random() * 4);
	for (let k = 0; k < steps; k++) {
		const at = Math.floor(random() * (s.length + 1));
		const len = Math.floor(random() * Math.min(64, s.length + 1));
		switch (Math.floor(random() * 7)) {
			case 0: // flip a character
				s = s.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x300)) + s.slice(at + 1);
				break;
			case 1:
				s = s.slice(0, at) + HOSTILE[Math.floor(random() * HOSTILE.length)] + s.slice(at);
				break;
			case 2:
				s = s.slice(0, at) + s.slice(at + len);
				break;
			case 3: // repeat a range many times
				s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + Math.floor(random() * 50)) + s.slice(at + len);
				break;
			case 4:
				s = s.slice(0, at);
				break;
			case 5: {
				const from = Math.floor(random() * other.length);
				s = s.slice(0, at) + other.slice(from, from + 200) + s.slice(at);
				break;
			}
			default:
				s = s.slice(at) + s.slice(0, at);
		}
	}
	return s.slice(0, 64 * 1024);
}

function fuzz(name: string, seeds: readonly string[], run: (input: string) => void, allowed: (error: unknown) => boolean = () => false): void {
	it(`${name}: ${INPUTS} mutated inputs, no escaped throw, none far slower than the median`, () => {
		expect(seeds.length).toBeGreaterThan(0);
		const random = rng(name.length * 7919 + seeds.length);
		const inputs = Array.from({length: INPUTS}, (_, k) => mutate(seeds[k % seeds.length]!, seeds[(k * 7 + 3) % seeds.length]!, random));
		const times: number[] = [];
		const thrown: string[] = [];
		const timed = (input: string): number => {
			const t0 = performance.now();
			try {
				run(input);
			} catch (error) {
				if (!allowed(error)) thrown.push(`${(error as Error).stack?.split('\n').slice(0, 3).join(' | ')} on ${JSON.stringify(input.slice(0, 120))}`);
			}
			return performance.now() - t0;
		};
		for (const input of inputs) times.push(timed(input));
		expect(thrown.slice(0, 3)).toEqual([]);
		const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
		const limit = Math.max(median * RATIO, FLOOR_MS);
		const slow = inputs.filter((input, k) => times[k]! > limit && Math.min(timed(input), timed(input), timed(input)) > limit);
		expect(slow.map(s => `${s.length} chars: ${JSON.stringify(s.slice(0, 80))}`)).toEqual([]);
	});
}

const read = (file: string) => readFileSync(file, 'utf8');
function files(dir: string, match: RegExp, limit = 40): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, {withFileTypes: true})) {
			if (out.length >= limit) return;
			const p = path.join(d, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (match.test(entry.name)) out.push(p);
		}
	};
	walk(dir);
	return out;
}

noticeMissingFixtures('fuzz seeds from');
const OWN_EVENTS = files(path.join(REPO_ROOT, 'test', 'fixtures', 'openhands', 'state'), /^\d+\.json$/).map(read);
const EVENT_SEEDS = HAVE_FIXTURES ? [...OWN_EVENTS, ...files(path.join(FIXTURES, 'openhands', 'v0-file-store-0.48.0'), /^\d+\.json$/).map(read)] : OWN_EVENTS;
const PROM_SEEDS = HAVE_FIXTURES ? files(path.join(FIXTURES, 'engines'), /\.prom$/).map(read) : ['# TYPE x counter\nx_total{a="b"} 1\n'];
const NDJSON_SEEDS = HAVE_FIXTURES ? files(path.join(FIXTURES, 'engines'), /\.ndjson$/).flatMap(f => read(f).split('\n').filter(Boolean)) : ['{"done":false,"response":"a"}'];
const TOML_SEEDS = [read(path.join(REPO_ROOT, 'test', 'fixtures', 'openhands', 'state', 'config.toml')), '[agent]\nenable_prompt_extensions = true\n[llm]\nmodel = "x" # c\n[[agent.tools]]\nname = """multi\nline"""\n'];
const HISTORY_SEEDS = ['# aider chat started at 2026-03-02 10:00:00\n\n#### fix the bug  \n\nHere is the fix.\n\n> Tokens: 12k sent, 2.1k cache write, 9.8k cache hit, 310 received.\nCost: $0.0034 message, $0.0123 session.  \n> Applied edit to a.py  \n> Commit 1a2b3c4 fix: the bug  \n'];
const MEMINFO_SEED = 'MemTotal:       131072000 kB\nMemFree:         1024000 kB\nMemAvailable:   65536000 kB\nCached:          2048000 kB\nSwapTotal:             0 kB\n';
const SMI_SEED = '0, NVIDIA GB10, 45, 12, [N/A], [N/A], 35.1\n';

describe('fuzz', () => {
	fuzz('parsePrometheus + readEngineMetrics', PROM_SEEDS, input => {
		readEngineMetrics(input.length % 2 ? 'vllm' : 'sglang', parsePrometheus(input), 'm');
	});
	fuzz('event files (decodeJson + parseEvent)', EVENT_SEEDS, input => {
		const r = decodeJson(input, 'x.json', false);
		if (r.ok && r.value !== undefined) parseEvent(r.value, 1);
	});
	fuzz('Aider chat history', HISTORY_SEEDS, input => {
		parseChatHistory(input.split('\n'));
	});
	fuzz('TOML edit', TOML_SEEDS, input => {
		readTomlValue(input, 'agent', 'enable_prompt_extensions');
		setTomlValue(input, 'agent', 'enable_prompt_extensions', 'false');
	}, error => error instanceof TomlEditError);
	fuzz('/proc/meminfo', [MEMINFO_SEED], input => {
		parseMeminfo(input);
	}, error => error instanceof Error && /meminfo/.test(error.message));
	fuzz('nvidia-smi', [SMI_SEED], input => {
		parseNvidiaSmi(input);
	});
	fuzz('engine streams (SSE, NDJSON)', NDJSON_SEEDS, input => {
		readNdjsonLine(input);
		readSseData(input);
	});
	fuzz('secret masker and printable', [...EVENT_SEEDS.slice(0, 5), ...HISTORY_SEEDS], input => {
		printable(maskString(input));
		maskSecrets({a: input, api_key: input});
	});
	fuzz('Docker events lines', EVENT_SEEDS.slice(0, 5), input => {
		const feed = createLineSplitter(line => {
			try {
				JSON.parse(line);
			} catch {
				// not JSON: skipped by the source
			}
		});
		const bytes = Buffer.from(input);
		feed(bytes.subarray(0, bytes.length >> 1));
		feed(bytes.subarray(bytes.length >> 1));
	});
});
