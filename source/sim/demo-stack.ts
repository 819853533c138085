// `stackdeck demo`'s stack: the three simulated engines (a busy default port is replaced by a free
// one), OpenHands state with a live session, cache folders, a demo project, the generated config
// and the load generator, all in one temporary folder removed on stop.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {renderDemoConfig} from './demo-config.js';
import {writeCacheDirs, writeDemoProject} from './demo-files.js';
import {startSimEngine} from './engine.js';
import {startLoadGenerator, type LoadGenerator} from './load-generator.js';
import {writeDemoSessions} from './openhands/demo-sessions.js';
import {SIM_KINDS, SIM_PROFILES} from './profiles.js';
import type {DemoStack, DemoStackOptions, SimEngine, SimKind} from './types.js';

/** The repository root (source/sim or dist/sim, two levels down). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LIVE_STEP_MS = 2500;

/** Start an engine on `port`; when that port is busy, on a free one, with a notice saying so. */
async function startOnPort(kind: SimKind, port: number, notices: string[]): Promise<SimEngine> {
	const profile = SIM_PROFILES[kind];
	const options = {kind, model: profile.model, decodeTps: profile.decodeTps, ttftMs: profile.ttftMs, cacheMissTtftMs: profile.cacheMissTtftMs};
	try {
		return await startSimEngine({...options, port});
	} catch (error) {
		if (port === 0 || !/in use/.test((error as Error).message)) throw error;
		const engine = await startSimEngine({...options, port: 0});
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
	let stopped = false;

	const stop = async () => {
		if (stopped) return;
		stopped = true;
		if (liveTimer) clearInterval(liveTimer);
		// The folder goes first: the cockpit gives shutdown hooks only a moment before it exits.
		rmSync(workDir, {recursive: true, force: true});
		await Promise.allSettled([load?.stop(), ...engines.map(engine => engine.stop())]);
	};

	try {
		for (const kind of SIM_KINDS) engines.push(await startOnPort(kind, options.ports?.[kind] ?? SIM_PROFILES[kind].port, notices));
		const stateDir = path.join(workDir, 'openhands-state');
		const sessions = writeDemoSessions(stateDir);
		const cacheDirs = writeCacheDirs(workDir);
		const project = writeDemoProject(workDir);
		if (project.notice) notices.push(project.notice);
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
			}),
		);
		if (options.live !== false) {
			liveTimer = setInterval(() => {
				if (!sessions.stepLive() && liveTimer) clearInterval(liveTimer);
			}, LIVE_STEP_MS);
			liveTimer.unref();
		}
		if (options.load !== false) load = startLoadGenerator(engines);
		return {engines, stateDir, configPath, workDir, notices, stop};
	} catch (error) {
		await stop();
		throw error;
	}
}
