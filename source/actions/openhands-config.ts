// The Sessions panel's fix: set `[agent] enable_prompt_extensions = false` in the OpenHands
// config.toml. Plans the edit (diff for the confirmation), then writes it atomically with a .bak,
// refusing if the file changed in between. Every other line and comment is kept. promptExtensionsJob
// is the write as a job; its undo puts the old text back.

import {readRegularText} from '../fs/read-regular.js';
import {MAX_CONFIG_BYTES} from '../config/load.js';
import {setTomlValue} from '../domain/text/toml-edit.js';
import {atomicWrite, type AtomicWriteResult} from './atomic-write.js';
import type {Job} from '../jobs/job.js';

export interface ConfigFixPlan {
	file: string;
	changed: boolean;
	diff: string[];
	apply(): Promise<AtomicWriteResult | null>;
	/** Puts the text read for the diff back, if the file still holds what apply wrote. */
	revert(): Promise<boolean>;
}

async function readConfig(file: string): Promise<string> {
	// Only a regular file, and a bounded one (a FIFO would hold the fix for ever).
	const read = await readRegularText(file, MAX_CONFIG_BYTES);
	if (read.ok) return read.text;
	throw new Error(
		read.kind === 'missing'
			? `${file}: no such file; create the OpenHands config.toml there (and mount it into the container) or set [openhands] config_toml in the stackdeck config`
			: read.error,
	);
}

export async function planPromptExtensionsFix(file: string): Promise<ConfigFixPlan> {
	const before = await readConfig(file);
	let edit: ReturnType<typeof setTomlValue>;
	try {
		edit = setTomlValue(before, 'agent', 'enable_prompt_extensions', 'false');
	} catch (error) {
		throw new Error(`${file}: ${(error as Error).message}`);
	}
	return {
		file,
		changed: edit.changed,
		diff: edit.diff,
		async apply() {
			if (!edit.changed) return null;
			const now = await readConfig(file);
			if (now !== before) throw new Error(`${file}: changed since the diff was shown; press x again to see the new diff`);
			return atomicWrite(file, edit.text);
		},
		async revert() {
			if (!edit.changed || (await readConfig(file)) !== edit.text) return false;
			await atomicWrite(file, before);
			return true;
		},
	};
}

export function promptExtensionsJob(plan: ConfigFixPlan): Job {
	let written = '';
	return {
		kind: 'openhands.config',
		title: 'disable prompt extensions',
		hostId: 'local',
		target: plan.file,
		mutating: true,
		plan: [...plan.diff, 'Written atomically; the old file is kept as config.toml.bak. Restart OpenHands afterwards.'],
		steps: [
			{
				title: `write ${plan.file}`,
				async run() {
					const result = await plan.apply();
					written = result?.backup ? ` (backup ${result.backup})` : '';
					return `written${written}`;
				},
				async undo() {
					return (await plan.revert()) ? 'old text put back' : 'unchanged';
				},
			},
		],
		summary: () => `${plan.file}: enable_prompt_extensions = false written${written}; restart OpenHands`,
	};
}
