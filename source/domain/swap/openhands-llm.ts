// What OpenHands is set to use, read from its config.toml ([llm] model and base_url). The
// container's LLM_MODEL / LLM_BASE_URL environment, when known, wins (as in OpenHands).

import {parse} from 'smol-toml';
import type {ClientSetting} from './contract.js';

export function openhandsLlm(toml: string, file: string, env: Readonly<Record<string, string>> = {}): ClientSetting {
	let llm: Record<string, unknown> = {};
	try {
		const parsed = parse(toml) as Record<string, unknown>;
		if (parsed['llm'] && typeof parsed['llm'] === 'object') llm = parsed['llm'] as Record<string, unknown>;
	} catch {
		return {model: null, baseUrl: null, source: `${file} (does not parse)`};
	}
	const model = env['LLM_MODEL'] ?? (typeof llm['model'] === 'string' ? llm['model'] : null);
	const baseUrl = env['LLM_BASE_URL'] ?? (typeof llm['base_url'] === 'string' ? llm['base_url'] : null);
	const source = env['LLM_MODEL'] || env['LLM_BASE_URL'] ? 'container env' : `${file} [llm]`;
	return {model, baseUrl, source};
}

/** One line for a panel row: both sides named when they differ. */
export function contractShort(c: {state: string; expected: {model: string; baseUrl: string} | null; actual: ClientSetting | null; text: string}): string {
	if (c.state === 'met') return `OpenHands ✓ ${c.expected!.model}`;
	if (c.state === 'differs' && c.actual && c.expected) {
		// Set in the container's environment, it wins over config.toml: say so, or a rewrite looks ignored.
		const who = c.actual.source === 'container env' ? 'OpenHands env' : 'OpenHands';
		if (c.actual.model !== c.expected.model) return `${who} ${c.actual.model ?? '(none)'} ≠ serving ${c.expected.model}`;
		return `${who} url ${c.actual.baseUrl ?? '(none)'} ≠ ${c.expected.baseUrl}`;
	}
	return c.text;
}

/** Said before a config.toml rewrite when the container's environment sets the model: the rewrite alone changes nothing. */
export function envOverrideLines(container: string | null, model: string | null, baseUrl: string | null): string[] {
	const set = [model !== null ? `LLM_MODEL=${model}` : null, baseUrl !== null ? `LLM_BASE_URL=${baseUrl}` : null].filter((x): x is string => x !== null);
	if (set.length === 0) return [];
	return [`note: ${container ?? 'the OpenHands container'} sets ${set.join(' and ')} in its environment, which wins over config.toml: change it where the container is defined (compose file) and recreate it`];
}
