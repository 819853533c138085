// After a swap: point OpenHands' config.toml and Aider's conf file at the serving profile (diff
// first, then an atomic write with a backup; a file changed since the diff is not overwritten),
// and restart the OpenHands container, which reads a bind-mounted config.toml only at start.

import {chown, realpath, stat} from 'node:fs/promises';
import {readRegularText} from '../../fs/read-regular.js';
import {MAX_CONFIG_BYTES} from '../../config/load.js';
import {expectedFor} from '../../domain/swap/contract.js';
import type {SwapProfile} from '../../domain/swap/profile.js';
import {atomicWrite} from '../atomic-write.js';
import type {SwapEnv} from '../../sources/swap/env.js';

export interface ClientRewrite {
	client: 'openhands' | 'aider';
	file: string;
	changed: boolean;
	diff: string[];
	/** Set when the file cannot be rewritten (missing, unparsable, a layout the editor refuses). */
	error: string | null;
	apply(): Promise<string>;
}

export interface ClientsPlan {
	rewrites: ClientRewrite[];
	/** OpenHands containers to restart so that they read the new config. */
	containers: string[];
	lines: string[];
}

async function writeChecked(file: string, before: string, text: string): Promise<string> {
	// Write through a symlink to its target, keeping the link.
	const real = await realpath(file);
	const read = await readRegularText(real, MAX_CONFIG_BYTES);
	if (!read.ok) throw new Error(read.error);
	const now = read.text;
	if (now !== before) throw new Error(`${file}: changed since the diff was shown; plan the rewrite again`);
	const owner = await stat(real);
	const result = await atomicWrite(real, text);
	const after = await stat(real);
	if (after.uid !== owner.uid || after.gid !== owner.gid) await chown(real, owner.uid, owner.gid).catch(() => undefined);
	return `${file} rewritten${result.backup ? ` (backup ${result.backup})` : ''}`;
}

async function planOne(client: 'openhands' | 'aider', file: string, target: SwapProfile): Promise<ClientRewrite> {
	// Only a regular file, and a bounded one: a FIFO named as a client's config must not hold the swap.
	const read = await readRegularText(file, MAX_CONFIG_BYTES);
	if (!read.ok) return {client, file, changed: false, diff: [], error: read.error, apply: () => Promise.reject(new Error(read.error))};
	const before = read.text;
	// The editors (and the YAML parser) load with the first swap, not with the cockpit.
	const {setTomlKeys, setYamlKeys} = await import('../../domain/swap/client-edits.js');
	try {
		const edit =
			client === 'openhands'
				? (() => {
						const want = expectedFor({profile: target.name, servedModel: target.servedModel, url: target.url ?? ''});
						return setTomlKeys(before, 'llm', {model: want.model, base_url: want.baseUrl}, file);
					})()
				: setYamlKeys(before, {model: `openai/${target.servedModel}`, 'openai-api-base': `${target.url}/v1`}, file);
		return {
			client,
			file,
			changed: edit.changed,
			diff: edit.diff,
			error: null,
			apply: () => (edit.changed ? writeChecked(file, before, edit.text) : Promise.resolve(`${file} already points at ${target.name}`)),
		};
	} catch (error) {
		return {client, file, changed: false, diff: [], error: (error as Error).message, apply: () => Promise.reject(error)};
	}
}

/** The rewrites for every client of the target and of the profiles it replaces. */
export async function planClients(target: SwapProfile, replaced: readonly SwapProfile[]): Promise<ClientsPlan> {
	const all = [target, ...replaced];
	const tomls = [...new Set(all.map(p => p.clients.openhandsConfig).filter((f): f is string => !!f))];
	const yamls = [...new Set(all.map(p => p.clients.aiderConf).filter((f): f is string => !!f))];
	const containers = [...new Set(all.map(p => p.clients.openhandsContainer).filter((c): c is string => !!c))];
	const rewrites = [...(await Promise.all(tomls.map(f => planOne('openhands', f, target)))), ...(await Promise.all(yamls.map(f => planOne('aider', f, target))))];
	const lines = rewrites.flatMap(r => (r.error ? [`${r.file}: ${r.error}`] : r.changed ? [`rewrite ${r.file}:`, ...r.diff] : [`${r.file}: already points at ${target.name}`]));
	if (containers.length > 0) lines.push(`then restart ${containers.join(', ')} (a bind-mounted config is read at start)`);
	return {rewrites, containers, lines};
}

export async function restartContainer(env: SwapEnv, name: string): Promise<string> {
	if (!env.docker) throw new Error(`cannot restart ${name}: Docker is not reachable`);
	await env.docker.getContainer(name).restart({t: 10});
	return `${name} restarted`;
}
