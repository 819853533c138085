// `stackdeck demo`: start the simulated stack (engines, OpenHands state, load) on loopback and open
// the cockpit on it; `--headless` serves only, prints the endpoints and a config, and runs until
// SIGINT/SIGTERM. Nothing is written to the user's config.

import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {loadConfig, locateConfig} from '../../config/load.js';
import {COCKPIT_OPTIONS, flagOverrides, panelOption, reportStartupError, SHARED_OPTIONS, UsageError, type CockpitValues, type SharedValues} from '../options.js';
import {DEMO_LOAD_MS, startDemoStack} from '../../sim/demo-stack.js';
import type {DemoStack, SimKind} from '../../sim/types.js';
import {startDiagnostics} from '../../runtime/diagnostics.js';
import {writeJson} from '../output.js';

const DEMO_OPTIONS = {
	...SHARED_OPTIONS,
	...COCKPIT_OPTIONS,
	headless: {type: 'boolean'},
	'port-sglang': {type: 'string'},
	'port-vllm': {type: 'string'},
	'port-ollama': {type: 'string'},
	load: {type: 'boolean'},
	'no-load': {type: 'boolean'},
	'load-ms': {type: 'string'},
} as const;

const HELP = `usage: stackdeck demo [--headless [--json]] [--port-sglang N] [--port-vllm N] [--port-ollama N] [--load | --no-load] [--load-ms N]

Starts a simulated stack on this machine and opens the cockpit on it: SGLang (mistral-small-4, port
30000) and Ollama (qwen2.5:32b, port 11434) serving, vLLM (qwen3-coder-next, port 8001) stopped
because the two big models do not fit together, all speaking the real wire formats; a Docker Engine
API on a unix socket with the stack's containers (OpenHands, a sandbox, the engines, Gitea, Tor,
code-server, and a broken-model that crashes), whose start/stop start and stop the engines; a
128 GB DGX Spark's /proc/meminfo that follows them; and an OpenHands state folder with a live
session and its config.toml. A busy port is replaced by a free one (and reported); 0 means any free
port. Everything lives in a temporary folder removed on exit; your own config is not read or written.

  --headless      serve only: print the endpoints, DOCKER_HOST and a config for
                  \`stackdeck --config\`, run until Ctrl-C / SIGTERM / SIGHUP
  --json          (with --headless) print one JSON object instead: config, engines
                  (kind, url, model), dockerHost, meminfo, stateDir, notes
  --load          run the load generator (default: on, off with --headless)
  --no-load       no load generator
  --load-ms N     an engine container's start-up time before it serves (default ${DEMO_LOAD_MS})
`;

/** `--headless --json`: what a script needs to reach the stack, as one JSON object on one line. */
export function describeStackJson(stack: DemoStack): Record<string, unknown> {
	return {
		config: stack.configPath,
		engines: stack.engines.map(e => ({kind: e.kind, url: e.url, model: e.model, decodeTps: e.decodeTps})),
		dockerHost: stack.dockerHost,
		meminfo: stack.meminfoPath,
		stateDir: stack.stateDir,
		openhandsConfig: stack.configToml,
		notes: stack.notices,
	};
}

function parsePort(flag: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--${flag} takes a port number 0-65535 (0 = any free port), got "${value}"`);
	return port;
}

export function describeStack(stack: DemoStack): string {
	const paths: Record<SimKind, string> = {
		sglang: '/v1/models /health /server_info /get_server_info /get_model_info /flush_cache /metrics /v1/chat/completions',
		vllm: '/v1/models /health /version /metrics /v1/chat/completions',
		ollama: '/api/version /api/tags /api/ps /api/chat /api/generate /v1/models /v1/chat/completions',
	};
	const lines = ['stackdeck demo: simulated stack running', ''];
	for (const engine of stack.engines) lines.push(`  ${engine.kind.padEnd(7)} ${engine.url}  model ${engine.model}, ${engine.decodeTps} tok/s`, `          ${paths[engine.kind]}`);
	lines.push(
		'',
		`  Docker API       DOCKER_HOST=${stack.dockerHost}`,
		`  host memory      ${stack.meminfoPath} (a 128 GB DGX Spark)`,
		`  OpenHands state  ${stack.stateDir}`,
		`  OpenHands config ${stack.configToml}`,
		`  config           ${stack.configPath}`,
	);
	for (const notice of stack.notices) lines.push(`  note: ${notice}`);
	lines.push(
		'',
		`Open the cockpit on it from another terminal:  stackdeck --config ${stack.configPath}`,
		`Use the docker CLI on it:                      DOCKER_HOST=${stack.dockerHost} docker ps -a`,
		'',
		'--- config.toml ---',
		readFileSync(stack.configPath, 'utf8'),
	);
	return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
	let values: SharedValues & CockpitValues & {headless?: boolean; 'port-sglang'?: string; 'port-vllm'?: string; 'port-ollama'?: string; load?: boolean; 'no-load'?: boolean; 'load-ms'?: string};
	let ports: Partial<Record<SimKind, number>>;
	let loadMs: number | undefined;
	try {
		values = parseArgs({args: argv, options: DEMO_OPTIONS, strict: true, allowPositionals: false}).values;
		if (values.help) {
			process.stdout.write(HELP);
			return 0;
		}
		panelOption(values.panel);
		if (values.json && !values.headless) throw new UsageError('--json needs --headless (the cockpit is a screen, not output)');
		if (values.load && values['no-load']) throw new UsageError('--load and --no-load contradict each other; give one');
		ports = {};
		for (const kind of ['sglang', 'vllm', 'ollama'] as const) {
			const port = parsePort(`port-${kind}`, values[`port-${kind}`]);
			if (port !== undefined) ports[kind] = port;
		}
		if (values['load-ms'] !== undefined) {
			loadMs = Number(values['load-ms']);
			if (!Number.isInteger(loadMs) || loadMs < 0 || loadMs > 600_000) throw new UsageError(`--load-ms takes milliseconds 0-600000, got "${values['load-ms']}"`);
		}
	} catch (error) {
		if ((error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')) {
			process.stderr.write(`stackdeck demo: ${(error as Error).message}\n`);
			return 2;
		}
		return reportStartupError(error);
	}
	const headless = values.headless === true;
	const load = values['no-load'] ? false : values.load ? true : !headless;

	// Until the cockpit (or the headless loop) has its own handlers, a signal exits at once, so the
	// stack's exit hook removes the temporary folder instead of the default action killing us.
	const removeEarlyExit = exitOnSignalUntilHandled();
	try {
		return await runStack(values, ports, load, headless, loadMs, values.json === true);
	} finally {
		removeEarlyExit();
	}
}

const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function exitOnSignalUntilHandled(): () => void {
	const handlers = STOP_SIGNALS.map(signal => {
		const handler = () => {
			if (process.listenerCount(signal) > 1) return; // someone else handles it now
			process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	return () => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
	};
}

async function runStack(values: SharedValues & CockpitValues, ports: Partial<Record<SimKind, number>>, load: boolean, headless: boolean, loadMs: number | undefined, json: boolean): Promise<number> {
	let stack: DemoStack;
	try {
		stack = await startDemoStack({ports, load, live: true, ...(loadMs !== undefined ? {loadMs} : {})});
	} catch (error) {
		process.stderr.write(`stackdeck demo: could not start the simulated stack: ${(error as Error).message}\n`);
		return 1;
	}
	const diagnostics = () => ({'listeners.loadAbort': stack.loadListeners()});

	if (headless) {
		if (json) writeJson(describeStackJson(stack));
		else process.stdout.write(`${describeStack(stack)}\n`);
		const stopDiagnostics = startDiagnostics(process.env['STACKDECK_DIAG'], diagnostics);
		return new Promise<number>(resolve => {
			const shutdown = (signal: NodeJS.Signals) => {
				for (const s of STOP_SIGNALS) process.off(s, shutdown);
				stopDiagnostics();
				// A dropped terminal (SIGHUP) cannot take the message; stop anyway.
				try {
					// stdout stays one JSON object under --json: the note goes to stderr there.
					(json ? process.stderr : process.stdout).write(`stackdeck demo: ${signal}, stopping the simulated stack\n`);
				} catch {
					// EIO
				}
				void stack.stop().then(
					() => resolve(0),
					(error: unknown) => {
						process.stderr.write(`stackdeck demo: stopping failed: ${(error as Error).message}\n`);
						resolve(1);
					},
				);
			};
			for (const s of STOP_SIGNALS) process.on(s, shutdown);
		});
	}

	let loaded;
	try {
		const {overrides, origins} = flagOverrides(values);
		loaded = loadConfig(locateConfig(stack.configPath), overrides, origins);
	} catch (error) {
		await stack.stop();
		return reportStartupError(error);
	}
	for (const notice of stack.notices) process.stderr.write(`stackdeck demo: ${notice}\n`);
	const {runCockpit} = await import('../../runtime/cockpit.js');
	// The demo's own Docker socket and memory, whatever DOCKER_HOST or STACKDECK_MEMINFO the shell has.
	const env: NodeJS.ProcessEnv = {...process.env, DOCKER_HOST: stack.dockerHost};
	delete env['STACKDECK_MEMINFO'];
	const code = await runCockpit({loaded, flagTheme: values.theme, env, label: 'demo', panel: panelOption(values.panel), logFile: values.log, onShutdown: () => stack.stop(), diagnostics});
	await stack.stop();
	return code;
}
