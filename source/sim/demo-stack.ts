// `stackdeck demo`'s stack: the three simulated engines (a busy default port is replaced by a free
// one), a Docker Engine API on a unix socket holding the stack's containers (which start and stop
// the engines), a simulated Spark's /proc/meminfo, OpenHands state with a live session and its
// config.toml, cache folders, a demo project, the generated config and the load generator, all in
// one temporary folder removed on stop.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {renderDemoConfig} from './demo-config.js';
import {writeCacheDirs, writeDemoProject} from './demo-files.js';
import {DemoDaemon} from './docker/daemon.js';
import {bringUp, demoContainers, markStoppedEarlier} from './docker/demo-containers.js';
import {serveDockerApi, type DockerApiServer} from './docker/server.js';
import {SimEngineServer} from './engine.js';
import {startLoadGenerator, type LoadGenerator} from './load-generator.js';
import {openhandsConfigToml} from './openhands/config-toml.js';
import {writeDemoSessions} from './openhands/demo-sessions.js';
import {SIM_KINDS, SIM_PROFILES} from './profiles.js';
import {SPARK_MEM_TOTAL_KB, startMeminfoWriter, usedBytes, type MeminfoWriter} from './spark-memory.js';
import type {DemoStack, DemoStackOptions, SimEngine, SimKind} from './types.js';

/** The repository root (source/sim or dist/sim, two levels down). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LIVE_STEP_MS = 2500;
/** A real load is minutes; the demo keeps it to a few seconds (--load-time changes it). */
export const DEMO_LOAD_MS = 6000;
export const DEMO_CRASH_MS = 4000;
const GB = 1e9;

/** Start an engine on `port`, already loaded; when that port is busy, on a free one, with a notice saying so. */
async function startOnPort(kind: SimKind, port: number, loadMs: number, notices: string[]): Promise<SimEngine> {
	const profile = SIM_PROFILES[kind];
	const options = {kind, model: profile.model, decodeTps: profile.decodeTps, ttftMs: profile.ttftMs, cacheMissTtftMs: profile.cacheMissTtftMs, loadMs};
	try {
		const engine = new SimEngineServer({...options, port});
		await engine.start({instant: true});
		return engine;
	} catch (error) {
		if (port === 0 || !/in use/.test((error as Error).message)) throw error;
		const engine = new SimEngineServer({...options, port: 0});
		await engine.start({instant: true});
		notices.push(`${kind}: port ${port} is busy; serving on ${engine.port} instead`);
		return engine;
	}
}

export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
	const workDir = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-demo-'));
	const notices: string[] = [];
	const engines: SimEngine[] = [];
	let load: LoadGenerator | undefined;
	let liveTimer: NodeJS.Timeout | undefined;
	let api: DockerApiServer | undefined;
	let meminfo: MeminfoWriter | undefined;
	let daemon: DemoDaemon | undefined;
	let stopped = false;
	const removeFolder = () => rmSync(workDir, {recursive: true, force: true});
	// However the process ends (process.exit after a slow shutdown, a crash, a signal handler that
	// exits), the temporary folder goes with it; stop() takes this hook off again.
	process.once('exit', removeFolder);

	const stop = async () => {
		if (stopped) return;
		stopped = true;
		if (liveTimer) clearInterval(liveTimer);
		meminfo?.stop();
		// The folder goes first: the cockpit gives shutdown hooks only a moment before it exits.
		process.off('exit', removeFolder);
		removeFolder();
		await Promise.allSettled([load?.stop(), api?.close(), daemon?.close(), ...engines.map(engine => engine.stop({instant: true}))]);
	};

	try {
		const loadMs = options.loadMs ?? DEMO_LOAD_MS;
		for (const kind of SIM_KINDS) engines.push(await startOnPort(kind, options.ports?.[kind] ?? SIM_PROFILES[kind].port, loadMs, notices));
		const byKind = Object.fromEntries(engines.map(e => [e.kind, e])) as Record<SimKind, SimEngine>;
		// vLLM's port is kept; its container is stopped (Qwen3 Coder Next and Mistral Small 4 do not fit together).
		await byKind.vllm.stop({instant: true});

		const stateDir = path.join(workDir, 'openhands-state');
		const sessions = writeDemoSessions(stateDir);
		const configToml = path.join(stateDir, 'config.toml');
		writeFileSync(configToml, openhandsConfigToml('openai/mistral-small-4', `http://host.docker.internal:${byKind.sglang.port}/v1`));
		// Aider's conf as the first seed writes it: vLLM's port, whose container is stopped (the Doctor says so).
		const aiderConf = path.join(workDir, 'aider.conf.yml');
		writeFileSync(aiderConf, `# ~/.aider.conf.yml as the seed has it\nmodel: openai/qwen3-coder-next\nopenai-api-base: http://localhost:${byKind.vllm.port}/v1\nauto-commits: true\n`);
		const cacheDirs = writeCacheDirs(workDir);
		const project = writeDemoProject(workDir);
		if (project.notice) notices.push(project.notice);

		const meminfoPath = path.join(workDir, 'meminfo');
		const memTotalBytes = SPARK_MEM_TOTAL_KB * 1024;
		daemon = new DemoDaemon({hostname: 'spark-demo', kernel: '6.11.0-1016-nvidia', memTotalBytes, bootMs: Date.now() - 3 * 3600_000});
		const d = daemon;
		const use = () => ({engines: engines.reduce((n, e) => n + e.residentBytes(), 0), containers: d.containers.reduce((n, c) => n + c.memoryBytes(), 0)});
		const socketPath = path.join(workDir, 'docker.sock');
		const {containers, running} = demoContainers({
			engines: byKind,
			socketPath,
			stateDir,
			configToml,
			workspace: path.dirname(project.dir),
			liveSession: sessions.live,
			availGb: () => (memTotalBytes - usedBytes(use())) / GB,
			crashAfterMs: options.crashAfterMs ?? DEMO_CRASH_MS,
		});
		markStoppedEarlier(containers.find(c => c.name === 'vllm')!, 20);
		await bringUp(daemon, containers, running);
		api = await serveDockerApi(daemon, socketPath);
		meminfo = startMeminfoWriter(meminfoPath, use);

		const configPath = path.join(workDir, 'config.toml');
		writeFileSync(
			configPath,
			renderDemoConfig({
				engines: engines.map(engine => {
					const profile = SIM_PROFILES[engine.kind];
					return {name: engine.kind, kind: engine.kind, url: engine.url, expectedTps: engine.decodeTps, profile: profile.profile, model: engine.model, memoryGb: profile.memoryGb};
				}),
				stateDir,
				cacheDirs,
				aiderCommand: path.join(REPO_ROOT, 'bin', 'fake-aider.js'),
				defaultRepo: project.dir,
				dockerHost: api.dockerHost,
				meminfoPath,
				openhandsConfig: configToml,
				aiderConf,
			}),
		);
		if (options.live !== false) {
			liveTimer = setInterval(() => {
				if (!sessions.stepLive() && liveTimer) clearInterval(liveTimer);
			}, LIVE_STEP_MS);
			liveTimer.unref();
		}
		if (options.load !== false) load = startLoadGenerator(engines);
		return {engines, stateDir, configPath, configToml, workDir, notices, dockerHost: api.dockerHost, meminfoPath, stop, loadListeners: () => load?.abortListeners() ?? 0};
	} catch (error) {
		await stop();
		throw error;
	}
}
