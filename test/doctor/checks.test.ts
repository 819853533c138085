import {describe, expect, it} from 'vitest';
import {CHECKS, runChecks} from '../../source/domain/doctor/registry.js';
import {doctorExitCode} from '../../source/domain/doctor/counts.js';
import type {CheckResult} from '../../source/domain/doctor/types.js';
import type {DoctorFacts} from '../../source/domain/doctor/facts.js';
import {CONFIG_TOML, container, engine, healthy, privateBox} from './facts-builder.js';

function check(id: string, facts: DoctorFacts): CheckResult {
	const found = runChecks(facts).find(r => r.id === id);
	if (!found) throw new Error(`no check ${id}`);
	return found;
}

const evidenceText = (r: CheckResult) => r.evidence.map(e => `${e.where}: ${e.saw}`).join('\n');

const withOpenhands = (f: DoctorFacts, over: Parameters<typeof container>[0]): DoctorFacts => ({
	...f,
	docker: {...f.docker!, containers: f.docker!.containers.map(c => (c.name === 'openhands' ? container({...c, ...over}) : c))},
});
const noDocker = (f: DoctorFacts): DoctorFacts => ({...f, docker: {...f.docker!, error: 'ECONNREFUSED', containers: []}, openhandsContainer: null});

describe('Doctor checks on a healthy box', () => {
	it('every check is ok, and the exit code is 0', () => {
		const results = runChecks(healthy());
		expect(results.filter(r => r.status !== 'ok').map(r => `${r.id}: ${r.summary}`)).toEqual([]);
		expect(results.map(r => r.id).sort()).toEqual(CHECKS.map(c => c.id).sort());
		expect(doctorExitCode(results)).toBe(0);
	});

	it('on a private box every privacy check is ok, not "not required"', () => {
		for (const id of ['tor.socks', 'proxy.env', 'gitea.webhook-onion', 'git.identity']) {
			const r = check(id, privateBox());
			expect(r.status, `${id}: ${r.summary}`).toBe('ok');
			expect(r.summary).not.toMatch(/not required/);
		}
	});

	it('sorts worst first and a throwing check is unknown, not a crash', () => {
		const broken = {id: 'x.broken', title: 'broken', group: 'X', run: () => { throw new Error('boom'); }};
		const results = runChecks(withOpenhands(healthy(), {env: {LLM_MODEL: 'openai/other'}}), [...CHECKS, broken]);
		expect(results[0]!.status).toBe('fail');
		expect(results.find(r => r.id === 'x.broken')).toMatchObject({status: 'unknown', summary: 'the check failed: boom'});
		expect(doctorExitCode(results)).toBe(1);
	});
});

describe('openhands.model-served', () => {
	it('fails when the served name differs, naming both and the exact fix', () => {
		const facts = withOpenhands(healthy(), {env: {...container().env, LLM_MODEL: 'openai/mistral-small-4-v2'}});
		const r = check('openhands.model-served', facts);
		expect(r.status).toBe('fail');
		expect(r.summary).toContain('"mistral-small-4-v2"');
		expect(r.summary).toContain('"mistral-small-4"');
		expect(evidenceText(r)).toContain('container openhands: LLM_MODEL: openai/mistral-small-4-v2');
		expect(evidenceText(r)).toContain('http://127.0.0.1:30000/v1/models: mistral-small-4');
		expect(r.fix).toContain('LLM_MODEL=openai/mistral-small-4');
	});
	it('fails without the provider prefix', () => {
		const r = check('openhands.model-served', withOpenhands(healthy(), {env: {...container().env, LLM_MODEL: 'mistral-small-4'}}));
		expect(r.status).toBe('fail');
		expect(r.summary).toMatch(/no provider prefix/);
		expect(r.fix).toContain('LLM_MODEL=openai/mistral-small-4');
	});
	it('shows which setting wins when env and config.toml differ', () => {
		const facts = healthy({openhandsConfig: {path: '/x/config.toml', text: CONFIG_TOML.replace('model = "openai/mistral-small-4"', 'model = "openai/qwen3"'), error: null}});
		const r = check('openhands.model-served', facts);
		expect(r.status).toBe('ok');
		expect(evidenceText(r)).toContain('/x/config.toml:5 [llm] model: openai/qwen3 (not used: the environment wins)');
	});
	it('is unknown when the engine is down, and when there is no OpenHands at all', () => {
		const down = check('openhands.model-served', healthy({engines: [engine({error: 'ECONNREFUSED', served: []})]}));
		expect(down.status).toBe('unknown');
		expect(down.summary).toContain('ECONNREFUSED');
		const none = check('openhands.model-served', {...noDocker(healthy()), openhandsConfig: null});
		expect(none.status).toBe('unknown');
		expect(none.summary).toContain('Docker is not reachable (ECONNREFUSED)');
	});
});

describe('openhands.base-url', () => {
	it('fails without host-gateway for host.docker.internal', () => {
		const r = check('openhands.base-url', withOpenhands(healthy(), {extraHosts: []}));
		expect(r.status).toBe('fail');
		expect(r.fix).toContain('host.docker.internal:host-gateway');
		expect(evidenceText(r)).toContain('HostConfig.ExtraHosts: (none)');
	});
	it('fails for an endpoint that leaves the box, and for localhost inside the container', () => {
		const cloud = check('openhands.base-url', withOpenhands(healthy(), {env: {...container().env, LLM_BASE_URL: 'https://api.mistral.ai/v1'}}));
		expect(cloud.status).toBe('fail');
		expect(cloud.summary).toContain('leave the machine');
		const loop = check('openhands.base-url', withOpenhands(healthy(), {env: {...container().env, LLM_BASE_URL: 'http://localhost:30000/v1'}}));
		expect(loop.status).toBe('fail');
		expect(loop.summary).toContain('the container itself');
	});
	it('fails when no base URL is set (the seed\'s SGLANG_PORT compose), unknown without OpenHands', () => {
		const facts = withOpenhands(healthy({openhandsConfig: null}), {env: {LLM_MODEL: 'mistral-small-4', SGLANG_PORT: '30000'}});
		const r = check('openhands.base-url', facts);
		expect(r.status).toBe('fail');
		expect(r.summary).toMatch(/no base URL/);
		expect(check('openhands.base-url', {...noDocker(healthy()), openhandsConfig: null}).status).toBe('unknown');
	});
	it('masks a password in the URL it shows', () => {
		const r = check('openhands.base-url', withOpenhands(healthy(), {env: {...container().env, LLM_BASE_URL: 'http://user:hunter2@host.docker.internal:30000/v1'}}));
		expect(evidenceText(r)).not.toContain('hunter2');
	});
});

describe('openhands.prompt-extensions', () => {
	const on = (f: DoctorFacts): DoctorFacts => ({...f, openhandsConfig: {...f.openhandsConfig!, text: CONFIG_TOML.replace('enable_prompt_extensions = false\n', '')}});
	it('fails for a Mistral model with extensions on, with the file and line, and offers the automatic fix', () => {
		const r = check('openhands.prompt-extensions', on(healthy()));
		expect(r.status).toBe('fail');
		expect(evidenceText(r)).toContain('[agent] enable_prompt_extensions: (not set: defaults to true)');
		expect(r.fix).toContain('enable_prompt_extensions = false under [agent] in /data/openhands-state/config.toml');
		expect(r.autofix).not.toBeNull();
	});
	it('is ok for a model that is not Mistral when no session shows the failure, fails when one does', () => {
		const qwen = withOpenhands(on(healthy()), {env: {...container().env, LLM_MODEL: 'openai/qwen3-coder-next'}});
		expect(check('openhands.prompt-extensions', qwen).status).toBe('ok');
		const rejected = check('openhands.prompt-extensions', {...qwen, sessionsRejected: {count: 2, example: 'fix the tests'}});
		expect(rejected.status).toBe('fail');
		expect(evidenceText(rejected)).toContain('2 session(s) a server would reject');
	});
	it('is unknown without a config.toml, and says so for a file that is not TOML', () => {
		expect(check('openhands.prompt-extensions', healthy({openhandsConfig: null})).status).toBe('unknown');
		const bad = check('openhands.prompt-extensions', healthy({openhandsConfig: {path: '/c.toml', text: '[agent\nx=', error: null}}));
		expect(bad.status).toBe('unknown');
		expect(bad.summary).toContain('/c.toml is not valid TOML');
	});
});

describe('openhands.workspace-path', () => {
	it('fails through a symlink, naming the real path', () => {
		const r = check('openhands.workspace-path', healthy({workspace: {...healthy().workspace!, symlink: {at: '/data', target: '/mnt/disk1/data'}}}));
		expect(r.status).toBe('fail');
		expect(evidenceText(r)).toContain('/data: symlink -> /mnt/disk1/data');
		expect(r.fix).toContain('/mnt/disk1/data');
	});
	it('fails when relative or different from the mount', () => {
		expect(check('openhands.workspace-path', withOpenhands(healthy(), {env: {...container().env, WORKSPACE_BASE: 'projects'}})).status).toBe('fail');
		const other = check('openhands.workspace-path', withOpenhands(healthy(), {env: {...container().env, WORKSPACE_BASE: '/srv/code'}}));
		expect(other.status).toBe('fail');
		expect(other.fix).toContain('WORKSPACE_BASE=/data/projects');
	});
	it('is unknown without an OpenHands container', () => {
		expect(check('openhands.workspace-path', noDocker(healthy())).status).toBe('unknown');
	});
});

describe('openhands.state-writable', () => {
	it('fails when root owns it 0755, with the chown', () => {
		const r = check('openhands.state-writable', healthy({stateDir: {...healthy().stateDir!, uid: 0, gid: 0, mode: 0o40755}}));
		expect(r.status).toBe('fail');
		expect(evidenceText(r)).toContain('owner 0:0, mode 0755');
		expect(r.fix).toBe('sudo chown -R 1000:1000 /data/openhands-state');
	});
	it('is ok when others may write, unknown when it cannot be read', () => {
		expect(check('openhands.state-writable', healthy({stateDir: {...healthy().stateDir!, uid: 0, gid: 0, mode: 0o40777}})).status).toBe('ok');
		expect(check('openhands.state-writable', healthy({stateDir: {...healthy().stateDir!, error: 'permission denied', uid: null}})).status).toBe('unknown');
		expect(check('openhands.state-writable', healthy({stateDir: null})).status).toBe('unknown');
	});
});

describe('openhands.versions', () => {
	it('fails when app and runtime releases differ', () => {
		const r = check('openhands.versions', withOpenhands(healthy(), {env: {...container().env, SANDBOX_RUNTIME_CONTAINER_IMAGE: 'docker.openhands.dev/openhands/runtime:0.47-nikolaik'}}));
		expect(r.status).toBe('fail');
		expect(r.summary).toContain('the app is 0.48 but the sandbox runs 0.47-nikolaik');
	});
	it('is unknown with nothing to compare', () => {
		const r = check('openhands.versions', withOpenhands(healthy(), {env: {LLM_MODEL: 'openai/mistral-small-4'}}));
		expect(r.status).toBe('unknown');
	});
});

describe('docker.socket-mount', () => {
	it('warns that :ro does not limit the API', () => {
		const r = check('docker.socket-mount', withOpenhands(healthy(), {mounts: [...container().mounts, {source: '/var/run/docker.sock', destination: '/var/run/docker.sock', readOnly: true, type: 'bind'}]}));
		expect(r.status).toBe('warn');
		expect(r.summary).toContain('":ro" only stops writes to the socket file, not API calls');
		expect(evidenceText(r)).toContain('(read-only)');
	});
	it('is unknown when Docker does not answer', () => {
		expect(check('docker.socket-mount', noDocker(healthy())).summary).toContain('did not answer: ECONNREFUSED');
	});
});

describe('docker.log-rotation', () => {
	it('warns on json-file without max-size, and on a big logs folder', () => {
		const r = check('docker.log-rotation', withOpenhands(healthy({folders: [{path: '/data/openhands-state/logs', error: null, bytes: 5 * 1024 ** 3, partial: false}]}), {logOptions: {}}));
		expect(r.status).toBe('warn');
		expect(evidenceText(r)).toContain('container openhands: LogConfig: json-file, no max-size');
		expect(evidenceText(r)).toContain('/data/openhands-state/logs: 5.0 GiB');
		expect(r.fix).toContain('max-size');
	});
	it('fails on an almost full disk; unknown when nothing could be read', () => {
		const full = check('docker.log-rotation', healthy({disks: [{label: 'Docker data', path: '/var/lib/docker', error: null, freeBytes: 1024 ** 3, totalBytes: 100 * 1024 ** 3}]}));
		expect(full.status).toBe('fail');
		expect(full.summary).toContain('almost full');
		expect(check('docker.log-rotation', noDocker(healthy({disks: [{label: 'x', path: '/x', error: 'no such file', freeBytes: 0, totalBytes: 0}]}))).status).toBe('unknown');
	});
});

describe('images.pinned and images.arch', () => {
	it('warns on :latest and on a tag-less image', () => {
		const r = check('images.pinned', withOpenhands(healthy(), {image: 'ghcr.io/all-hands-ai/openhands'}));
		expect(r.status).toBe('warn');
		expect(evidenceText(r)).toContain('container openhands: image: ghcr.io/all-hands-ai/openhands');
		expect(check('images.pinned', withOpenhands(healthy(), {image: 'x/y@sha256:abc'})).status).toBe('ok');
	});
	it('fails on an amd64 image on an arm64 host', () => {
		const r = check('images.arch', withOpenhands(healthy(), {imageArch: 'amd64'}));
		expect(r.status).toBe('fail');
		expect(r.fix).toContain('--platform linux/arm64');
		expect(check('images.arch', healthy({docker: {...healthy().docker!, arch: null}})).status).toBe('unknown');
	});
});

describe('engines.versions', () => {
	it('fails when native tool calling meets an SGLang without a tool-call parser', () => {
		const r = check('engines.versions', healthy({engines: [engine({toolCallParser: null})]}));
		expect(r.status).toBe('fail');
		expect(r.fix).toContain('--tool-call-parser mistral');
	});
	it('warns without metrics or a version; unknown with no engine up', () => {
		expect(check('engines.versions', healthy({engines: [engine({metricsEnabled: false})]})).status).toBe('warn');
		expect(check('engines.versions', healthy({engines: [engine({version: null})]})).status).toBe('warn');
		expect(check('engines.versions', healthy({engines: [engine({error: 'ECONNREFUSED'})]})).status).toBe('unknown');
		expect(check('engines.versions', healthy({engines: []})).status).toBe('unknown');
	});
});

describe('memory.fit', () => {
	it('fails when the serving profiles need more than the box has', () => {
		const facts = healthy({
			engines: [engine(), engine({url: 'http://127.0.0.1:8001', kind: 'vllm', served: ['qwen3-coder-next']})],
			profiles: [...healthy().profiles, {name: 'qwen3-coder-next', served: 'qwen3-coder-next', memoryGb: 60, engine: 'vllm', container: 'vllm'}],
		});
		const r = check('memory.fit', facts);
		expect(r.status).toBe('fail');
		expect(r.summary).toContain('mistral-small-4 + qwen3-coder-next need 130.0 GiB');
	});
	it('warns on swap in use and on page cache holding memory; unknown without meminfo', () => {
		const mem = healthy().memory!;
		expect(check('memory.fit', healthy({memory: {...mem, swapUsedBytes: 2 * 1024 ** 3}})).summary).toMatch(/swap in use/);
		expect(check('memory.fit', healthy({memory: {...mem, availableBytes: 5 * 1024 ** 3, cachedBytes: 60 * 1024 ** 3}})).summary).toMatch(/page cache holds/);
		expect(check('memory.fit', healthy({memory: {...mem, error: 'no such file'}})).status).toBe('unknown');
	});
});

describe('tor.socks', () => {
	it('fails on a privacy box when the SOCKS port does not answer', () => {
		const r = check('tor.socks', privateBox({socks: {address: '127.0.0.1:9050', reply: null, error: 'ECONNREFUSED'}}));
		expect(r.status).toBe('fail');
		expect(evidenceText(r)).toContain('socks5://127.0.0.1:9050: ECONNREFUSED');
	});
	it('fails on the seed\'s SERVICE1_HOST variables and warns on an onion model API', () => {
		const box = privateBox();
		const tor = (env: Record<string, string>) => ({...box, docker: {...box.docker!, containers: box.docker!.containers.map(c => (c.name === 'tor' ? {...c, env} : c))}});
		const legacy = check('tor.socks', tor({SERVICE1_HOST: 'gitea', SERVICE1_PORT: '3000'}));
		expect(legacy.status).toBe('fail');
		expect(legacy.fix).toContain('GITEA_TOR_SERVICE_HOSTS=80:gitea:3000');
		const api = check('tor.socks', tor({GITEA_TOR_SERVICE_HOSTS: '80:gitea:3000', VLLM_TOR_SERVICE_HOSTS: '80:vllm:8000'}));
		expect(api.status).toBe('warn');
		expect(api.summary).toContain('anyone who learns the address can use the model');
	});
	it('is ok and says "not required" on a plain stack; unknown when not probed', () => {
		expect(check('tor.socks', healthy()).summary).toMatch(/not required/);
		expect(check('tor.socks', privateBox({socks: null})).status).toBe('unknown');
	});
});

describe('proxy.env', () => {
	it('fails on socks5:// (DNS leak), on no daemon proxy, warns on PIP_INDEX_URL', () => {
		const leak = check('proxy.env', privateBox({proxyEnv: {ALL_PROXY: 'socks5://127.0.0.1:9050'}}));
		expect(leak.status).toBe('fail');
		expect(leak.summary).toContain('resolves names locally');
		const box = privateBox();
		const daemon = check('proxy.env', {...box, docker: {...box.docker!, httpsProxy: '', httpProxy: ''}});
		expect(daemon.status).toBe('fail');
		expect(daemon.summary).toContain('image pulls go out on the clearnet');
		const pip = check('proxy.env', privateBox({proxyEnv: {...box.proxyEnv, PIP_INDEX_URL: 'https://pypi.example/simple'}}));
		expect(pip.status).toBe('warn');
	});
	it('reports the daemon as unreadable when Docker is down', () => {
		const r = check('proxy.env', noDocker(privateBox()));
		expect(evidenceText(r)).toContain('docker info: ECONNREFUSED');
	});
});

describe('gitea.webhook-onion', () => {
	it('fails on the seed\'s ALLOWED_HOSTS, naming the real key and line', () => {
		const r = check('gitea.webhook-onion', privateBox({giteaIni: {path: '/g/app.ini', text: '[webhook]\nALLOWED_HOSTS = *.onion\n', error: null}}));
		expect(r.status).toBe('fail');
		expect(r.summary).toContain('ALLOWED_HOSTS is not a Gitea setting');
		expect(evidenceText(r)).toContain('/g/app.ini:2 [webhook] ALLOWED_HOSTS: *.onion');
		expect(r.fix).toContain('ALLOWED_HOST_LIST = external,*.onion');
		expect(r.fix).toContain('PROXY_URL = socks5://tor:9050');
	});
	it('reads GITEA__webhook__ variables too; unknown without app.ini', () => {
		const box = privateBox({giteaIni: null});
		const env = {GITEA__webhook__ALLOWED_HOST_LIST: '*.onion', GITEA__webhook__PROXY_URL: 'socks5://tor:9050', GITEA__webhook__PROXY_HOSTS: '*.onion'};
		const withEnv = {...box, docker: {...box.docker!, containers: box.docker!.containers.map(c => (c.name === 'gitea' ? {...c, env} : c))}};
		expect(check('gitea.webhook-onion', withEnv).status).toBe('ok');
		expect(check('gitea.webhook-onion', privateBox({giteaIni: {path: '/g/app.ini', text: null, error: 'permission denied'}})).status).toBe('unknown');
	});
});

describe('git.identity', () => {
	it('fails on a real name or a local timezone', () => {
		const commit = privateBox().repos[0]!.commits[0]!;
		const r = check('git.identity', privateBox({repos: [{path: '/p/app', error: null, commits: [{...commit, authorEmail: 'jane@corp.example', authorTz: '+0200'}]}]}));
		expect(r.status).toBe('fail');
		expect(evidenceText(r)).toContain('/p/app: email jane@corp.example/anon@example.invalid, timezone +0200/+0000');
	});
	it('is unknown without repositories', () => {
		expect(check('git.identity', privateBox({repos: []})).status).toBe('unknown');
	});
});

describe('paths.spaces', () => {
	it('warns on a project path with a space; unknown with none known', () => {
		const r = check('paths.spaces', healthy({projectPaths: ['/data/projects/My App']}));
		expect(r.status).toBe('warn');
		expect(evidenceText(r)).toContain('"/data/projects/My App"');
		expect(check('paths.spaces', healthy({projectPaths: []})).status).toBe('unknown');
	});
});

describe('aider.config', () => {
	const conf = (text: string | null) => ({...healthy().aider, conf: {path: '/home/me/.aider.conf.yml', text, error: text === null ? 'no such file' : null}});
	it('fails when Aider asks for a model the engine does not serve', () => {
		const r = check('aider.config', healthy({aider: conf('model: openai/qwen3-coder-next\nopenai-api-base: http://127.0.0.1:30000/v1\n')}));
		expect(r.status).toBe('fail');
		expect(r.fix).toContain('model: openai/mistral-small-4');
	});
	it('fails on a cloud base, warns without a conf file, unknown when Aider is missing', () => {
		expect(check('aider.config', healthy({aider: conf('model: openai/x\nopenai-api-base: https://api.openai.com/v1\n')})).summary).toContain('leaves the box');
		expect(check('aider.config', healthy({aider: conf(null)})).status).toBe('warn');
		expect(check('aider.config', healthy({aider: {command: 'aider', version: null, error: 'aider: not found', conf: null}})).status).toBe('unknown');
	});
});

describe('a [[hosts]] entry’s inputs', () => {
	const onHost = (over: Partial<DoctorFacts>, files = true) => healthy({host: {name: 'spark2', files}, ...over});
	it('a missing config.toml or state folder is "not configured for" the host, with its key', () => {
		const pe = check('openhands.prompt-extensions', onHost({openhandsConfig: null}));
		expect(pe).toMatchObject({status: 'unknown', summary: 'not configured for spark2: no OpenHands config.toml'});
		expect(pe.fix).toContain('openhands_config = "/path/to/config.toml" (or state_dir) in the [[hosts]] entry named "spark2"');
		const st = check('openhands.state-writable', onHost({stateDir: null}));
		expect(st.summary).toBe('not configured for spark2: no OpenHands state folder');
		expect(st.fix).toContain('state_dir');
		// This machine keeps its own wording.
		expect(check('openhands.prompt-extensions', healthy({openhandsConfig: null})).summary).toBe('no OpenHands config.toml found');
	});
	it('a host whose files cannot be read says so even when a path is named, never ok', () => {
		for (const id of ['openhands.prompt-extensions', 'openhands.state-writable', 'openhands.workspace-path']) {
			const r = check(id, onHost({}, false));
			expect(r.status).toBe('unknown');
			expect(r.summary).toMatch(/^not configured for spark2: .* has no ssh to read files there$/);
			expect(r.fix).toContain('set ssh = "user@host"');
		}
	});
	it('a host whose files are read gets the same answers as this machine', () => {
		expect(check('openhands.state-writable', onHost({stateDir: {...healthy().stateDir!, uid: 0, gid: 0, mode: 0o40755}})).status).toBe('fail');
		expect(check('openhands.prompt-extensions', onHost({})).status).toBe(check('openhands.prompt-extensions', healthy()).status);
	});
});
