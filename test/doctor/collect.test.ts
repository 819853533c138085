// The Doctor end to end on real things: files and folders the test makes, a simulated SGLang speaking
// the real API, a git repository, a SOCKS5 greeting, a FIFO where a config should be, and containers on
// the real Docker Engine (skipped with a notice without a daemon, except under CI=true).

import {execFileSync} from 'node:child_process';
import {chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Docker from 'dockerode';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {configSchema, type Config} from '../../source/config/schema.js';
import {runChecks} from '../../source/domain/doctor/registry.js';
import type {CheckResult} from '../../source/domain/doctor/types.js';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {collectFacts} from '../../source/sources/doctor/collect.js';
import {createLocalIo} from '../../source/sources/doctor/io.js';
import {IMAGE, ensureImage, requireDaemon} from '../docker/engine-support.js';

const run = `${process.pid}-${Date.now().toString(36)}`;
let dir: string;
let sim: SimEngine;
let socks: Server;
let socksPort: number;

function byId(results: CheckResult[], id: string): CheckResult {
	return results.find(r => r.id === id)!;
}
const seen = (r: CheckResult) => r.evidence.map(e => `${e.where}: ${e.saw}`).join('\n');

function git(cwd: string, args: string[], env: Record<string, string> = {}) {
	execFileSync('git', args, {cwd, env: {...process.env, GIT_AUTHOR_NAME: 'Jane Real', GIT_AUTHOR_EMAIL: 'jane@corp.example', GIT_COMMITTER_NAME: 'Jane Real', GIT_COMMITTER_EMAIL: 'jane@corp.example', ...env}, stdio: 'ignore'});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), `sd-doctor-${run}-`));
	sim = await startSimEngine({kind: 'sglang', port: 0, model: 'mistral-small-4'});
	// A SOCKS5 server's greeting: version 5, "no authentication" chosen.
	socks = createServer(s => s.once('data', () => s.end(Buffer.from([0x05, 0x00]))));
	await new Promise<void>(r => socks.listen(0, '127.0.0.1', r));
	socksPort = (socks.address() as {port: number}).port;
	mkdirSync(join(dir, 'state'));
	chownSync(join(dir, 'state'), 0, 0);
	chmodSync(join(dir, 'state'), 0o755);
	writeFileSync(join(dir, 'state', 'config.toml'), `[llm]\nmodel = "openai/mistral-small-4-v2"\nbase_url = "${sim.url}/v1"\nnative_tool_calling = true\n\n[agent]\n# the seed forgot this one\n`);
	mkdirSync(join(dir, 'projects', 'app'), {recursive: true});
	git(join(dir, 'projects', 'app'), ['init', '-q']);
	writeFileSync(join(dir, 'projects', 'app', 'a.txt'), 'x');
	git(join(dir, 'projects', 'app'), ['add', '.']);
	git(join(dir, 'projects', 'app'), ['commit', '-q', '-m', 'first'], {GIT_AUTHOR_DATE: '2026-11-30T10:00:00+0200', GIT_COMMITTER_DATE: '2026-11-30T10:00:00+0200'});
	writeFileSync(join(dir, 'aider'), '#!/bin/sh\necho "aider 0.86.1"\n', {mode: 0o755});
	writeFileSync(join(dir, 'aider.conf.yml'), `# mine\nmodel: openai/mistral-small-4\nopenai-api-base: ${sim.url}/v1\n`);
	writeFileSync(join(dir, 'app.ini'), '[webhook]\nALLOWED_HOSTS = *.onion\n');
});

afterAll(async () => {
	await sim?.stop();
	socks?.close();
	rmSync(dir, {recursive: true, force: true});
});

function config(over: Record<string, unknown> = {}): Config {
	return configSchema.parse({
		docker: {enabled: false},
		engines: {probe: false, list: [{name: 'sglang', url: sim.url}]},
		openhands: {state_dir: join(dir, 'state'), config_toml: join(dir, 'state', 'config.toml')},
		cache: {dirs: [join(dir, 'state')]},
		privacy: {tor: true, socks: `127.0.0.1:${socksPort}`, git_email: 'anon@example.invalid', normalize_timezone: true},
		doctor: {project_dirs: [join(dir, 'projects')], gitea_app_ini: join(dir, 'app.ini'), aider_conf: join(dir, 'aider.conf.yml')},
		aider: {command: join(dir, 'aider')},
		...over,
	});
}

describe('Doctor on files, a simulated engine, git and a SOCKS port', () => {
	it('finds what the seed gets wrong, with evidence from the real sources', async () => {
		const io = createLocalIo(null, 'disabled', null, {PATH: process.env['PATH'] ?? '', HOME: dir, ALL_PROXY: 'socks5://127.0.0.1:9050'});
		const results = runChecks(await collectFacts(io, config()));
		const model = byId(results, 'openhands.model-served');
		expect(model.status).toBe('fail');
		expect(seen(model)).toContain(`${sim.url}/v1/models: mistral-small-4`);
		expect(seen(model)).toContain(`${join(dir, 'state', 'config.toml')}:2 [llm] model: openai/mistral-small-4-v2`);
		expect(byId(results, 'openhands.prompt-extensions').status).toBe('fail');
		expect(byId(results, 'openhands.state-writable')).toMatchObject({status: 'fail', fix: `sudo chown -R 1000:1000 ${join(dir, 'state')}`});
		expect(byId(results, 'engines.versions').status).toBe('ok');
		expect(byId(results, 'tor.socks').status).toBe('ok');
		expect(byId(results, 'proxy.env').summary).toContain('resolves names locally');
		expect(byId(results, 'gitea.webhook-onion').summary).toContain('ALLOWED_HOSTS is not a Gitea setting');
		const ident = byId(results, 'git.identity');
		expect(ident.status).toBe('fail');
		expect(seen(ident)).toContain('jane@corp.example');
		expect(seen(ident)).toContain('+0200');
		expect(byId(results, 'aider.config')).toMatchObject({status: 'ok'});
		expect(byId(results, 'docker.socket-mount').status).toBe('unknown');
	});

	it('says unknown, never hangs, when a config is a FIFO and the SOCKS port is closed', async () => {
		const fifo = join(dir, 'fifo.toml');
		execFileSync('mkfifo', [fifo]);
		const closed = createServer();
		await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
		const port = (closed.address() as {port: number}).port;
		await new Promise<void>(r => closed.close(() => r()));
		const io = createLocalIo(null, 'disabled', null, {PATH: process.env['PATH'] ?? '', HOME: dir});
		const results = runChecks(await collectFacts(io, config({openhands: {config_toml: fifo}, privacy: {tor: true, socks: `127.0.0.1:${port}`}, aider: {command: join(dir, 'no-such-aider')}})));
		expect(byId(results, 'openhands.prompt-extensions')).toMatchObject({status: 'unknown', summary: `${fifo}: not a regular file`});
		expect(byId(results, 'tor.socks').status).toBe('fail');
		expect(seen(byId(results, 'tor.socks'))).toContain('ECONNREFUSED');
		expect(byId(results, 'aider.config').status).toBe('unknown');
	});
});

describe('Doctor on the real Docker Engine', () => {
	const docker = new Docker({socketPath: '/var/run/docker.sock'});
	const name = `sdtest-doctor-oh-${run}`;
	let up = false;
	beforeAll(async () => {
		up = await requireDaemon(docker);
		if (!up) return;
		await ensureImage(docker);
		mkdirSync(join(dir, 'real-projects'), {recursive: true});
		symlinkSync(join(dir, 'real-projects'), join(dir, 'link'));
		const c = await docker.createContainer({
			name,
			Image: IMAGE,
			Cmd: ['sleep', '300'],
			Labels: {'stackdeck.role': 'openhands', 'stackdeck.test': run},
			Env: [`WORKSPACE_BASE=${join(dir, 'link')}`, 'LLM_MODEL=openai/mistral-small-4', `LLM_BASE_URL=http://host.docker.internal:${sim.port}/v1`, 'LLM_API_KEY=sk-do-not-show-me-0123456789'],
			HostConfig: {
				Binds: [`${join(dir, 'real-projects')}:/opt/workspace_base`, '/var/run/docker.sock:/var/run/docker.sock:ro'],
				LogConfig: {Type: 'json-file', Config: {}},
				// No network needed, and some daemons run without a default bridge.
				NetworkMode: 'none',
			},
		});
		await c.start();
	}, 60_000);
	afterAll(async () => {
		if (up) await docker.getContainer(name).remove({force: true}).catch(() => undefined);
	});

	it('reads inspect data: socket mount, unrotated logs, a symlinked workspace, no host-gateway', async ctx => {
		if (!up) return ctx.skip();
		const io = createLocalIo(docker, 'unix:///var/run/docker.sock', null, {PATH: process.env['PATH'] ?? '', HOME: dir});
		const facts = await collectFacts(io, config({docker: {enabled: true}, openhands: {}, privacy: {}}), {onlyContainers: n => n === name});
		const results = runChecks(facts);
		expect(facts.openhandsContainer).toBe(name);
		expect(byId(results, 'docker.socket-mount')).toMatchObject({status: 'warn'});
		expect(seen(byId(results, 'docker.socket-mount'))).toContain(`container ${name}: mount: /var/run/docker.sock -> /var/run/docker.sock (read-only)`);
		expect(seen(byId(results, 'docker.log-rotation'))).toContain(`container ${name}: LogConfig: json-file, no max-size`);
		const ws = byId(results, 'openhands.workspace-path');
		expect(ws.status).toBe('fail');
		expect(seen(ws)).toContain(`${join(dir, 'link')}: symlink -> ${join(dir, 'real-projects')}`);
		const url = byId(results, 'openhands.base-url');
		expect(url.status).toBe('fail');
		expect(url.fix).toContain('host.docker.internal:host-gateway');
		expect(byId(results, 'images.arch').status).toBe('ok');
		// The API key is in the container's env; it appears in no evidence.
		expect(JSON.stringify(results)).not.toContain('sk-do-not-show-me');
	});
});
