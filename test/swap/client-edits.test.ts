// Pointing the clients at a new model: OpenHands' config.toml and Aider's YAML conf keep every
// comment and unrelated key byte for byte, the TOML spellings real files use are followed, an
// edit that would change anything else is refused, and a write killed at any point leaves the
// old file or the new one.
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'smol-toml';
import {ClientEditError, setTomlKeys, setYamlKeys} from '../../source/domain/swap/client-edits.js';
import {planClients} from '../../source/actions/swap/clients.js';
import type {SwapProfile} from '../../source/domain/swap/profile.js';
import {REPO_ROOT} from '../support/paths.js';
import {AIDER_YML, OPENHANDS_TOML} from './support.js';

const WANT = {model: 'openai/qwen3-coder-next', base_url: 'http://host.docker.internal:8001/v1'};

function llmOf(text: string): Record<string, unknown> {
	return (parse(text) as {llm: Record<string, unknown>}).llm;
}

describe('OpenHands config.toml rewrite', () => {
	it('changes only the two values; comments, spacing and other keys stay byte for byte', () => {
		const edit = setTomlKeys(OPENHANDS_TOML, 'llm', WANT);
		expect(edit.text).toBe(
			OPENHANDS_TOML.replace('model = "openai/old-model"', 'model = "openai/qwen3-coder-next"').replace('base_url = "http://host.docker.internal:1/v1"', 'base_url = "http://host.docker.internal:8001/v1"'),
		);
		expect(edit.diff).toContain('- 7   model = "openai/old-model"');
		expect(edit.diff).toContain('+ 7   model = "openai/qwen3-coder-next"');
	});

	const spellings: Record<string, string> = {
		'dotted keys in the table': '[llm]\nmodel = "old"\nextra.headers.x = "1"   # dotted\nbase_url = "u"\n',
		'dotted keys at the top level': '# top\nllm.model = "old"\nllm.base_url = "u"\n\n[core]\nx = 1\n',
		'a quoted header': '["llm"]  # quoted\nmodel = "old"\nbase_url = "u"\n',
		'quoted keys': "[llm]\n\"model\" = \"old\"\n'base_url' = \"u\"\n",
		'an array of tables after the section': '[llm]\ntemperature = 0\n\n[[llm.fallbacks]]\nmodel = "fb"\nbase_url = "fb-url"\n',
		'multi-line strings that look like keys and headers': '[core]\nnote = """\n[llm]\nmodel = "x"\n"""\n\n[llm]\nsystem = \'\'\'\nmodel = "not a key"\n\'\'\'\nmodel = "old"\nbase_url = "u"\n',
	};
	for (const [name, text] of Object.entries(spellings)) {
		it(`follows ${name}`, () => {
			const edit = setTomlKeys(text, 'llm', WANT);
			const before = parse(text) as Record<string, unknown>;
			const after = parse(edit.text) as Record<string, unknown>;
			expect(llmOf(edit.text)['model']).toBe(WANT.model);
			expect(llmOf(edit.text)['base_url']).toBe(WANT.base_url);
			// Nothing else moved: same data apart from the two keys, and every old comment line kept.
			expect({...after, llm: {...(after['llm'] as object), model: null, base_url: null}}).toEqual({...before, llm: {...(before['llm'] as object), model: null, base_url: null}});
			for (const line of text.split('\n').filter(l => l.includes('#'))) expect(edit.text).toContain(line);
		});
	}

	it('refuses a file that does not parse, and names it', () => {
		expect(() => setTomlKeys('[llm\nmodel = "x"\n', 'llm', WANT, '/etc/oh/config.toml')).toThrow(ClientEditError);
		expect(() => setTomlKeys('[llm\nmodel = "x"\n', 'llm', WANT, '/etc/oh/config.toml')).toThrow(/\/etc\/oh\/config.toml does not parse/);
	});
});

describe('Aider .aider.conf.yml rewrite', () => {
	it('replaces only the values, in the quoting the file used', () => {
		const edit = setYamlKeys(AIDER_YML, {model: 'openai/qwen3-coder-next', 'openai-api-base': 'http://127.0.0.1:8001/v1'});
		expect(edit.text).toBe(AIDER_YML.replace('model: openai/old-model', 'model: openai/qwen3-coder-next').replace('"http://127.0.0.1:1/v1"', '"http://127.0.0.1:8001/v1"'));
	});

	it('appends a key the file lacks and keeps the rest', () => {
		const text = '# mine\ndark-mode: true\n';
		const edit = setYamlKeys(text, {model: 'openai/x', 'openai-api-base': 'http://127.0.0.1:8001/v1'});
		expect(edit.text).toBe('# mine\ndark-mode: true\nmodel: openai/x\nopenai-api-base: http://127.0.0.1:8001/v1\n');
	});

	it('refuses a flow mapping or a multi-line value instead of reformatting the file', () => {
		expect(() => setYamlKeys('{model: a}\n', {model: 'b'})).toThrow(ClientEditError);
		expect(() => setYamlKeys('model:\n  - a\n', {model: 'b'})).toThrow(/not a one-line value/);
	});
});

describe('writing the rewritten files', () => {
	const target: SwapProfile = {
		name: 'qwen3-coder-next', kind: 'vllm', runtime: {type: 'none'}, url: 'http://127.0.0.1:8001', servedModel: 'qwen3-coder-next', memoryGb: 80, expectedTps: null,
		loadTimeoutMs: 1000, stopTimeoutS: 1, group: 'main', clients: {openhandsConfig: null, openhandsContainer: null, aiderConf: null},
	};

	it('writes through a symlink (the link stays), keeps the mode, and leaves a backup', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sd-clients-'));
		try {
			const real = path.join(dir, 'real.toml');
			writeFileSync(real, OPENHANDS_TOML, {mode: 0o640});
			const link = path.join(dir, 'config.toml');
			symlinkSync(real, link);
			const plan = await planClients({...target, clients: {...target.clients, openhandsConfig: link}}, []);
			expect(plan.rewrites[0]!.error).toBeNull();
			await plan.rewrites[0]!.apply();
			expect(lstatSync(link).isSymbolicLink()).toBe(true);
			expect(lstatSync(real).mode & 0o777).toBe(0o640);
			expect(llmOf(readFileSync(real, 'utf8'))['model']).toBe('openai/qwen3-coder-next');
			expect(readFileSync(`${real}.bak`, 'utf8')).toBe(OPENHANDS_TOML);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('refuses to overwrite a file changed since its diff was shown', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sd-clients-'));
		try {
			const file = path.join(dir, '.aider.conf.yml');
			writeFileSync(file, AIDER_YML);
			const plan = await planClients({...target, clients: {...target.clients, aiderConf: file}}, []);
			writeFileSync(file, `${AIDER_YML}edit-format: diff\n`);
			await expect(plan.rewrites[0]!.apply()).rejects.toThrow(/changed since the diff was shown/);
			expect(readFileSync(file, 'utf8')).toBe(`${AIDER_YML}edit-format: diff\n`);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('a FIFO named as a client config is refused at once, never waited on', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sd-clients-'));
		try {
			const fifo = path.join(dir, 'config.toml');
			execFileSync('mkfifo', [fifo]);
			// With no writer, a plain read of it would wait for ever: the guard is only against a hang.
			const plan = await Promise.race([planClients({...target, clients: {...target.clients, openhandsConfig: fifo}}, []), new Promise<null>(r => setTimeout(r, 20_000, null))]);
			expect(plan?.rewrites[0]).toMatchObject({changed: false, error: `${fifo}: a FIFO, not a regular file; not read`});
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('a write killed at any point leaves the old file or the new one', {timeout: 120_000}, async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sd-clients-'));
		try {
			const file = path.join(dir, 'config.toml');
			const oldText = OPENHANDS_TOML + `# padding ${'x'.repeat(200_000)}\n`;
			const newText = setTomlKeys(oldText, 'llm', WANT).text;
			writeFileSync(file, oldText);
			// A writer that keeps rewriting the file between the two versions until it is killed.
			const script = `import {atomicWrite} from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'actions', 'atomic-write.js'))};
				import {readFileSync} from 'node:fs';
				const texts = [readFileSync(process.argv[2], 'utf8'), readFileSync(process.argv[3], 'utf8')];
				process.stdout.write('ready\\n');
				for (let i = 1; ; i++) await atomicWrite(process.argv[1], texts[i % 2]);`;
			const oldFile = path.join(dir, 'old.txt');
			const newFile = path.join(dir, 'new.txt');
			writeFileSync(oldFile, oldText);
			writeFileSync(newFile, newText);
			for (let round = 0; round < 8; round++) {
				const child = spawn(process.execPath, ['--input-type=module', '-e', script, file, oldFile, newFile], {stdio: ['ignore', 'pipe', 'inherit']});
				await new Promise<void>(resolve => child.stdout.once('data', () => resolve()));
				await new Promise(r => setTimeout(r, 20 + round * 37));
				child.kill('SIGKILL');
				await new Promise(r => child.once('exit', r));
				const now = readFileSync(file, 'utf8');
				expect(now === oldText || now === newText).toBe(true);
			}
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
