// Helpers for swap tests: free ports, a work folder with the demo host's meminfo and client
// configs, `stackdeck swap` run as a user runs it, and reading an engine's /v1/models.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execa} from 'execa';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';
export {freePort} from '../support/free-port.js';

export const SERVE_ENGINE = path.join(REPO_ROOT, 'dist', 'sim', 'serve-engine.js');

export const OPENHANDS_TOML = `# OpenHands settings (kept as written)
[core]
workspace_base = "/opt/workspace"   # where the agent works

[llm]
# the model OpenHands asks for
model = "openai/old-model"
base_url = "http://host.docker.internal:1/v1"
api_key = "not-needed"
temperature = 0.2

[agent]
enable_prompt_extensions = false
`;

export const AIDER_YML = `# Aider settings (kept as written)
model: openai/old-model   # the model
openai-api-base: "http://127.0.0.1:1/v1"
dark-mode: true
read:
  - CONVENTIONS.md
`;

export interface Workspace {
	dir: string;
	stateDir: string;
	memoryDir: string;
	meminfo: string;
	openhandsToml: string;
	aiderConf: string;
	configPath: string;
}

export function workspace(): Workspace {
	const dir = mkdtempSync(path.join(tmpdir(), 'sd-swap-'));
	const ws = {
		dir,
		stateDir: path.join(dir, 'state'),
		memoryDir: path.join(dir, 'memory'),
		meminfo: path.join(dir, 'meminfo'),
		openhandsToml: path.join(dir, 'openhands-config.toml'),
		aiderConf: path.join(dir, '.aider.conf.yml'),
		configPath: path.join(dir, 'stackdeck.toml'),
	};
	writeFileSync(ws.openhandsToml, OPENHANDS_TOML);
	writeFileSync(ws.aiderConf, AIDER_YML);
	return ws;
}

/** The serve-engine arguments for one simulated engine that holds its memory in the workspace. */
export interface EngineSpec {
	kind: string;
	model: string;
	port: number;
	memoryGb: number;
	loadMs?: number;
	fail?: string;
}

export function engineArgs(ws: Workspace, o: EngineSpec): string[] {
	return [
		'--kind', o.kind, '--model', o.model, '--port', String(o.port), '--load-ms', String(o.loadMs ?? 600), '--shards', '3',
		'--memory-gb', String(o.memoryGb), '--memory-dir', ws.memoryDir, '--meminfo', ws.meminfo,
		...(o.fail ? ['--fail', o.fail] : []),
	];
}

export interface SwapRun {
	exitCode: number;
	lines: Array<Record<string, unknown>>;
	stderr: string;
	result: Record<string, unknown>;
}

export async function swapCli(ws: Workspace, args: string[]): Promise<SwapRun> {
	const run = await execa(process.execPath, [STACKDECK_BIN, 'swap', '--config', ws.configPath, '--json', ...args], {
		reject: false,
		env: {XDG_STATE_HOME: path.join(ws.dir, 'xdg-state'), STACKDECK_MEMINFO: ws.meminfo, STACKDECK_SWAP_POLL_MS: '100', DOCKER_HOST: ''},
		timeout: 120_000,
	});
	const lines = run.stdout.split('\n').filter(l => l.trim()).map(l => JSON.parse(l) as Record<string, unknown>);
	return {exitCode: run.exitCode ?? -1, lines, stderr: run.stderr, result: lines.find(l => l['type'] === 'result') ?? {}};
}

export async function models(url: string): Promise<string[] | null> {
	try {
		const res = await fetch(`${url}/v1/models`, {signal: AbortSignal.timeout(2000)});
		const body = (await res.json()) as {data: Array<{id: string}>};
		return body.data.map(m => m.id);
	} catch {
		return null;
	}
}

export function availableGb(ws: Workspace): number {
	const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync(ws.meminfo, 'utf8'));
	return Math.round(Number(m![1]) / 1024 / 1024);
}

export function journalLines(ws: Workspace): Array<Record<string, unknown>> {
	return readFileSync(path.join(ws.dir, 'xdg-state', 'stackdeck', 'swaps.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as Record<string, unknown>);
}

export async function until(check: () => Promise<boolean> | boolean, what: string, limitMs = 30_000): Promise<void> {
	const deadline = Date.now() + limitMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise(r => setTimeout(r, 100));
	}
	throw new Error(`timed out waiting for ${what}`);
}

/** A [profiles.NAME] run by start/stop commands: serve-engine in the background, its pid in a file. */
export function commandProfileToml(ws: Workspace, name: string, o: EngineSpec): string {
	const pidFile = path.join(ws.dir, `${name}.pid`);
	const log = path.join(ws.dir, `${name}.log`);
	const args = engineArgs(ws, o).map(a => `'${a}'`).join(' ');
	const start = `'${process.execPath}' '${SERVE_ENGINE}' ${args} > '${log}' 2>&1 & echo $! > '${pidFile}'`;
	const stop = `kill $(cat '${pidFile}') 2>/dev/null; true`;
	return [
		`[profiles.${JSON.stringify(name)}]`,
		'runtime = "command"',
		`kind = "${o.kind}"`,
		`url = "http://127.0.0.1:${o.port}"`,
		`served_model_name = "${o.model}"`,
		`memory_gb = ${o.memoryGb}`,
		`start_command = ${JSON.stringify(start)}`,
		`stop_command = ${JSON.stringify(stop)}`,
		`load_timeout_s = ${o.fail ? 8 : 30}`,
		`openhands_config = ${JSON.stringify(ws.openhandsToml)}`,
		`aider_conf = ${JSON.stringify(ws.aiderConf)}`,
		'',
	].join('\n');
}

/** Runs a profile's start_command from the config (to bring the first engine up). */
export async function runStartCommand(ws: Workspace, name: string): Promise<void> {
	const cfg = readFileSync(ws.configPath, 'utf8');
	const start = /start_command = (".*")/.exec(cfg.slice(cfg.indexOf(`[profiles.${JSON.stringify(name)}]`)))![1]!;
	await execa('sh', ['-c', JSON.parse(start) as string]);
}

/** Stops every engine a profile started (pid files in the workspace). */
export async function stopAll(ws: Workspace, names: string[]): Promise<void> {
	for (const name of names) await execa('sh', ['-c', `kill $(cat '${path.join(ws.dir, `${name}.pid`)}') 2>/dev/null; true`]);
}
