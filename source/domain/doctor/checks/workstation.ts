// The developer's side of the box: project paths that break shell commands, and Aider installed
// and pointed at what serves.

import {parseDocument} from 'yaml';
import {ev, fail, ok, unknown, warn} from '../result.js';
import {shown} from '../evidence-text.js';
import {reach, servedNameOf} from '../llm-target.js';
import type {Check, Evidence} from '../types.js';

export const pathSpaces: Check = {
	id: 'paths.spaces',
	title: 'Project paths without spaces',
	group: 'Workstation',
	run(facts) {
		if (facts.projectPaths.length === 0) return unknown('no project folders known', 'set [doctor] project_dirs, or WORKSPACE_BASE on the openhands container');
		const spaced = facts.projectPaths.filter(p => /\s/.test(p));
		if (spaced.length === 0) return ok(`${facts.projectPaths.length} project path(s), none with spaces`);
		return warn(
			`${spaced.length} path(s) contain spaces: unquoted paths in agent shell commands, mounts and env files split there ("File not found")`,
			spaced.slice(0, 6).map(p => ev('path', JSON.stringify(p))),
			'rename the folders without spaces (use - or _) and update WORKSPACE_BASE and the mounts',
		);
	},
};

function yamlString(doc: ReturnType<typeof parseDocument>, key: string): string | null {
	const v = doc.get(key);
	return typeof v === 'string' ? v : null;
}

export const aiderConfig: Check = {
	id: 'aider.config',
	title: 'Aider installed and pointed at a serving engine',
	group: 'Workstation',
	run(facts) {
		const a = facts.aider;
		const evidence: Evidence[] = [ev(`${a.command} --version`, a.version ?? a.error ?? '?')];
		if (!a.version) return unknown(`Aider not found or not runnable (${a.error ?? 'no version'})`, `install Aider (python -m pip install aider-install && aider-install), or set [aider] command`, evidence);
		if (!a.conf) return unknown('no Aider conf file to read', null, evidence);
		if (a.conf.text === null) return warn(`${a.conf.path}: ${a.conf.error ?? 'not readable'}: Aider starts with its defaults (a cloud model)`, evidence, `create ${a.conf.path} with model: openai/<served name> and openai-api-base: http://127.0.0.1:<port>/v1`);
		const doc = parseDocument(a.conf.text);
		if (doc.errors.length > 0) return fail(`${a.conf.path} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, evidence, `fix the YAML syntax in ${a.conf.path}`);
		const model = yamlString(doc, 'model');
		const base = yamlString(doc, 'openai-api-base');
		evidence.push(ev(`${a.conf.path}: model`, model ?? '(not set)'), ev(`${a.conf.path}: openai-api-base`, base ? shown('openai-api-base', base) : '(not set)'));
		if (!model || !base) return fail(`${a.conf.path} lacks ${!model ? 'model' : 'openai-api-base'}: Aider would use a cloud model`, evidence, `set model: openai/<served name> and openai-api-base: http://127.0.0.1:<port>/v1 in ${a.conf.path}`);
		const where = reach(base, facts);
		if ('error' in where) return fail(where.error, evidence, `set openai-api-base to an engine URL in ${a.conf.path}`);
		if (where.via === 'public') return fail(`openai-api-base ${where.host} leaves the box: code is sent off the machine`, evidence, `point openai-api-base at a local engine in ${a.conf.path}`);
		if (!where.engine) return fail(`nothing the cockpit watches serves ${base}`, evidence, `set openai-api-base to a serving engine: ${facts.engines.filter(e => !e.error).map(e => `${e.url}/v1`).join(', ') || 'none is up'}`);
		if (where.engine.error) return fail(`the engine at ${where.engine.url} is down: ${where.engine.error}`, evidence, `start it, or point ${a.conf.path} at a serving engine`);
		const {prefix, name} = servedNameOf(model);
		if (!where.engine.served.includes(name)) {
			return fail(`Aider asks for "${name}" but ${where.engine.url} serves ${where.engine.served.join(', ') || 'nothing'}`, evidence, `set model: openai/${where.engine.served[0] ?? '<served name>'} in ${a.conf.path}`);
		}
		if (prefix === null) return fail(`model "${model}" has no provider prefix: Aider (litellm) will not send it to openai-api-base`, evidence, `set model: openai/${name} in ${a.conf.path}`);
		return ok(`Aider ${a.version} uses ${name} at ${where.engine.url}`, evidence);
	},
};
