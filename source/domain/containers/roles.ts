// Stack role recognition (by label, image and name) and image tag pinning.

import type {StackRole} from './types.js';

/** Display order of role groups; unknown containers come last under "other". */
export const ROLE_ORDER: readonly StackRole[] = [
	'openhands',
	'openhands-runtime',
	'sglang',
	'vllm',
	'ollama',
	'llamacpp',
	'aider',
	'gitea',
	'tor',
	'code-server',
];

export const ROLE_TITLES: Record<StackRole, string> = {
	openhands: 'OpenHands',
	'openhands-runtime': 'OpenHands sandboxes',
	sglang: 'SGLang',
	vllm: 'vLLM',
	ollama: 'Ollama',
	llamacpp: 'llama.cpp',
	aider: 'Aider',
	gitea: 'Gitea',
	tor: 'Tor',
	'code-server': 'code-server',
};

export const ENGINE_ROLES: readonly StackRole[] = ['sglang', 'vllm', 'ollama', 'llamacpp'];

/** An explicit label wins: `stackdeck.role=sglang`. */
export const ROLE_LABEL = 'stackdeck.role';

// Order matters: the runtime sandbox must be tested before OpenHands itself.
const RULES: ReadonlyArray<[StackRole, RegExp]> = [
	['openhands-runtime', /(openhands|all-hands-ai)[/-]runtime|^openhands-runtime-|runtime:.*-nikolaik|\/runtime:/],
	['openhands', /openhands|all-hands/],
	['sglang', /sglang/],
	['vllm', /vllm/],
	['ollama', /ollama/],
	['llamacpp', /llama[.-_]?cpp|llama-server|llama\.cpp/],
	['aider', /aider/],
	['gitea', /gitea/],
	['tor', /(^|[/_-])tor([/_:-]|$)|tor-hidden-service|onion/],
	['code-server', /code-server|codercom/],
];

export function isStackRole(value: string): value is StackRole {
	return (ROLE_ORDER as readonly string[]).includes(value);
}

/** Role from labels, then image, then container name; null when none matches. */
export function recognizeRole(image: string, name: string, labels: Record<string, string> = {}): StackRole | null {
	const label = labels[ROLE_LABEL];
	if (label && isStackRole(label)) return label;
	const service = labels['com.docker.compose.service'] ?? '';
	for (const text of [image.toLowerCase(), name.toLowerCase().replace(/^\//, ''), service.toLowerCase()]) {
		if (!text) continue;
		for (const [role, pattern] of RULES) if (pattern.test(text)) return role;
	}
	return null;
}

export interface ImageRef {
	repository: string;
	tag: string;
	digest: string | null;
	/** Pinned: an explicit tag other than "latest", or a digest. */
	pinned: boolean;
}

/** Split "registry:5000/a/b:tag@sha256:..." into repository, tag and digest. */
export function parseImageRef(image: string): ImageRef {
	let rest = image.trim();
	let digest: string | null = null;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
	}
	const slash = rest.lastIndexOf('/');
	const colon = rest.lastIndexOf(':');
	let tag = '';
	if (colon > slash) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
	}
	if (image.startsWith('sha256:')) return {repository: image, tag: '', digest: image, pinned: true};
	const pinned = digest !== null || (tag !== '' && tag !== 'latest');
	return {repository: rest, tag: tag || 'latest', digest, pinned};
}
