// What each service of the stack writes to its log, in that program's own format: SGLang's and
// vLLM's start-up (weight shards, KV cache, ready) and periodic stats, Ollama's GIN lines, OpenHands'
// uvicorn and agent lines (with the stack's known failures: the role-alternation BadRequestError,
// "File is not text", a version-mismatch warning), Gitea, Tor and code-server.

export interface EngineActivity {
	running: number;
	waiting: number;
	/** Tokens generated per second over the last interval. */
	genTps: number;
	/** Prompt tokens per second over the last interval. */
	promptTps: number;
	/** Share of the KV pool in use, 0..1. */
	kvUsage: number;
	/** Prefix cache hit rate, 0..1. */
	hitRate: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-12-01 13:20:01" (SGLang's log prefix, local time). */
function sglangTime(d: Date): string {
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "12-01 13:20:01" (vLLM's). */
function vllmTime(d: Date): string {
	return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** tqdm's progress line for safetensors shards, as both engines print it. */
function shardBar(shard: number, shards: number, secondsPerShard: number): string {
	const pct = Math.round((shard / shards) * 100);
	const elapsed = Math.round(shard * secondsPerShard);
	const left = Math.round((shards - shard) * secondsPerShard);
	const mmss = (s: number) => `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
	return `Loading safetensors checkpoint shards: ${String(pct).padStart(3)}% Completed | ${shard}/${shards} [${mmss(elapsed)}<${mmss(left)}, ${secondsPerShard.toFixed(2)}s/it]`;
}

export interface EngineLogInput {
	kind: 'sglang' | 'vllm' | 'ollama';
	model: string;
	/** The model path the container was started with. */
	modelPath: string;
	weightsGb: number;
	kvGb: number;
	availGb: number;
	port: number;
}

export function engineStartLines(e: EngineLogInput, now = new Date()): string[] {
	if (e.kind === 'sglang')
		return [
			`[${sglangTime(now)}] server_args=ServerArgs(model_path='${e.modelPath}', served_model_name='${e.model}', host='0.0.0.0', port=${e.port}, mem_fraction_static=0.836, tool_call_parser='mistral', enable_metrics=True)`,
			`[${sglangTime(now)}] Using default HuggingFace chat template with detected content format: openai`,
			`[${sglangTime(now)}] Load weight begin. avail mem=${e.availGb.toFixed(2)} GB`,
		];
	if (e.kind === 'vllm')
		return [
			`INFO ${vllmTime(now)} [api_server.py:1885] vLLM API server version 0.11.0`,
			`INFO ${vllmTime(now)} [utils.py:233] non-default args: {'model': '${e.modelPath}', 'served_model_name': ['${e.model}'], 'enable_auto_tool_choice': True, 'tool_call_parser': 'qwen3_coder', 'gpu_memory_utilization': 0.8}`,
			`INFO ${vllmTime(now)} [gpu_model_runner.py:2602] Starting to load model ${e.modelPath}...`,
		];
	return [`time=${now.toISOString()} level=INFO source=routes.go:1511 msg="Listening on [::]:11434 (version 0.12.6)"`, `time=${now.toISOString()} level=INFO source=server.go:398 msg="starting runner" model=${e.model}`];
}

export function engineShardLine(e: EngineLogInput, shard: number, shards: number, secondsPerShard: number): string {
	if (e.kind === 'ollama') return `time=${new Date().toISOString()} level=INFO source=server.go:1289 msg="loading model" layer=${shard}/${shards}`;
	return shardBar(shard, shards, secondsPerShard);
}

export function engineReadyLines(e: EngineLogInput, loadSeconds: number, now = new Date()): string[] {
	const after = (e.availGb - e.weightsGb).toFixed(2);
	if (e.kind === 'sglang')
		return [
			`[${sglangTime(now)}] Load weight end. type=Mistral3ForConditionalGeneration, dtype=torch.bfloat16, avail mem=${after} GB, mem usage=${e.weightsGb.toFixed(2)} GB.`,
			`[${sglangTime(now)}] KV Cache is allocated. #tokens: 524288, KV size: ${(e.kvGb - 1.2).toFixed(2)} GB`,
			`[${sglangTime(now)}] Capture cuda graph end. Time elapsed: ${(loadSeconds * 0.1).toFixed(2)} s. mem usage=1.20 GB. avail mem=${(Number(after) - e.kvGb).toFixed(2)} GB.`,
			`[${sglangTime(now)}] INFO:     Uvicorn running on http://0.0.0.0:${e.port} (Press CTRL+C to quit)`,
			`[${sglangTime(now)}] The server is fired up and ready to roll!`,
		];
	if (e.kind === 'vllm')
		return [
			`INFO ${vllmTime(now)} [default_loader.py:267] Loading weights took ${(loadSeconds * 0.8).toFixed(2)} seconds`,
			`INFO ${vllmTime(now)} [gpu_model_runner.py:2653] Model loading took ${e.weightsGb.toFixed(4)} GiB and ${loadSeconds.toFixed(6)} seconds`,
			`INFO ${vllmTime(now)} [gpu_worker.py:298] Available KV cache memory: ${e.kvGb.toFixed(2)} GiB`,
			`INFO ${vllmTime(now)} [kv_cache_utils.py:1087] GPU KV cache size: 524,288 tokens`,
			`INFO ${vllmTime(now)} [api_server.py:1971] Starting vLLM API server 0 on http://0.0.0.0:8000`,
			'INFO:     Application startup complete.',
		];
	return [`time=${now.toISOString()} level=INFO source=server.go:1289 msg="llama runner started in ${loadSeconds.toFixed(2)} seconds"`];
}

export function engineStopLines(e: EngineLogInput, now = new Date()): string[] {
	if (e.kind === 'ollama') return [];
	if (e.kind === 'sglang') return [`[${sglangTime(now)}] INFO:     Shutting down`, `[${sglangTime(now)}] INFO:     Finished server process [1]`];
	return ['INFO:     Shutting down', 'INFO:     Waiting for application shutdown.', 'INFO:     Application shutdown complete.', 'INFO:     Finished server process [1]'];
}

/** A warning the server logs while serving, with its kind's prefix (SGLang: `[time] message`). */
export function engineWarningLine(e: EngineLogInput, message: string, now = new Date()): string {
	if (e.kind === 'sglang') return `[${sglangTime(now)}] ${message}`;
	if (e.kind === 'vllm') return `WARNING ${vllmTime(now)} ${message}`;
	return `time=${now.toISOString()} level=WARN msg="${message}"`;
}

/** The engine's periodic status line (SGLang: decode batch; vLLM: the 10 s stats line; Ollama: an access line). */
export function enginePeriodicLine(kind: 'sglang' | 'vllm' | 'ollama', a: EngineActivity, now = new Date()): string | null {
	if (kind === 'sglang') {
		if (a.running === 0 && a.genTps === 0) return null;
		const tokens = Math.round(a.kvUsage * 524288);
		return `[${sglangTime(now)}] Decode batch. #running-req: ${a.running}, #token: ${tokens}, token usage: ${a.kvUsage.toFixed(2)}, cuda graph: True, gen throughput (token/s): ${a.genTps.toFixed(2)}, #queue-req: ${a.waiting}`;
	}
	if (kind === 'vllm')
		return `INFO ${vllmTime(now)} [loggers.py:127] Engine 000: Avg prompt throughput: ${a.promptTps.toFixed(1)} tokens/s, Avg generation throughput: ${a.genTps.toFixed(1)} tokens/s, Running: ${a.running} reqs, Waiting: ${a.waiting} reqs, GPU KV cache usage: ${(a.kvUsage * 100).toFixed(1)}%, Prefix cache hit rate: ${(a.hitRate * 100).toFixed(1)}%`;
	if (a.genTps === 0) return null;
	const stamp = `${now.getFullYear()}/${pad(now.getMonth() + 1)}/${pad(now.getDate())} - ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
	return `[GIN] ${stamp} | 200 | ${(2 + Math.random() * 2).toFixed(6)}s |      172.18.0.1 | POST     "/v1/chat/completions"`;
}

export interface OpenhandsLogInput {
	liveSession: string;
	sglangVersion: string;
	llmModel: string;
	baseUrl: string;
}

/** OpenHands' start-up and the failures the stack is known for, with their times (ms before now). */
export function openhandsBootLines(o: OpenhandsLogInput): Array<{agoMs: number; stream: 'stdout' | 'stderr'; text: string}> {
	const model = o.llmModel.replace(/^openai\//, '');
	return [
		{agoMs: 3_600_000, stream: 'stdout', text: 'Starting OpenHands...'},
		{agoMs: 3_599_000, stream: 'stdout', text: 'Running OpenHands as root'},
		{agoMs: 3_597_000, stream: 'stderr', text: 'INFO:     Started server process [9]'},
		{agoMs: 3_597_000, stream: 'stderr', text: 'INFO:     Waiting for application startup.'},
		{agoMs: 3_597_000, stream: 'stderr', text: 'INFO:     Application startup complete.'},
		{agoMs: 3_597_000, stream: 'stderr', text: 'INFO:     Uvicorn running on http://0.0.0.0:3000 (Press CTRL+C to quit)'},
		{agoMs: 3_500_000, stream: 'stderr', text: `WARNING:openhands:llm: SGLang version mismatch: tool-call parser 'mistral' for ${model} was tested with sglang 0.5.4; ${o.baseUrl} reports ${o.sglangVersion}`},
		{agoMs: 2_400_000, stream: 'stderr', text: 'ERROR:openhands:runtime: <class \'ValueError\'>: File is not text: /workspace/todo-api/docs/logo.png'},
		{agoMs: 2_400_000, stream: 'stderr', text: 'ValueError: File is not text'},
		{agoMs: 55_000, stream: 'stderr', text: `INFO:openhands:server: Starting agent loop for conversation ${o.liveSession}`},
		{agoMs: 50_000, stream: 'stderr', text: `ERROR:openhands:llm: litellm.BadRequestError: OpenAIException - Error code: 400 - {'object': 'error', 'message': 'After the optional system message, conversation roles must alternate user/assistant/user/assistant/...', 'type': 'BadRequestError', 'param': None, 'code': 400}`},
		{agoMs: 50_000, stream: 'stderr', text: `WARNING:openhands:agent_controller: [conversation ${o.liveSession}] retrying the LLM call (1/4) after BadRequestError`},
	];
}

/** A request line from each service's own access log. */
export function serviceLine(role: 'openhands' | 'openhands-runtime' | 'gitea' | 'tor' | 'code-server', tick: number, now = new Date()): string {
	const clock = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
	switch (role) {
		case 'openhands':
			return tick % 3 === 0
				? `INFO:     172.18.0.1:${40000 + (tick % 20000)} - "GET /api/conversations?limit=20 HTTP/1.1" 200 OK`
				: `INFO:     172.18.0.1:${40000 + (tick % 20000)} - "GET /api/options/config HTTP/1.1" 200 OK`;
		case 'openhands-runtime':
			return `${clock} - openhands:INFO: action_execution_server.py:${200 + (tick % 9)} - Action received: CmdRunAction (npm test)`;
		case 'gitea':
			return `${now.getFullYear()}/${pad(now.getMonth() + 1)}/${pad(now.getDate())} ${clock} ...eb/routing/logger.go:102:func1() [I] router: completed GET /api/healthz for 172.18.0.1:${50000 + (tick % 9999)}, 200 OK in 1.2ms @ web/healthcheck/check.go:67(healthcheck.Check)`;
		case 'tor':
			return `${now.toUTCString().slice(5, 16)} ${clock}.000 [notice] Heartbeat: Tor's uptime is 1:${pad(tick % 60)} hours, with 4 circuits open. I've sent 1.${tick % 10} MB and received 6.${tick % 10} MB.`;
		case 'code-server':
			return `[${now.toISOString()}] info  [${pad(tick % 99, 2)}] Extension host agent started.`;
	}
}

/** broken-model: a vLLM whose model path does not exist, as the real one fails at start-up. */
export function brokenModelLines(modelPath: string, now = new Date()): {start: string[]; crash: string[]} {
	return {
		start: [
			`INFO ${vllmTime(now)} [api_server.py:1885] vLLM API server version 0.11.0`,
			`INFO ${vllmTime(now)} [utils.py:233] non-default args: {'model': '${modelPath}', 'served_model_name': ['mistral-small-4-v2']}`,
		],
		crash: [
			'Traceback (most recent call last):',
			'  File "/usr/local/bin/vllm", line 10, in <module>',
			'    sys.exit(main())',
			'  File "/usr/local/lib/python3.12/dist-packages/vllm/engine/arg_utils.py", line 1105, in create_model_config',
			'    return ModelConfig(',
			`OSError: ${modelPath} does not appear to have a file named config.json. Checkout 'https://huggingface.co/${modelPath}/tree/main' for available files.`,
		],
	};
}
