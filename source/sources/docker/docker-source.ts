// Docker source: one listing plus the events API keep the container list (no list polling); one-shot
// stats for the visible containers every [docker] stats_ms (domain/containers/stats-due.ts); reconnects with backoff when the daemon goes away;
// opens log streams for the log viewer; publishes discovery (OpenHands state dir, engine ports).
// Its Docker client is the host's (ctx.host.docker()), which the container actions use too.

import type Docker from 'dockerode';
import {infoFromInspect, type RawInspect} from '../../domain/containers/inspect.js';
import {computeStats, type RawStats} from '../../domain/containers/stats.js';
import {statsDue} from '../../domain/containers/stats-due.js';
import {discoverStack, type RawEnvById} from '../../domain/containers/discovery.js';
import type {ContainerInfo, ContainerStats} from '../../domain/containers/types.js';
import {update} from '../../store/index.js';
import {applyContainer, applyDisabled, applyDown, applyListing, applyStats, linkOf, removeContainer, setConnecting, setLogSize} from '../../store/slices/containers.js';
import {applyDiscovery} from '../../store/slices/discovery.js';
import type {Source, SourceContext} from '../types.js';
import {describeDockerError} from '../../hosts/docker.js';
import {LOCAL_HOST_ID, type DockerLink} from '../../hosts/host.js';
import {LOG_TAIL, openLogStream, type LogStream} from './logs.js';
import {DOCKER_DEADLINE_MS, DockerDeadlineError, withDeadline} from './deadline.js';
import {createLineSplitter} from './event-lines.js';
import {Tombstones} from './tombstones.js';

export const BACKOFF_MS = [250, 500, 1000, 2000, 4000];

export interface DockerCounters {
	list: number;
	inspect: number;
	stats: number;
	connects: number;
	events: number;
}

export interface DockerSource extends Source {
	readonly counters: DockerCounters;
}

const IGNORED = /^(exec_|attach|detach|resize|top|archive-path|extract-to-dir|copy|export|commit)/;

export function createDockerSource(ctx: SourceContext, backoff: readonly number[] = BACKOFF_MS, deadlineMs = DOCKER_DEADLINE_MS): DockerSource {
	const {store, host} = ctx;
	const counters: DockerCounters = {list: 0, inspect: 0, stats: 0, connects: 0, events: 0};
	let link: DockerLink | null = null;
	let docker: Docker | null = null;
	let events: NodeJS.ReadableStream | null = null;
	let retryTimer: NodeJS.Timeout | null = null;
	let attempt = 0;
	let stopped = false;
	let generation = 0;
	const rawEnv: RawEnvById = {};
	const inspecting = new Map<string, boolean>();
	let logStream: LogStream | null = null;
	let logKey = '';
	let unsubscribe: (() => void) | null = null;
	const sampledAt = new Map<string, number>();
	const destroyed = new Tombstones();

	const now = () => Date.now();
	const publishDiscovery = () => {
		const infos = Object.values(store.getState().containers.byId).filter(c => c.hostId === host.id);
		update(store, 'discovery', d => applyDiscovery(d, host.id, discoverStack(infos, rawEnv)));
	};

	const inspect = async (id: string): Promise<ContainerInfo | null> => {
		counters.inspect++;
		const raw = (await withDeadline(link!.endpoint, `inspect ${id.slice(0, 12)}`, deadlineMs, abortSignal => docker!.getContainer(id).inspect({abortSignal}))) as unknown as RawInspect;
		const info = infoFromInspect(raw, host.id);
		if (info.role === 'openhands') rawEnv[id] = raw.Config?.Env ?? [];
		return info;
	};

	/** Re-inspect one container after an event; events arriving meanwhile cause one more inspect. */
	const refresh = async (id: string, gen: number): Promise<void> => {
		if (inspecting.has(id)) {
			inspecting.set(id, true);
			return;
		}
		inspecting.set(id, false);
		try {
			do {
				inspecting.set(id, false);
				try {
					const info = await inspect(id);
					if (gen !== generation) return;
					// An inspect that started before the destroy event and answered after it must not bring the row back.
					if (info && !destroyed.has(id)) update(store, 'containers', s => applyContainer(s, info, now()));
					else if (destroyed.has(id)) delete rawEnv[id];
				} catch (error) {
					if ((error as {statusCode?: number}).statusCode === 404) {
						update(store, 'containers', s => removeContainer(s, id, now()));
						delete rawEnv[id];
					}
				}
			} while (inspecting.get(id) === true && gen === generation);
		} finally {
			inspecting.delete(id);
		}
		publishDiscovery();
	};

	const onEvent = (event: {Type?: string; Action?: string; status?: string; id?: string; Actor?: {ID?: string}}, gen: number) => {
		if (event.Type && event.Type !== 'container') return;
		const action = event.Action ?? event.status ?? '';
		const id = event.Actor?.ID ?? event.id;
		if (!id || IGNORED.test(action)) return;
		counters.events++;
		if (action === 'destroy') {
			destroyed.add(id);
			delete rawEnv[id];
			update(store, 'containers', s => removeContainer(s, id, now()));
			publishDiscovery();
			return;
		}
		void refresh(id, gen);
	};

	const lost = (error: unknown, gen: number) => {
		if (stopped || gen !== generation) return;
		generation++;
		(events as unknown as {destroy?: () => void} | null)?.destroy?.();
		events = null;
		const message = error instanceof DockerDeadlineError ? error.message : error ? describeDockerError(error, link!.endpoint) : `Docker daemon at ${link!.endpoint} closed the connection (stopped or restarting); retrying`;
		update(store, 'containers', s => applyDown(s, message, now(), host.id));
		schedule();
	};

	const schedule = () => {
		if (stopped || retryTimer) return;
		const delay = backoff[Math.min(attempt, backoff.length - 1)]!;
		attempt++;
		retryTimer = setTimeout(() => {
			retryTimer = null;
			void connect();
		}, delay);
		retryTimer.unref?.();
	};

	const connect = async (): Promise<void> => {
		if (stopped || !docker || !link) return;
		const gen = ++generation;
		counters.connects++;
		try {
			// Subscribe first, then list: nothing that happens in between is missed.
			const events$ = docker;
			const stream = (await withDeadline(link.endpoint, 'the events request', deadlineMs, abortSignal => events$.getEvents({filters: {type: ['container']}, abortSignal} as Docker.GetEventsOptions))) as NodeJS.ReadableStream;
			if (stopped || gen !== generation) {
				(stream as unknown as {destroy?: () => void}).destroy?.();
				return;
			}
			events = stream;
			stream.on(
				'data',
				createLineSplitter(line => {
					try {
						onEvent(JSON.parse(line) as Parameters<typeof onEvent>[0], gen);
					} catch {
						// A line that is not JSON is not an event; skip it.
					}
				}),
			);
			stream.on('end', () => lost(null, gen));
			stream.on('close', () => lost(null, gen));
			stream.on('error', (e: unknown) => lost(e, gen));

			counters.list++;
			const lister = docker;
			const list = await withDeadline(link.endpoint, 'the container list', deadlineMs, abortSignal => lister.listContainers({all: true, abortSignal}));
			const infos: ContainerInfo[] = [];
			const queue = list.map(c => c.Id);
			const worker = async () => {
				for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
					try {
						const info = await inspect(id);
						if (info) infos.push(info);
					} catch (error) {
						if ((error as {statusCode?: number}).statusCode !== 404) throw error;
					}
				}
			};
			await Promise.all([worker(), worker(), worker(), worker()]);
			if (gen !== generation) return;
			// Containers destroyed while the listing was inspected are not listed.
			for (let k = infos.length - 1; k >= 0; k--) if (destroyed.has(infos[k]!.id)) infos.splice(k, 1);
			attempt = 0;
			update(store, 'containers', s => applyListing(s, infos, now(), host.id));
			publishDiscovery();
		} catch (error) {
			lost(error, gen);
		}
	};

	const statsFor = async (id: string, prev: ContainerStats | null): Promise<ContainerStats | null> => {
		counters.stats++;
		const raw = (await withDeadline(link!.endpoint, `stats of ${id.slice(0, 12)}`, deadlineMs, abortSignal => docker!.getContainer(id).stats({stream: false, 'one-shot': true, abortSignal} as {stream: false}))) as unknown as RawStats;
		return computeStats(raw, now(), prev);
	};

	const syncLogs = () => {
		const s = store.getState().containers;
		// The log viewer is this host's when the container it shows is.
		const logs = s.view === 'logs' && s.logs && s.byId[s.logs.target]?.hostId === host.id ? s.logs : null;
		const key = logs && docker && linkOf(s, host.id).connection === 'up' ? `${logs.target}|${logs.follow}|${logs.generation}|${generation}` : '';
		if (key === logKey) return;
		logKey = key;
		logStream?.close();
		logStream = null;
		if (!logs || !docker || !link) return;
		const info = s.byId[logs.target];
		// Turning follow back on reloads the tail; turning it off keeps what is shown.
		if (!logs.follow && logs.lines.length > 0) return;
		logStream = openLogStream(docker, store, logs.target, logs.follow, info?.tty ?? false, link.endpoint, LOG_TAIL, logs.lines.length > 0);
	};

	const source: DockerSource = {
		id: 'docker',
		panels: ['containers'],
		counters,
		async start() {
			stopped = false;
			if (!ctx.config.docker.enabled) {
				update(store, 'containers', s => applyDisabled(s, now(), host.id, ...(host.id === LOCAL_HOST_ID ? [] : [`${host.id}: no docker_host in its [[hosts]] entry; set one to watch its containers`])));
				return;
			}
			try {
				link = host.docker();
			} catch (error) {
				update(store, 'containers', s => applyDown(s, (error as Error).message, now(), host.id));
				return;
			}
			docker = link.docker;
			update(store, 'containers', s => setConnecting(s, link!.endpoint, host.id));
			unsubscribe = store.subscribe((state, prev) => {
				if (state.containers !== prev.containers) syncLogs();
			});
			await connect();
		},
		async poll() {
			const s = store.getState().containers;
			if (!docker || linkOf(s, host.id).connection !== 'up') return;
			const running = s.visibleIds.filter(id => s.byId[id]?.state === 'running' && s.byId[id]?.hostId === host.id);
			for (const id of sampledAt.keys()) if (!s.byId[id]) sampledAt.delete(id);
			const ids = statsDue(running, s.stats, sampledAt, now(), ctx.config.docker.stats_ms, ctx.refreshMs);
			const samples: Record<string, ContainerStats> = {};
			const gen = generation;
			let hung: DockerDeadlineError | null = null;
			let answered = 0;
			await Promise.all(
				ids.map(async id => {
					sampledAt.set(id, now());
					try {
						const sample = await statsFor(id, s.stats[id] ?? null);
						answered++;
						if (sample) samples[id] = sample;
					} catch (error) {
						// A container that stopped between the tick and the request: its event updates the row.
						if (error instanceof DockerDeadlineError) hung = error;
						else answered++;
					}
				}),
			);
			// No stats request answered within its deadline: the daemon hangs (its idle events stream
			// cannot tell). Shown down and reconnected with backoff, like a daemon that went away.
			if (hung && answered === 0) {
				lost(hung, gen);
				return;
			}
			// Stats come every stats_ms at most, so "two refreshes" is two of the slower of the two periods.
			const check = {at: now(), refreshMs: Math.max(ctx.refreshMs, ctx.config.docker.stats_ms)};
			update(store, 'containers', c => applyStats(c, samples, check));
			if (s.view === 'detail' && s.selected) {
				const info = s.byId[s.selected];
				if (info && info.hostId === host.id) {
					const size = !link?.local ? 'unknown (remote daemon)' : !info.logPath ? 'no log file (driver does not keep one)' : await host.files.stat(info.logPath).then(st => st.size, (e: NodeJS.ErrnoException) => (e.code === 'EACCES' ? `${info.logPath}: permission denied (root-only)` : `${info.logPath}: ${e.code ?? e.message}`));
					update(store, 'containers', c => setLogSize(c, info.id, size));
				}
			}
		},
		stop() {
			stopped = true;
			generation++;
			if (retryTimer) clearTimeout(retryTimer);
			retryTimer = null;
			unsubscribe?.();
			logStream?.close();
			logStream = null;
			logKey = '';
			(events as unknown as {destroy?: () => void} | null)?.destroy?.();
			events = null;
			// The host keeps its Docker client (and SSH connection) until the runtime closes it.
		},
	};
	return source;
}
