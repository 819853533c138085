// OpenHands' model and base URL: the seed's "Model not found" (the model OpenHands asks for is not
// what the server serves, or lacks the provider prefix) and a base URL that does not reach an
// engine from inside the container, or leaves the box.

import {ev, fail, ok, unknown, warn} from '../result.js';
import {shown} from '../evidence-text.js';
import {llmTarget, openhandsContainer, reach, servedNameOf, type Setting} from '../llm-target.js';
import type {Check, Evidence} from '../types.js';
import type {DoctorFacts} from '../facts.js';
import {notConfigured} from '../host-scope.js';

function settingEvidence(s: Setting, name: string): Evidence {
	return ev(s.from, shown(name, s.value));
}

function noOpenhands(facts: DoctorFacts): string | null {
	if (facts.openhandsContainer || facts.openhandsConfig?.text) return null;
	return facts.docker?.error
		? `no OpenHands config.toml configured and Docker is not reachable (${facts.docker.error})`
		: 'no OpenHands container and no config.toml found';
}

const WHERE_TO_SET = 'set it in the OpenHands container environment (LLM_MODEL; the environment wins over config.toml) or in config.toml [llm] model, then restart the openhands container';

export const modelServed: Check = {
	id: 'openhands.model-served',
	title: 'OpenHands asks for a model the engine serves',
	group: 'OpenHands',
	run(facts) {
		const missing = noOpenhands(facts);
		if (missing) return notConfigured(facts, 'OpenHands container or config.toml', 'openhands_config = "/path/to/config.toml" (or docker_host)') ?? unknown(missing, 'set [openhands] config_toml in the stackdeck config, or let the Docker source find the openhands container');
		const target = llmTarget(facts);
		if (!target.model) return fail('OpenHands has no model set (neither LLM_MODEL nor [llm] model)', [], `set LLM_MODEL=openai/<served model name>: ${WHERE_TO_SET}`);
		const evidence = [settingEvidence(target.model, 'LLM_MODEL')];
		if (target.hiddenModel) evidence.push(ev(target.hiddenModel.from, `${shown('model', target.hiddenModel.value)} (not used: the environment wins)`));
		if (!target.baseUrl) return unknown('no base URL, so no engine to ask (see openhands.base-url)', null, evidence);
		const where = reach(target.baseUrl.value, facts);
		if ('error' in where) return unknown(where.error, null, evidence);
		if (!where.engine) return unknown(`no engine answering at ${target.baseUrl.value} to compare against (see openhands.base-url)`, null, evidence);
		const engine = where.engine;
		if (engine.error) return unknown(`${engine.url} did not answer /v1/models: ${engine.error}`, 'start the engine, then run the Doctor again', evidence);
		evidence.push(ev(`${engine.url}/v1/models`, engine.served.length ? engine.served.join(', ') : '(no models)'));
		const {prefix, name} = servedNameOf(target.model.value);
		if (!engine.served.includes(name)) {
			const want = engine.served[0];
			return fail(
				`OpenHands asks for "${name}" but ${engine.url} serves ${engine.served.length ? engine.served.map(s => `"${s}"`).join(', ') : 'nothing'}: every request fails with "Model not found"`,
				evidence,
				want ? `set LLM_MODEL=openai/${want} (or start the engine with --served-model-name ${name}): ${WHERE_TO_SET}` : `load a model on ${engine.url}`,
			);
		}
		if (prefix === null) {
			return fail(
				`"${target.model.value}" has no provider prefix: litellm inside OpenHands cannot tell it is an OpenAI-compatible server`,
				evidence,
				`set LLM_MODEL=openai/${name}: ${WHERE_TO_SET}`,
			);
		}
		if (!['openai/', 'hosted_vllm/', 'litellm_proxy/'].includes(prefix) && !(prefix.startsWith('ollama') && engine.kind === 'ollama')) {
			return warn(`provider prefix "${prefix}" does not route to an OpenAI-compatible server at ${engine.url}`, evidence, `set LLM_MODEL=openai/${name}: ${WHERE_TO_SET}`);
		}
		return ok(`"${target.model.value}" is served by ${engine.kind ?? 'the engine'} at ${engine.url}`, evidence);
	},
};

export const baseUrl: Check = {
	id: 'openhands.base-url',
	title: 'OpenHands reaches a local engine',
	group: 'OpenHands',
	run(facts) {
		const missing = noOpenhands(facts);
		if (missing) return notConfigured(facts, 'OpenHands container or config.toml', 'openhands_config = "/path/to/config.toml" (or docker_host)') ?? unknown(missing, 'set [openhands] config_toml in the stackdeck config, or let the Docker source find the openhands container');
		const target = llmTarget(facts);
		if (!target.baseUrl) {
			return fail(
				'no base URL is set: OpenHands would send prompts to the model provider\'s cloud API, or fail',
				target.model ? [settingEvidence(target.model, 'LLM_MODEL')] : [],
				'set LLM_BASE_URL=http://host.docker.internal:<engine port>/v1 in the openhands container (with extra_hosts: host.docker.internal:host-gateway), or [llm] base_url in config.toml',
			);
		}
		const evidence = [settingEvidence(target.baseUrl, 'LLM_BASE_URL')];
		if (target.hiddenBaseUrl) evidence.push(ev(target.hiddenBaseUrl.from, `${shown('base_url', target.hiddenBaseUrl.value)} (not used: the environment wins)`));
		const where = reach(target.baseUrl.value, facts);
		if ('error' in where) return fail(where.error, evidence, 'set LLM_BASE_URL to the engine\'s URL, e.g. http://host.docker.internal:30000/v1');
		if (where.via === 'public') {
			return fail(
				`${where.host} is not on this box or its LAN: prompts and code leave the machine`,
				evidence,
				'point LLM_BASE_URL at a local engine (http://host.docker.internal:<port>/v1); remove the remote endpoint',
			);
		}
		const container = openhandsContainer(facts);
		if (container && where.via === 'host-gateway' && where.host === 'host.docker.internal' && container.networkMode !== 'host') {
			const mapped = container.extraHosts.some(h => /^host\.docker\.internal[:=]/.test(h));
			evidence.push(ev(`container ${container.name}: HostConfig.ExtraHosts`, container.extraHosts.length ? container.extraHosts.join(', ') : '(none)'));
			if (!mapped) {
				return fail(
					'host.docker.internal does not resolve inside the container on Linux without an extra host: every LLM call fails to connect',
					evidence,
					'add `extra_hosts: ["host.docker.internal:host-gateway"]` to the openhands service (or `--add-host host.docker.internal:host-gateway`), then recreate the container',
				);
			}
		}
		if (container && where.via === 'loopback' && container.networkMode !== 'host') {
			return fail(
				`${where.host} inside the container is the container itself, not the host: the engine is not reached`,
				evidence,
				`use http://host.docker.internal:${where.port ?? '<port>'}/v1 with extra_hosts: host.docker.internal:host-gateway`,
			);
		}
		if (where.via === 'lan') return ok(`${where.host} is on the local network (not checked further from here)`, evidence);
		if (!where.engine) {
			return fail(
				`nothing the cockpit watches answers on port ${where.port ?? '?'}: OpenHands' requests will be refused`,
				evidence,
				`start the engine on port ${where.port ?? '?'} (or point LLM_BASE_URL at the port an engine serves: ${facts.engines.filter(e => !e.error).map(e => e.url).join(', ') || 'none is up'})`,
			);
		}
		if (where.engine.error) {
			evidence.push(ev(where.engine.url, where.engine.error));
			return fail(`the engine at ${where.engine.url} is down: ${where.engine.error}`, evidence, `start the engine serving ${where.engine.url}`);
		}
		if (!/\/v1\/?$/.test(new URL(target.baseUrl.value).pathname)) {
			return warn('the base URL does not end in /v1: OpenAI-compatible servers answer under /v1', evidence, `set LLM_BASE_URL=${target.baseUrl.value.replace(/\/+$/, '')}/v1`);
		}
		return ok(`reaches ${where.engine.kind ?? 'an engine'} at ${where.engine.url} (${where.via === 'container' ? 'by container name' : 'through the host gateway'})`, evidence);
	},
};
