// The chat template an engine serves, where the engine exposes it: llama.cpp's GET /props returns
// `chat_template` (SGLang and vLLM have no such endpoint). Read once per server URL.

import type {TemplateFamily} from '../../../domain/openhands/finding.js';
import {templateFamilyOf} from '../../../domain/openhands/template-family.js';

export type TemplateFetch = (url: string, init?: {signal?: AbortSignal}) => Promise<{ok: boolean; json(): Promise<unknown>}>;

/** The OpenAI-style base URL the agent calls ("http://host:8080/v1") → the server root. */
export function serverRoot(baseUrl: string): string {
	return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

export class EngineTemplates {
	private readonly known = new Map<string, Promise<TemplateFamily | null>>();

	constructor(private readonly fetchImpl: TemplateFetch = globalThis.fetch as unknown as TemplateFetch) {}

	/** The family the engine at `baseUrl` serves, or null when it does not say. */
	familyAt(baseUrl: string): Promise<TemplateFamily | null> {
		const root = serverRoot(baseUrl);
		let found = this.known.get(root);
		if (!found) {
			found = this.fetchImpl(`${root}/props`, {signal: AbortSignal.timeout(2000)})
				.then(async r => {
					if (!r.ok) return null;
					const body = (await r.json()) as {chat_template?: unknown};
					return typeof body.chat_template === 'string' ? templateFamilyOf(body.chat_template) : null;
				})
				.catch(() => null);
			this.known.set(root, found);
		}
		return found;
	}
}
