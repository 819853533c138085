// Engines source: finds model servers, scrapes them each tick (Prometheus /metrics, Ollama /api/ps,
// SGLang's server info for memory), derives rates over a sliding window and writes rows into the
// engines slice. An unreachable engine keeps its row and is retried with a short backoff, every 5 s
// once it has been down a minute with nothing starting on its host (a container, a swap).

import {parsePrometheus} from '../../domain/prometheus.js';
import {readEngineMetrics, readsSeries} from '../../domain/engines/metrics.js';
import {engineFigures, pushReading, type TimedReading} from '../../domain/engines/window.js';
import {instanceOf} from '../../domain/engines/prom-api.js';
import {readViaPrometheus} from './prometheus-reader.js';
import {configuredModel, expectedRate, nextSlowSince, retryDelayMs} from '../../domain/engines/health.js';
import {ollamaMemory, ollamaModels, sglangMemory, type EngineMemory} from '../../domain/engines/memory.js';
import {update, type AppState} from '../../store/index.js';
import {markDown, markStillDown, markUp, newRow, patchRow, upsertRow, type EngineRow} from '../../store/slices/engines.js';
import type {Source, SourceContext} from '../types.js';
import {EngineHttpError, getJson, getText, joinUrl} from './http.js';
import {identify} from './identify.js';
import {readServerInfo, type ServerInfoPath} from './sglang-server-info.js';
import {configuredTargets, probeTargets, type Target} from './targets.js';
import {discoveryOf} from '../../store/slices/discovery.js';
import {LOCAL_HOST_ID} from '../../domain/host-id.js';

const SCRAPE_TIMEOUT_MS = 2000;
/** Re-probe ports that had no engine this often. */
const PROBE_EVERY_MS = 10_000;
/** SGLang's server info round-trips to the scheduler: read it slowly. */
const SERVER_INFO_EVERY_MS = 10_000;

interface Tracked {
	target: Target;
	failures: number;
	nextTryAt: number;
	window: TimedReading[];
	serverInfoAt: number;
	memory: EngineMemory | null;
	/** Which server-info path this SGLang answered on (null: not known yet). */
	serverInfoPath: ServerInfoPath | null;
	/** The server said what it is: the configured model on the row is replaced by the served one. */
	identified: boolean;
	/** Read through Prometheus: when to ask the engine itself what it is again (Ollama has no series there). */
	identifyAt: number;
}

/** Containers running on a host: one that starts may be an engine on its way back. */
function runningOn(state: AppState, hostId: string): Set<string> {
	return new Set(Object.values(state.containers.byId).flatMap(c => (c.hostId === hostId && c.state === 'running' ? [c.id] : [])));
}

export function createEnginesSource(ctx: SourceContext): Source {
	const tracked = new Map<string, Tracked>();
	const probedAt = new Map<string, number>();
	/** When something last started on this host (a container, a swap moved): down engines are asked every second again. */
	let wokenAt = 0;
	let unsubscribe: (() => void) | null = null;
	const wake = (now: number) => {
		wokenAt = now;
		for (const t of tracked.values()) if (t.failures > 0) t.nextTryAt = Math.min(t.nextTryAt, now);
	};

	const track = (target: Target): Tracked => {
		let t = tracked.get(target.url);
		if (!t) {
			t = {target, failures: 0, nextTryAt: 0, window: [], serverInfoAt: 0, memory: null, serverInfoPath: null, identified: false, identifyAt: 0};
			tracked.set(target.url, t);
			// What the config says it serves and how fast, so a row that never answers still names its model.
			const model = configuredModel(target, target.name, ctx.config.profiles);
			const expectedTps = expectedRate({expectedTps: target.expectedTps, profile: target.profile, model}, target.name, ctx.config.profiles);
			update(ctx.store, 'engines', s => upsertRow(s, newRow({hostId: ctx.host.id, name: target.name, url: target.url, origin: target.origin, kind: target.kind, model, expectedTps})));
		}
		return t;
	};

	const row = (url: string): EngineRow | undefined => ctx.store.getState().engines.rows.find(r => r.id === url);
	const patch = (url: string, fn: (r: EngineRow) => EngineRow) => update(ctx.store, 'engines', s => patchRow(s, url, fn));

	const fail = (t: Tracked, now: number, reason: string) => {
		t.failures++;
		const quietSince = Math.max(row(t.target.url)?.downSince ?? now, wokenAt);
		t.nextTryAt = now + retryDelayMs(t.failures, now - quietSince);
		patch(t.target.url, r => markDown(r, now, reason));
	};

	/** Probe candidate ports in parallel; a port that answers as an engine gets a row. */
	const probe = async (now: number) => {
		const candidates = probeTargets(ctx.config, discoveryOf(ctx.store.getState(), ctx.host.id).enginePorts, ctx.host.id === LOCAL_HOST_ID ? '127.0.0.1' : ctx.config.engines.probe_host).filter(
			c => !tracked.has(c.url) && now - (probedAt.get(c.url) ?? -Infinity) >= PROBE_EVERY_MS,
		);
		await Promise.all(
			candidates.map(async c => {
				probedAt.set(c.url, now);
				try {
					const id = await identify(c.url, SCRAPE_TIMEOUT_MS);
					if (!id) return;
					const t = track({...c, name: c.origin === 'probe' ? `${id.kind}${c.name}` : c.name, kind: id.kind});
					t.identified = true;
					patch(c.url, r => ({...r, kind: id.kind, model: id.model, version: id.version}));
					if (id.serverInfo) t.memory = sglangMemory(id.serverInfo);
					t.serverInfoPath = id.serverInfoPath ?? t.serverInfoPath;
				} catch {
					// Nothing listening: not an engine (yet). Tried again in PROBE_EVERY_MS.
				}
			}),
		);
	};

	/** The same figures, from a Prometheus server that scrapes the engine (no request to the engine). */
	const scrapeViaPrometheus = async (t: Tracked, current: EngineRow, base: string, now: number) => {
		const url = t.target.url;
		const instance = ctx.config.prometheus.instances[url] ?? instanceOf(url);
		const read = await readViaPrometheus(base, instance, t.target.kind ?? current.kind, current.model ?? 'default', t.window, now, ctx.config.prometheus.timeout_ms);
		t.window = read.window;
		t.failures = 0;
		const {total, models} = engineFigures(t.window, read.at);
		const model = total?.model || current.model;
		const expected = expectedRate({expectedTps: t.target.expectedTps, profile: t.target.profile, model}, current.name, ctx.config.profiles);
		const problem = read.errors.length > 0 ? `Prometheus: ${read.errors.length} series not numbers, e.g. ${read.errors[0]}` : null;
		patch(url, r => ({
			...markUp(r, now, total, models, nextSlowSince(r.slowSince, now, total?.decodeTps ?? null, expected, total?.running ?? null), problem),
			kind: read.kind ?? r.kind,
			model,
			expectedTps: expected,
			via: base,
		}));
	};

	const scrape = async (t: Tracked, now: number) => {
		const url = t.target.url;
		let current = row(url);
		if (!current) return;
		try {
			if (ctx.config.prometheus.url) {
				// Prometheus cannot tell an Ollama (no /metrics) from an engine it lacks: ask the engine
				// once what it is; Ollama's figures then come from the engine itself.
				if (!current.kind && !t.identified && now >= t.identifyAt) {
					t.identifyAt = now + PROBE_EVERY_MS;
					const id = await identify(url, SCRAPE_TIMEOUT_MS).catch(() => null);
					if (id) {
						t.identified = true;
						patch(url, r => ({...r, kind: t.target.kind ?? id.kind, model: id.model ?? r.model, version: id.version}));
						current = row(url)!;
					}
				}
				if (current.kind !== 'ollama') {
					await scrapeViaPrometheus(t, current, ctx.config.prometheus.url, now);
					return;
				}
			}
			if (!t.identified || !current.kind || !current.model) {
				const id = await identify(url, SCRAPE_TIMEOUT_MS);
				if (!id) {
					t.nextTryAt = now + 5000;
					patch(url, r => ({...r, state: 'up', downSince: null, downReason: null, problem: `${url} answers but is not SGLang, vLLM, Ollama or llama.cpp: check engines.list`}));
					return;
				}
				const kind = t.target.kind ?? id.kind;
				t.identified = true;
				patch(url, r => ({...r, kind, model: id.model ?? r.model, version: id.version}));
				if (id.serverInfo) {
					t.memory = sglangMemory(id.serverInfo);
					t.serverInfoAt = now;
				}
				t.serverInfoPath = id.serverInfoPath ?? t.serverInfoPath;
				current = row(url)!;
			}
			const kind = current.kind!;
			const expected = expectedRate({expectedTps: t.target.expectedTps, profile: t.target.profile, model: current.model}, current.name, ctx.config.profiles);
			let problem: string | null = null;
			if (kind === 'ollama') {
				const ps = await getJson(joinUrl(url, '/api/ps'), SCRAPE_TIMEOUT_MS);
				t.memory = ollamaMemory(ps);
				if (!t.memory) problem = `${url}/api/ps: unexpected shape (no "models" list)`;
				const model = ollamaModels(ps)[0] ?? current.model;
				t.failures = 0;
				const memory = t.memory;
				patch(url, r => ({...markUp(r, now, null, [], null, problem), model, memory, expectedTps: expected}));
				return;
			}
			const {status, body} = await getText(joinUrl(url, '/metrics'), SCRAPE_TIMEOUT_MS, {headers: {accept: 'text/plain'}});
			if (status >= 500) throw new EngineHttpError(joinUrl(url, '/metrics'), `HTTP ${status}`, status);
			if (status === 404) {
				problem =
					kind === 'sglang'
						? 'no /metrics: start SGLang with --enable-metrics'
						: kind === 'llamacpp'
							? 'no /metrics: start llama-server with --metrics'
							: `${url}/metrics: HTTP 404`;
			} else if (status !== 200) {
				problem = `${url}/metrics: HTTP ${status}`;
			} else {
				const parsed = parsePrometheus(body, readsSeries(kind));
				const reading = readEngineMetrics(kind, parsed, current.model ?? 'default');
				if (parsed.truncated) problem = `${url}/metrics: body cut off; showing what was read`;
				else if (parsed.errorCount > 0) problem = `${url}/metrics: ${parsed.errorCount} unreadable line(s), e.g. ${parsed.errors[0]}`;
				else if (Object.keys(reading.models).length === 0) problem = `${url}/metrics: no ${kind} metrics found`;
				t.window = pushReading(t.window, now, reading);
			}
			if (kind === 'sglang' && now - t.serverInfoAt >= SERVER_INFO_EVERY_MS) {
				t.serverInfoAt = now;
				// Memory is optional; the metrics above decide whether the engine is up.
				const info = await readServerInfo(url, SCRAPE_TIMEOUT_MS, t.serverInfoPath);
				if (info) {
					t.serverInfoPath = info.path;
					t.memory = sglangMemory(info.body) ?? t.memory;
				}
			}
			const {total, models} = engineFigures(t.window, now);
			t.failures = 0;
			const memory = t.memory;
			const model = total?.model || current.model;
			patch(url, r => ({
				...markUp(r, now, total, models, nextSlowSince(r.slowSince, now, total?.decodeTps ?? null, expected, total?.running ?? null), problem),
				model,
				memory,
				expectedTps: expected,
			}));
		} catch (error) {
			fail(t, now, error instanceof EngineHttpError ? error.reason : `unexpected answer: ${(error as Error).message}`);
		}
	};

	return {
		id: 'engines',
		panels: ['throughput', 'cache', 'memory'],
		// An engine that goes down while another panel is shown still marks the Throughput tab.
		offScreenEvery: 3,
		start() {
			for (const target of configuredTargets(ctx.config)) track(target);
			const state = ctx.store.getState();
			let byId = state.containers.byId;
			let running = runningOn(state, ctx.host.id);
			let phase = state.swap.phase;
			unsubscribe = ctx.store.subscribe(next => {
				if (next.swap.phase !== phase) {
					phase = next.swap.phase;
					wake(Date.now());
				}
				if (next.containers.byId === byId) return;
				byId = next.containers.byId;
				const runningNow = runningOn(next, ctx.host.id);
				const started = [...runningNow].some(id => !running.has(id));
				running = runningNow;
				if (started) wake(Date.now());
			});
		},
		stop() {
			unsubscribe?.();
			unsubscribe = null;
		},
		async poll() {
			const now = Date.now();
			for (const target of configuredTargets(ctx.config)) track(target);
			await probe(now);
			// Slack of 100 ms so a 1 s backoff does not skip the next 1 s tick.
			const due = [...tracked.values()].filter(t => t.nextTryAt - 100 <= now);
			// Not asked this tick (a quiet engine): its sparkline still moves with time.
			for (const t of tracked.values()) if (t.failures > 0 && !due.includes(t)) patch(t.target.url, markStillDown);
			await Promise.all(due.map(t => scrape(t, now)));
		},
	};
}
