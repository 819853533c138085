// `stackdeck doctor` as a script runs it: the built binary, JSON on stdout, the exit code, and
// `--fix ... --yes` turning the check ok on the next run with the file's comments and a backup kept.

import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {STACKDECK_BIN} from '../support/paths.js';

let dir: string;
let sim: SimEngine;
let configPath: string;
let toml: string;

const ORIGINAL = (url: string) => `# OpenHands config, as the seed writes it
[llm]
model = "openai/mistral-small-4"   # what SGLang serves
base_url = "${url}/v1"

[agent]
# prompt extensions left on: the seed's role-alternation failure
memory_enabled = true
`;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'sd-doctor-cli-'));
	sim = await startSimEngine({kind: 'sglang', port: 0, model: 'mistral-small-4'});
	mkdirSync(join(dir, 'state'), {mode: 0o777});
	toml = join(dir, 'state', 'config.toml');
	writeFileSync(toml, ORIGINAL(sim.url));
	configPath = join(dir, 'stackdeck.toml');
	writeFileSync(
		configPath,
		[
			'[docker]', 'enabled = false', '',
			'[engines]', 'probe = false', '[[engines.list]]', 'name = "sglang"', `url = "${sim.url}"`, '',
			'[openhands]', `state_dir = "${join(dir, 'state')}"`, `config_toml = "${toml}"`, '',
			'[aider]', 'command = "/nonexistent/aider"', '',
		].join('\n'),
	);
});

afterAll(async () => {
	await sim?.stop();
	rmSync(dir, {recursive: true, force: true});
});

const doctor = (...args: string[]) => execa('node', [STACKDECK_BIN, 'doctor', '--config', configPath, ...args], {reject: false, env: {HOME: dir}});

describe('stackdeck doctor', () => {
	it('--json lists every check with a stable id, the prompt-extensions failure, and exits 1', async () => {
		const out = await doctor('--json');
		expect(out.exitCode).toBe(1);
		const body = JSON.parse(out.stdout) as {checks: {id: string; status: string; evidence: unknown[]; fix: string | null; autofix: {command: string} | null}[]};
		const ids = body.checks.map(c => c.id);
		expect(ids).toContain('openhands.model-served');
		expect(ids).toContain('gitea.webhook-onion');
		expect(new Set(ids).size).toBe(ids.length);
		const pe = body.checks.find(c => c.id === 'openhands.prompt-extensions')!;
		expect(pe.status).toBe('fail');
		expect(pe.autofix?.command).toBe('stackdeck doctor --fix openhands.prompt-extensions --yes');
		expect(body.checks.find(c => c.id === 'openhands.model-served')!.status).toBe('ok');
		// Docker is off: nothing that needs it reads ok.
		expect(body.checks.find(c => c.id === 'docker.socket-mount')!.status).toBe('unknown');
	});

	it('text output names the failure with its fix; --fix without --yes and no terminal changes nothing', async () => {
		const text = await doctor();
		expect(text.stdout).toMatch(/^FAIL openhands\.prompt-extensions: /m);
		expect(text.stdout).toContain('automatic fix: stackdeck doctor --fix openhands.prompt-extensions');
		const refused = await doctor('--fix', 'openhands.prompt-extensions');
		expect(refused.exitCode).toBe(2);
		expect(refused.stderr).toContain('add --yes');
		expect(readFileSync(toml, 'utf8')).toBe(ORIGINAL(sim.url));
	});

	it('--fix ... --yes writes the fix as a job and the check is ok on the next run', async () => {
		const fixed = await doctor('--fix', 'openhands.prompt-extensions', '--yes');
		expect(fixed.exitCode).toBe(0);
		expect(fixed.stdout).toContain(`[done] write ${toml}`);
		expect(fixed.stdout).toMatch(/^ok {3}openhands\.prompt-extensions: prompt extensions are off/m);
		const after = readFileSync(toml, 'utf8');
		expect(after).toContain('enable_prompt_extensions = false');
		expect(after).toContain('model = "openai/mistral-small-4"   # what SGLang serves');
		expect(after).toContain('# prompt extensions left on');
		expect(existsSync(`${toml}.bak`)).toBe(true);
		const again = JSON.parse((await doctor('--json')).stdout) as {checks: {id: string; status: string}[]};
		expect(again.checks.find(c => c.id === 'openhands.prompt-extensions')!.status).toBe('ok');
	});

	it('an unknown check id and a check without an automatic fix exit 2', async () => {
		expect((await doctor('--fix', 'no.such')).exitCode).toBe(2);
		const none = await doctor('--fix', 'aider.config', '--yes');
		expect(none.exitCode).toBe(2);
	});
});
