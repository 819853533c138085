// `stackdeck status`: one snapshot of what every panel shows, for scripts (--json) and people.

import {PANEL_IDS} from '../../domain/panel-ids.js';
import {PANELS} from '../../panels/registry.js';
import {createAppStore, initialState, update} from '../../store/index.js';
import {setVisibleIds} from '../../store/slices/containers.js';
import {createHostSources} from '../../sources/index.js';
import {closeServices, createServices} from '../../runtime/services.js';
import type {Host} from '../../hosts/host.js';
import {createScheduler} from '../../sources/scheduler.js';
import {loadOrReport} from '../options.js';
import {parseCommand} from '../parse.js';
import {writeJson, writeText} from '../output.js';
import {hostSummary, type HostSummary} from '../../store/host-summary.js';
import {formatBytes, formatDuration} from '../../domain/format.js';

const HELP = `usage: stackdeck status [--json] [--window MS] [--config PATH]

Reads every source once and prints what each panel would show. Exit 0 when every source was
read, 1 when a source reported an error (the output says which). Rates (tok/s, CPU, hit ratios)
need two readings: the sources are read twice, --window MS apart (default 2000; 0 reads once and
leaves rates out).`;

const DEFAULT_WINDOW_MS = 2000;

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand<{window?: string}>('status', argv, {window: {type: 'string'}}, HELP);
	if (typeof parsed === 'number') return parsed;
	const windowMs = parsed.values.window === undefined ? DEFAULT_WINDOW_MS : Number(parsed.values.window);
	if (!Number.isInteger(windowMs) || windowMs < 0 || windowMs > 60_000) {
		process.stderr.write(`stackdeck status: --window takes milliseconds from 0 to 60000, got "${parsed.values.window}"\n`);
		return 2;
	}
	const loaded = loadOrReport(parsed.values);
	if (typeof loaded === 'number') return loaded;
	const store = createAppStore(initialState(true));
	update(store, 'ui', ui => ({...ui, visible: [...PANEL_IDS]}));
	const services = createServices({store, config: loaded.config, env: process.env});
	const base = {store, config: loaded.config, refreshMs: loaded.config.refresh_ms, env: process.env};
	const sources = createHostSources(base, services.hosts);
	const scheduler = createScheduler(store, sources, loaded.config.refresh_ms, false);
	for (const source of sources) await Promise.resolve(source.start?.()).catch(() => undefined);
	// Every container counts as on screen, so each gets its CPU and memory sampled.
	update(store, 'containers', c => setVisibleIds(c, Object.keys(c.byId), 0));
	await scheduler.tick();
	if (windowMs > 0) {
		await new Promise(r => setTimeout(r, windowMs));
		await scheduler.tick();
	}
	await scheduler.stop();
	const state = store.getState();
	const hosts = services.hosts.map(h => ({...describeHost(h), ...hostSummary(state, h.id)}));
	closeServices(services);

	const sections = PANELS.filter(p => p.status).map(p => ({id: p.id, ...p.status!(state)}));
	const failed = sections.filter(s => s.lines.some(l => l.startsWith('error:')));
	if (parsed.values.json) {
		const body = Object.fromEntries(sections.map(s => [s.id, s.data]));
		writeJson({at: new Date().toISOString(), hosts, ...body});
	} else {
		const notBuilt = PANELS.filter(p => !p.status).map(p => p.title);
		const out: string[] = [];
		if (hosts.length > 1) out.push('Hosts', ...hosts.map(hostLine));
		for (const s of sections) out.push(`${s.title}`, ...s.lines.map(l => `  ${l}`));
		if (notBuilt.length) out.push(`(not built yet: ${notBuilt.join(', ')})`);
		writeText(out);
	}
	return failed.length > 0 ? 1 : 0;
}

/** One host for people: name, state (and for how long), Docker, engines, memory. */
function hostLine(h: ReturnType<typeof describeHost> & HostSummary): string {
	const age = h.downSince !== null ? ` for ${formatDuration(Date.now() - h.downSince)}` : '';
	const mem = h.memory ? `memory ${formatBytes(h.memory.usedBytes)}/${formatBytes(h.memory.totalBytes)}` : `memory ${h.memoryError ? 'unreadable' : '–'}`;
	return `  ${h.id.padEnd(12)} ${(h.state + age).padEnd(16)} docker ${h.docker.connection}  engines ${h.engines.up}/${h.engines.total} up  ${mem}${h.docker.error && h.docker.connection === 'down' ? `  (${h.docker.error})` : ''}`;
}

/** A host as `status --json` lists it: records elsewhere in the output name it by `hostId`. */
function describeHost(host: Host): {id: string; label: string; kind: string; endpoint: string | null} {
	let docker: string | null;
	try {
		docker = host.docker().endpoint;
	} catch {
		docker = null;
	}
	return {id: host.id, label: host.label, kind: host.kind, endpoint: docker};
}
