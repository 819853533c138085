// OpenHands' own setup: prompt extensions with a Mistral model, the workspace path, the state
// folder's owner, and app and sandbox images that agree.

import {ev, fail, ok, unknown, warn} from '../result.js';
import {llmTarget, openhandsContainer, parseConfigToml, servedNameOf, tomlLine, tomlValue} from '../llm-target.js';
import type {Check, Evidence} from '../types.js';
import {filesOutOfReach, notConfigured} from '../host-scope.js';

const MISTRAL = /mistral|devstral|magistral|codestral|ministral/i;

export const promptExtensions: Check = {
	id: 'openhands.prompt-extensions',
	title: 'Prompt extensions off for Mistral models',
	group: 'OpenHands',
	run(facts) {
		const file = facts.openhandsConfig;
		const model = llmTarget(facts).model;
		const mistral = model ? MISTRAL.test(servedNameOf(model.value).name) : false;
		const rejected = facts.sessionsRejected;
		const evidence: Evidence[] = [];
		if (model) evidence.push(ev(model.from, model.value));
		if (rejected) evidence.push(ev('Sessions panel', `${rejected.count} session(s) a server would reject, e.g. ${rejected.example}`));
		if (!file || filesOutOfReach(facts)) return notConfigured(facts, 'OpenHands config.toml', 'openhands_config = "/path/to/config.toml" (or state_dir)') ?? unknown('no OpenHands config.toml found', 'set [openhands] config_toml in the stackdeck config, or mount config.toml into the openhands container', evidence);
		if (file.text === null) return unknown(`${file.path}: ${file.error ?? 'not readable'}`, null, evidence);
		const {table, error} = parseConfigToml(file.text);
		if (!table) return unknown(`${file.path} is not valid TOML: ${error}`, `fix the file's syntax (${error})`, evidence);
		const value = tomlValue(table, 'agent', 'enable_prompt_extensions');
		const line = tomlLine(file.text, 'agent', 'enable_prompt_extensions');
		evidence.push(ev(`${file.path}${line ? `:${line}` : ''} [agent] enable_prompt_extensions`, value === undefined ? '(not set: defaults to true)' : String(value)));
		if (value === false) return ok('prompt extensions are off', evidence);
		if (!mistral && !rejected) return ok(model ? `not needed: ${servedNameOf(model.value).name} is not a Mistral model and no session shows the failure` : 'not needed: no session shows the failure', evidence);
		return fail(
			`${mistral ? 'a Mistral model' : 'this model'} with prompt extensions on gets a second user message (microagent knowledge) and the server rejects the conversation: "roles must alternate user and assistant"`,
			evidence,
			`set enable_prompt_extensions = false under [agent] in ${file.path}, then restart the openhands container (a bind-mounted file is re-read only on restart)`,
			{summary: `write enable_prompt_extensions = false under [agent] in ${file.path} (backup kept), then offer to restart the openhands container`},
		);
	},
};

export const workspacePath: Check = {
	id: 'openhands.workspace-path',
	title: 'Workspace path absolute, no symlink, same as the mount',
	group: 'OpenHands',
	run(facts) {
		const container = openhandsContainer(facts);
		if (!container) return unknown('no OpenHands container to read WORKSPACE_BASE from', 'start the openhands container (Docker must be reachable)');
		const base = container.env['WORKSPACE_BASE'];
		const mount = container.mounts.find(m => /^\/opt\/workspace_base\/?$/.test(m.destination));
		const evidence: Evidence[] = [ev(`container ${container.name}: WORKSPACE_BASE`, base ?? '(not set)')];
		if (mount) evidence.push(ev(`container ${container.name}: mount`, `${mount.source} -> ${mount.destination}`));
		if (!base) {
			return mount ? warn('WORKSPACE_BASE is not set: OpenHands cannot mount the workspace into its sandboxes', evidence, `set WORKSPACE_BASE=${mount.source}`) : unknown('no WORKSPACE_BASE and no /opt/workspace_base mount: no workspace configured', null, evidence);
		}
		if (!base.startsWith('/')) return fail(`WORKSPACE_BASE "${base}" is relative: the sandbox mount resolves it against the wrong folder`, evidence, `set WORKSPACE_BASE to the absolute path${mount ? ` ${mount.source}` : ''}`);
		const ws = facts.workspace;
		if (filesOutOfReach(facts)) return {...notConfigured(facts, `the workspace ${base}`, 'ssh')!, evidence};
		if (ws?.symlink) {
			evidence.push(ev(ws.symlink.at, `symlink -> ${ws.symlink.target}`));
			return fail(`${ws.symlink.at} is a symlink: the sandbox sees an empty or wrong folder (Docker does not follow it the same way)`, evidence, `set WORKSPACE_BASE (and the mount source) to the real path ${ws.symlink.target}`);
		}
		if (ws && !ws.exists) return fail(`${base} does not exist on the host`, evidence, `create ${base} (owned by UID 1000) or set WORKSPACE_BASE to the project folder`);
		if (mount && mount.source.replace(/\/+$/, '') !== base.replace(/\/+$/, '')) {
			return fail(`WORKSPACE_BASE is ${base} but ${mount.source} is mounted: OpenHands tells sandboxes to mount a different folder than it sees`, evidence, `make them equal: WORKSPACE_BASE=${mount.source}`);
		}
		if (ws?.error) return unknown(`${base}: ${ws.error}`, null, evidence);
		return ok(`${base} is absolute, real and mounted as the workspace`, evidence);
	},
};

function writableBy(uid: number, gid: number, mode: number, who: number): boolean {
	if (who === 0) return true;
	if (uid === who) return (mode & 0o200) !== 0;
	if (gid === who) return (mode & 0o020) !== 0;
	return (mode & 0o002) !== 0;
}

export const stateWritable: Check = {
	id: 'openhands.state-writable',
	title: 'State folder writable by UID 1000',
	group: 'OpenHands',
	run(facts) {
		const dir = facts.stateDir;
		if (!dir || filesOutOfReach(facts)) return notConfigured(facts, 'OpenHands state folder', 'state_dir = "/path/to/openhands-state"') ?? unknown('no OpenHands state folder found', 'set [openhands] state_dir, or let the Docker source find the openhands container\'s state mount');
		if (dir.error || dir.uid === null || dir.gid === null || dir.mode === null) return unknown(`${dir.path}: ${dir.error ?? 'not readable'}`, null);
		const perms = `owner ${dir.uid}:${dir.gid}, mode ${(dir.mode & 0o7777).toString(8).padStart(4, '0')}`;
		const evidence = [ev(dir.path, perms)];
		if (!dir.exists) return fail(`${dir.path} does not exist`, evidence, `mkdir -p ${dir.path} && chown 1000:1000 ${dir.path}`);
		if (!writableBy(dir.uid, dir.gid, dir.mode, 1000)) {
			return fail(`UID 1000 (OpenHands inside its container) cannot write ${dir.path}: sessions and settings are silently not saved`, evidence, `sudo chown -R 1000:1000 ${dir.path}`);
		}
		return ok(`writable by UID 1000 (${perms})`, evidence);
	},
};

/** "0.48", "1.2" from an image tag such as "0.48-nikolaik" or "1.2.3". */
function minorOf(tag: string): string | null {
	const m = /^v?(\d+)\.(\d+)/.exec(tag);
	return m ? `${m[1]}.${m[2]}` : null;
}

function tagOf(image: string): string {
	const at = image.indexOf('@');
	const name = at >= 0 ? image.slice(0, at) : image;
	const colon = name.lastIndexOf(':');
	return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : 'latest';
}

export const versions: Check = {
	id: 'openhands.versions',
	title: 'App and sandbox runtime images agree',
	group: 'OpenHands',
	run(facts) {
		const container = openhandsContainer(facts);
		if (!container) return unknown('no OpenHands container found', 'start the openhands container (Docker must be reachable)');
		const runtime = container.env['SANDBOX_RUNTIME_CONTAINER_IMAGE'] ?? container.env['RUNTIME_CONTAINER_IMAGE'] ?? null;
		const sandboxes = facts.docker?.containers.filter(c => c.role === 'openhands-runtime') ?? [];
		const evidence = [ev(`container ${container.name}: image`, container.image)];
		if (runtime) evidence.push(ev(`container ${container.name}: SANDBOX_RUNTIME_CONTAINER_IMAGE`, runtime));
		for (const s of sandboxes.slice(0, 3)) evidence.push(ev(`container ${s.name}: image`, s.image));
		const app = minorOf(tagOf(container.image));
		const others = [...(runtime ? [runtime] : []), ...sandboxes.map(s => s.image)];
		if (others.length === 0) return unknown('no sandbox runtime image named or running to compare with', null, evidence);
		if (!app) return unknown(`the app image tag "${tagOf(container.image)}" has no version to compare`, 'pin the app image to a version tag', evidence);
		const differ = others.filter(i => {
			const v = minorOf(tagOf(i));
			return v !== null && v !== app;
		});
		if (differ.length > 0) {
			return fail(
				`the app is ${app} but the sandbox runs ${differ.map(i => tagOf(i)).join(', ')}: the app and its runtime speak different versions of the action protocol`,
				evidence,
				`set SANDBOX_RUNTIME_CONTAINER_IMAGE to the runtime image of the same release (${app}-nikolaik), then recreate the openhands container`,
			);
		}
		if (others.every(i => minorOf(tagOf(i)) === null)) return unknown('the runtime image tags carry no version to compare', null, evidence);
		return ok(`app and sandbox are both ${app}`, evidence);
	},
};
