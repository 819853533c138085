// The demo stack's containers as the seeds' compose files describe them (with the corrections of
// research/seed-claims.md): OpenHands and one sandbox, SGLang serving Mistral Small 4, vLLM with
// Qwen3 Coder Next stopped (the two do not fit together), Ollama, Gitea, Tor, code-server, and a
// broken-model engine that dies a few seconds after it starts.

import {msToNs, nowNs} from './clock.js';
import {DemoContainer, type ContainerSpec} from './container.js';
import type {DemoDaemon} from './daemon.js';
import {crashingProcess, engineProcess, serviceProcess} from './processes.js';
import {openhandsBootLines} from './role-logs.js';
import {SGLANG_VERSION} from '../server-info.js';
import {SIM_PROFILES} from '../profiles.js';
import type {SimEngine, SimKind} from '../types.js';

const GIB = 1024 ** 3;
const OPENHANDS_TAG = '0.48';
const REGISTRY = 'docker.all-hands.dev/all-hands-ai';

export interface DemoContainersInput {
	engines: Record<SimKind, SimEngine>;
	/** The demo daemon's socket (mounted into OpenHands as the seed mounts the host's). */
	socketPath: string;
	stateDir: string;
	configToml: string;
	/** Folder holding the demo project (WORKSPACE_BASE). */
	workspace: string;
	liveSession: string;
	/** Host memory free now (GB), for the engines' start-up lines. */
	availGb: () => number;
	/** broken-model dies this long after it starts. */
	crashAfterMs: number;
}

function compose(service: string): Record<string, string> {
	return {
		'com.docker.compose.project': 'stack',
		'com.docker.compose.service': service,
		'com.docker.compose.version': '2.39.1',
		'com.docker.compose.oneoff': 'False',
		'com.docker.compose.container-number': '1',
		'com.docker.compose.config-hash': service.split('').map(ch => ch.charCodeAt(0).toString(16)).join('').padEnd(64, '0').slice(0, 64),
	};
}

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function engineContainer(kind: SimKind, input: DemoContainersInput, spec: Omit<ContainerSpec, 'ports'> & {containerPort: number}, modelPath: string, rssGb: number): DemoContainer {
	const engine = input.engines[kind];
	const profile = SIM_PROFILES[kind];
	const {containerPort, ...rest} = spec;
	return new DemoContainer(
		{...rest, ports: [{containerPort, hostPort: engine.port}]},
		engineProcess({
			engine,
			log: {kind, model: engine.model, modelPath, weightsGb: profile.weightsGb, kvGb: profile.kvGb, port: containerPort},
			availGb: input.availGb,
			rssBytes: rssGb * GIB,
			periodicMs: kind === 'vllm' ? 10_000 : 4_000,
		}),
	);
}

export function demoContainers(input: DemoContainersInput): {containers: DemoContainer[]; running: DemoContainer[]} {
	const sglangUrl = `http://host.docker.internal:${input.engines.sglang.port}/v1`;
	const openhands = new DemoContainer(
		{
			name: 'openhands',
			image: `${REGISTRY}/openhands:${OPENHANDS_TAG}`,
			entrypoint: ['/app/entrypoint.sh'],
			cmd: ['uvicorn', 'openhands.server.listen:app', '--host', '0.0.0.0', '--port', '3000'],
			// The model and base URL come from the bind-mounted config.toml ([llm]), not LLM_MODEL /
			// LLM_BASE_URL: the environment would win over it, and a swap's rewrite of the file (then a
			// restart) is how the demo's OpenHands follows the serving engine.
			env: [
				'LLM_API_KEY=not-needed-local',
				`SANDBOX_RUNTIME_CONTAINER_IMAGE=${REGISTRY}/runtime:${OPENHANDS_TAG}-nikolaik`,
				`WORKSPACE_BASE=${input.workspace}`,
				'LOG_LEVEL=INFO',
				PATH_ENV,
				'PYTHONUNBUFFERED=1',
			],
			labels: compose('openhands'),
			ports: [{containerPort: 3000, hostPort: 3001}],
			mounts: [
				{type: 'bind', source: input.socketPath, destination: '/var/run/docker.sock'},
				{type: 'bind', source: input.workspace, destination: '/opt/workspace_base'},
				{type: 'bind', source: input.stateDir, destination: '/.openhands-state'},
				{type: 'bind', source: input.configToml, destination: '/app/config.toml', readOnly: true},
			],
			restart: 'unless-stopped',
			extraHosts: ['host.docker.internal:host-gateway'],
			workingDir: '/app',
			createdMinutesAgo: 95,
		},
		serviceProcess({role: 'openhands', rssBytes: 1.8 * GIB, cpu: 0.04, lineEveryMs: 5000}),
	);
	const runtime = new DemoContainer(
		{
			name: `openhands-runtime-${input.liveSession}`,
			image: `${REGISTRY}/runtime:${OPENHANDS_TAG}-nikolaik`,
			entrypoint: ['/openhands/micromamba/bin/micromamba', 'run', '-n', 'openhands', 'poetry', 'run'],
			cmd: ['python', '-u', '-m', 'openhands.runtime.action_execution_server', '30512', '--working-dir', '/workspace', '--plugins', 'agent_skills', 'jupyter', '--username', 'openhands', '--user-id', '1000'],
			env: ['port=30512', `SESSION_API_KEY=sk-oh-${input.liveSession.slice(0, 24)}`, 'VSCODE_PORT=40001', PATH_ENV],
			labels: {},
			ports: [
				{containerPort: 30512, hostPort: 30512},
				{containerPort: 40001, hostPort: 40001},
			],
			mounts: [{type: 'bind', source: input.workspace, destination: '/workspace'}],
			restart: 'no',
			workingDir: '/openhands/code',
			createdMinutesAgo: 1,
		},
		serviceProcess({role: 'openhands-runtime', rssBytes: 1.1 * GIB, cpu: 0.12, lineEveryMs: 3000}),
	);
	const sglang = engineContainer(
		'sglang',
		input,
		{
			name: 'sglang',
			image: 'lmsysorg/sglang:v0.5.5',
			entrypoint: null,
			cmd: ['python3', '-m', 'sglang.launch_server', '--model-path', 'mistralai/Mistral-Small-4-119B-2603-NVFP4', '--served-model-name', 'mistral-small-4', '--host', '0.0.0.0', '--port', '30000', '--tool-call-parser', 'mistral', '--enable-metrics'],
			env: ['HF_TOKEN=hf_dEmOtOkEnNoTrEaL0000000000000000', 'HF_HOME=/root/.cache/huggingface', 'NVIDIA_VISIBLE_DEVICES=all', PATH_ENV],
			labels: compose('sglang'),
			containerPort: 30000,
			mounts: [{type: 'volume', source: 'stack_hf-cache', destination: '/root/.cache/huggingface'}],
			restart: 'unless-stopped',
			workingDir: '/sgl-workspace',
			createdMinutesAgo: 92,
		},
		'mistralai/Mistral-Small-4-119B-2603-NVFP4',
		3.4,
	);
	const vllm = engineContainer(
		'vllm',
		input,
		{
			name: 'vllm',
			image: 'vllm/vllm-openai:v0.11.0',
			entrypoint: ['vllm', 'serve'],
			cmd: ['Intel/Qwen3-Coder-Next-int4-AutoRound', '--served-model-name', 'qwen3-coder-next', '--port', '8000', '--enable-auto-tool-choice', '--tool-call-parser', 'qwen3_coder', '--gpu-memory-utilization', '0.8'],
			env: ['HF_TOKEN=hf_dEmOtOkEnNoTrEaL0000000000000000', 'HF_HOME=/root/.cache/huggingface', 'NVIDIA_VISIBLE_DEVICES=all', PATH_ENV],
			labels: compose('vllm'),
			containerPort: 8000,
			mounts: [{type: 'volume', source: 'stack_hf-cache', destination: '/root/.cache/huggingface'}],
			restart: 'unless-stopped',
			workingDir: '/vllm-workspace',
			createdMinutesAgo: 92,
		},
		'Intel/Qwen3-Coder-Next-int4-AutoRound',
		4.2,
	);
	const ollama = engineContainer(
		'ollama',
		input,
		{
			name: 'ollama',
			image: 'ollama/ollama:0.12.6',
			entrypoint: ['/bin/ollama'],
			cmd: ['serve'],
			env: ['OLLAMA_HOST=0.0.0.0:11434', 'OLLAMA_KEEP_ALIVE=5m', PATH_ENV],
			labels: compose('ollama'),
			containerPort: 11434,
			mounts: [{type: 'volume', source: 'stack_ollama', destination: '/root/.ollama'}],
			restart: 'unless-stopped',
			createdMinutesAgo: 92,
		},
		'qwen2.5:32b',
		0.9,
	);
	const gitea = new DemoContainer(
		{
			name: 'gitea',
			image: 'gitea/gitea:1.21.4',
			entrypoint: ['/usr/bin/entrypoint'],
			cmd: ['/bin/s6-svscan', '/etc/s6'],
			env: ['USER_UID=1000', 'USER_GID=1000', 'GITEA__database__DB_TYPE=sqlite3', PATH_ENV],
			labels: compose('gitea'),
			ports: [
				{containerPort: 22, hostPort: 2222},
				{containerPort: 3000, hostPort: 3000},
			],
			mounts: [{type: 'volume', source: 'stack_gitea-data', destination: '/data'}],
			restart: 'unless-stopped',
			createdMinutesAgo: 96,
		},
		serviceProcess({role: 'gitea', rssBytes: 0.18 * GIB, cpu: 0.01, lineEveryMs: 10_000}),
	);
	const tor = new DemoContainer(
		{
			name: 'tor',
			image: 'goldy/tor-hidden-service:latest',
			entrypoint: ['/sbin/tini', '--', '/entrypoint.sh'],
			cmd: ['tor'],
			// As the seed wrote them: this image reads GITEA_TOR_SERVICE_HOSTS, so no onion service is made.
			env: ['SERVICE1_HOST=gitea', 'SERVICE1_PORT=3000', 'SERVICE2_HOST=vllm', 'SERVICE2_PORT=8000', PATH_ENV],
			labels: compose('tor'),
			ports: [],
			mounts: [{type: 'volume', source: 'stack_tor-keys', destination: '/var/lib/tor/hidden_service'}],
			restart: 'unless-stopped',
			createdMinutesAgo: 96,
		},
		serviceProcess({role: 'tor', rssBytes: 0.05 * GIB, cpu: 0.005, lineEveryMs: 30_000}),
	);
	const codeServer = new DemoContainer(
		{
			name: 'code-server',
			image: 'codercom/code-server:4.104.1',
			entrypoint: ['/usr/bin/entrypoint.sh'],
			cmd: ['--bind-addr', '0.0.0.0:8080', '.'],
			env: ['PASSWORD=demo-password-not-real', 'DEFAULT_WORKSPACE=/home/coder/project', PATH_ENV],
			labels: compose('code-server'),
			ports: [{containerPort: 8080, hostPort: 8443}],
			mounts: [{type: 'bind', source: input.workspace, destination: '/home/coder/project'}],
			restart: 'unless-stopped',
			createdMinutesAgo: 96,
		},
		serviceProcess({role: 'code-server', rssBytes: 0.35 * GIB, cpu: 0.02, lineEveryMs: 20_000}),
	);
	const broken = new DemoContainer(
		{
			name: 'broken-model',
			image: 'vllm/vllm-openai:v0.11.0',
			entrypoint: ['vllm', 'serve'],
			cmd: ['mistralai/Mistral-Small-4-v2', '--served-model-name', 'mistral-small-4-v2', '--port', '8000'],
			env: ['HF_HOME=/root/.cache/huggingface', 'NVIDIA_VISIBLE_DEVICES=all', PATH_ENV],
			labels: {...compose('broken-model'), 'stackdeck.role': 'vllm'},
			ports: [{containerPort: 8000, hostPort: 8002}],
			mounts: [{type: 'volume', source: 'stack_hf-cache', destination: '/root/.cache/huggingface'}],
			restart: 'no',
			createdMinutesAgo: 30,
		},
		crashingProcess('mistralai/Mistral-Small-4-v2', input.crashAfterMs),
	);
	// OpenHands' history: started an hour ago, the known failures since (the live session's
	// role-alternation error a minute ago).
	const now = nowNs();
	for (const line of openhandsBootLines({liveSession: input.liveSession, sglangVersion: SGLANG_VERSION, llmModel: 'openai/mistral-small-4', baseUrl: sglangUrl}))
		openhands.log(line.stream, line.text, now - msToNs(line.agoMs));
	const containers = [openhands, runtime, sglang, vllm, ollama, gitea, tor, codeServer, broken];
	return {containers, running: [openhands, runtime, sglang, ollama, gitea, tor, codeServer, broken]};
}

/** vLLM was stopped for SGLang: its last run's shutdown in its log, exit 0. */
export function markStoppedEarlier(container: DemoContainer, minutesAgo: number): void {
	const at = nowNs() - msToNs(minutesAgo * 60_000);
	container.startedAt = at - msToNs(40 * 60_000);
	container.log('stdout', 'INFO:     Shutting down\nINFO:     Application shutdown complete.\nINFO:     Finished server process [1]', at);
	container.status = 'exited';
	container.exitCode = 0;
	container.finishedAt = at;
}

export async function bringUp(daemon: DemoDaemon, containers: DemoContainer[], running: DemoContainer[]): Promise<void> {
	for (const c of containers) daemon.add(c);
	for (const c of running) await daemon.start(c);
}
