// One simulated engine as its own process, as a container or a start_command runs it:
//   node dist/sim/serve-engine.js --kind vllm --model NAME --port N [--load-ms N] [--shards N]
//     [--fail TEXT] [--memory-gb N --memory-dir DIR --meminfo FILE]
// It logs a load the way vLLM/SGLang do (checkpoint shards), then serves; --fail exits 1 with that
// error part-way through the load (the demo's broken model). With --memory-dir it holds its memory
// there while it serves and renders the demo host's /proc/meminfo into --meminfo; SIGTERM stops it
// and gives the memory back.

import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {renderDemoMeminfo} from './demo-meminfo.js';
import {startSimEngine} from './engine.js';
import type {SimKind} from './types.js';

const {values} = parseArgs({
	options: {
		kind: {type: 'string'},
		model: {type: 'string'},
		port: {type: 'string'},
		'load-ms': {type: 'string', default: '0'},
		shards: {type: 'string', default: '4'},
		fail: {type: 'string'},
		'memory-gb': {type: 'string'},
		'memory-dir': {type: 'string'},
		meminfo: {type: 'string'},
		'total-gb': {type: 'string', default: '128'},
	},
});

const kind = values.kind as SimKind;
if (!['sglang', 'vllm', 'ollama'].includes(kind)) {
	process.stderr.write(`serve-engine: --kind must be sglang, vllm or ollama, got ${String(values.kind)}\n`);
	process.exit(2);
}
const port = Number(values.port ?? 0);
const loadMs = Number(values['load-ms']);
const shards = Math.max(1, Number(values.shards));
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const memoryFile = values['memory-dir'] ? path.join(values['memory-dir'], `${kind}-${port}-${process.pid}.gb`) : null;

function renderMeminfo(): void {
	const dir = values['memory-dir'];
	if (!dir || !values.meminfo) return;
	let used = 0;
	for (const name of readdirSync(dir)) if (name.endsWith('.gb')) used += Number(readFileSync(path.join(dir, name), 'utf8')) || 0;
	const temp = `${values.meminfo}.${process.pid}.tmp`;
	writeFileSync(temp, renderDemoMeminfo(Number(values['total-gb']), used));
	renameSync(temp, values.meminfo);
}

function release(): void {
	if (!memoryFile) return;
	rmSync(memoryFile, {force: true});
	renderMeminfo();
}

async function main(): Promise<void> {
	const log = (line: string) => process.stdout.write(`${new Date().toISOString()} INFO ${line}\n`);
	log(`starting ${kind} for ${values.model} on port ${port}`);
	if (memoryFile) {
		mkdirSync(path.dirname(memoryFile), {recursive: true});
		writeFileSync(memoryFile, String(Number(values['memory-gb'] ?? 0)));
		renderMeminfo();
	}
	for (let i = 1; i <= shards; i++) {
		await sleep(loadMs / shards);
		log(`Loading safetensors checkpoint shards: ${i}/${shards}`);
		if (values.fail && i >= Math.ceil(shards / 2)) {
			process.stderr.write(`${new Date().toISOString()} ERROR ${values.fail}\n`);
			release();
			process.exit(1);
		}
	}
	const engine = await startSimEngine({kind, port, ...(values.model ? {model: values.model} : {})});
	log(`server ready on ${engine.url}`);
	const stop = async () => {
		log('shutting down');
		await engine.stop();
		release();
		process.exit(0);
	};
	process.on('SIGTERM', () => void stop());
	process.on('SIGINT', () => void stop());
}

main().catch(error => {
	process.stderr.write(`serve-engine: ${(error as Error).message}\n`);
	release();
	process.exit(1);
});
