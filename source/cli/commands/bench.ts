// `stackdeck bench ENGINE [--requests N] [--json]`: streams chat completions to one engine and
// prints time to first token and decode tok/s (median over the requests).

import {loadFromFlags, reportStartupError} from '../options.js';
import {parseCommand} from '../parse.js';
import {configuredTargets, probeTargets, type Target} from '../../sources/engines/targets.js';
import {identify} from '../../sources/engines/identify.js';
import {benchOnce, type BenchRun} from '../../sources/engines/bench-client.js';
import {median} from '../../domain/engines/stream.js';
import {formatDuration, formatRate} from '../../domain/format.js';
import type {Config} from '../../config/schema.js';
import type {EngineKind} from '../../domain/engines/types.js';

const HELP = `usage: stackdeck bench ENGINE [--requests N] [--max-tokens N] [--timeout MS] [--json]

ENGINE is an engine name from engines.list, a probed name such as sglang:30000, a kind
(sglang, vllm, ollama, llamacpp) or a URL such as http://127.0.0.1:30000.
Streams N chat completions (default 3) one after another, with stream_options.include_usage
(Ollama: native /api/chat NDJSON), and prints time to first token and decode tok/s. Decode tok/s
is completion tokens after the first over the first-to-last token time; without usage from the
server the tokens are counted from the stream and marked as an estimate.
--timeout: a stream with no data for this long has stalled (default 10000 ms).

Exit codes: 0 every request succeeded; 1 a request failed (refused, HTTP error, error
mid-stream, stall); 2 usage error or ENGINE not found.`;

interface Resolved {
	name: string;
	url: string;
	kind: EngineKind;
	model: string;
}

async function resolveEngine(config: Config, wanted: string): Promise<Resolved | string> {
	const configured = configuredTargets(config);
	let candidates: Target[];
	if (/^https?:\/\//.test(wanted)) candidates = [{name: wanted, url: wanted.replace(/\/+$/, ''), origin: 'config', kind: null}];
	else {
		const byName = configured.filter(t => t.name === wanted);
		candidates = byName.length ? byName : [...configured, ...probeTargets({...config, engines: {...config.engines, list: []}}, [])];
	}
	const found: string[] = [];
	for (const t of candidates) {
		const host = new URL(t.url);
		if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host.hostname) && t.origin !== 'config') continue;
		const id = await identify(t.url, 2000).catch(() => null);
		if (!id) continue;
		const kind = t.kind ?? id.kind;
		const probedName = `${kind}:${host.port || (host.protocol === 'https:' ? 443 : 80)}`;
		found.push(t.origin === 'config' ? t.name : probedName);
		if ([t.name, probedName, kind, t.url].includes(wanted) || /^https?:/.test(wanted)) {
			if (!id.model) return `${t.url}: ${kind} answers but serves no model (check /v1/models)`;
			return {name: t.origin === 'config' ? t.name : probedName, url: t.url, kind, model: id.model};
		}
	}
	return `no engine "${wanted}" answering${found.length ? `; found: ${found.join(', ')}` : ': none found (is it running? add it to engines.list)'}`;
}

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand<{requests?: string; 'max-tokens'?: string; timeout?: string}>(
		'bench',
		argv,
		{requests: {type: 'string', short: 'n'}, 'max-tokens': {type: 'string'}, timeout: {type: 'string'}},
		HELP,
		true,
	);
	if (typeof parsed === 'number') return parsed;
	const wanted = parsed.positionals[0];
	const requests = Number(parsed.values.requests ?? 3);
	const maxTokens = Number(parsed.values['max-tokens'] ?? 128);
	const timeout = Number(parsed.values.timeout ?? 10_000);
	if (!wanted || parsed.positionals.length > 1 || ![requests, maxTokens, timeout].every(n => Number.isInteger(n) && n > 0)) {
		process.stderr.write(`stackdeck bench: ${!wanted ? 'name an ENGINE' : 'numbers must be whole and positive'}\n\n${HELP}\n`);
		return 2;
	}
	let config: Config;
	try {
		config = loadFromFlags(parsed.values).config;
	} catch (error) {
		return reportStartupError(error);
	}
	const engine = await resolveEngine(config, wanted);
	if (typeof engine === 'string') {
		process.stderr.write(`stackdeck bench: ${engine}\n`);
		return 2;
	}
	const runs: BenchRun[] = [];
	for (let i = 0; i < requests; i++) {
		const r = await benchOnce({url: engine.url, kind: engine.kind, model: engine.model, maxTokens, idleTimeoutMs: timeout});
		runs.push(r);
		if (!parsed.values.json) {
			process.stdout.write(
				r.error
					? `  #${i + 1} failed: ${r.error}\n`
					: `  #${i + 1} TTFT ${formatDuration(r.ttftMs)}  ${formatRate(r.decodeTps)} tok/s  ${r.tokens ?? '?'} tokens${r.estimated ? ' (estimate)' : ''}\n`,
			);
		}
	}
	const ok = runs.filter(r => !r.error);
	const ttft = median(ok.map(r => r.ttftMs).filter((v): v is number => v !== null));
	const tps = median(ok.map(r => r.decodeTps).filter((v): v is number => v !== null));
	const estimated = ok.some(r => r.estimated);
	if (parsed.values.json) {
		process.stdout.write(
			`${JSON.stringify({engine: engine.name, url: engine.url, kind: engine.kind, model: engine.model, requests, ok: ok.length, ttftMs: ttft, decodeTps: tps, estimated, runs}, null, 2)}\n`,
		);
	} else {
		process.stdout.write(
			`${engine.name} (${engine.kind}, ${engine.model}): TTFT ${formatDuration(ttft)}, ${formatRate(tps)} tok/s decode${estimated ? ' (estimate: no usage from the server)' : ''}, ${ok.length}/${requests} ok\n`,
		);
	}
	return ok.length === requests ? 0 : 1;
}
