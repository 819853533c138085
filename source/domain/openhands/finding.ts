// A finding: one ordering or content problem a model server would reject, with the rule that found
// it, the events involved, the servers that reject it and what to do about it.

export const RULE_IDS = ['strict-alternation', 'mistral-order', 'last-role', 'empty-assistant', 'tool-call-id', 'tool-args-json', 'content-and-tool-calls', 'error-reason'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type ServerId = 'sglang' | 'vllm-hf' | 'llama.cpp' | 'vllm-mistral' | 'vllm-mistral-v3' | 'mistral-api';

export const SERVER_LABELS: Record<ServerId, string> = {
	sglang: 'SGLang (HF chat template)',
	'vllm-hf': 'vLLM --tokenizer-mode hf/auto (HF chat template)',
	'llama.cpp': 'llama.cpp --jinja',
	'vllm-mistral': 'vLLM --tokenizer-mode mistral (mistral-common)',
	'vllm-mistral-v3': 'vLLM --tokenizer-mode mistral with a v1-v3 tokenizer (Mistral 7B v0.1-v0.3, Mixtral)',
	'mistral-api': 'Mistral API (La Plateforme)',
};

export const HF_TEMPLATE_SERVERS: ServerId[] = ['sglang', 'vllm-hf', 'llama.cpp'];
export const MISTRAL_COMMON_SERVERS: ServerId[] = ['vllm-mistral', 'mistral-api'];

/**
 * Which HF chat template family the engine renders with: the hand-written ones (Mistral 7B, Mixtral,
 * Mistral Small 3.x/4, Devstral: "roles must alternate") reject consecutive same-role turns; the
 * ones mistral-common generates merge them first, as mistral-common does. null: not known.
 */
export type TemplateFamily = 'legacy' | 'generated';

/** A fix stackdeck can apply itself (the `x` key in the Sessions panel). */
export type FixAction = 'disable-prompt-extensions';

export interface Finding {
	rule: RuleId;
	eventIds: number[];
	servers: ServerId[];
	message: string;
	fix: string;
	fixAction: FixAction | null;
}

export const PROMPT_EXTENSIONS_FIX =
	'In the OpenHands config.toml set `[agent] enable_prompt_extensions = false` and restart OpenHands (the seeds\' fix; `x` in the Sessions panel does the edit). ' +
	'Cost: the agent no longer receives workspace context (repository name and instructions, runtime hosts, date, conversation instructions) or microagent knowledge in its prompt. ' +
	'Alternative that keeps them: serve the model with vLLM --tokenizer-mode mistral, whose mistral-common merges consecutive user turns.';

export const MERGE_FIX =
	'No OpenHands V0 setting removes this turn. Serve the model with vLLM --tokenizer-mode mistral (mistral-common >= 1.11.1 merges consecutive same-role turns and accepts user after tool), ' +
	'or put a proxy that merges adjacent same-role messages in front of the server; OpenHands V1 (software-agent-sdk >= 1.26.0) merges adjacent user messages itself.';

export const CONDENSER_FIX =
	'The condenser put this turn here: its summary goes in as a user message next to the task. No V0 setting changes where it goes; ' +
	'`enable_default_condenser = false` under `[core]` in config.toml (or the GUI setting) stops the condensing, at the cost of context-window errors on long sessions. ' +
	'Serving the model with vLLM --tokenizer-mode mistral (mistral-common merges consecutive user turns) keeps the condenser.';

/** The rule families `check-session --rules` selects. */
export const RULE_FAMILIES: Record<'strict' | 'mistral' | 'all', readonly RuleId[]> = {
	strict: ['strict-alternation', 'tool-args-json', 'error-reason'],
	mistral: ['mistral-order', 'last-role', 'empty-assistant', 'tool-call-id', 'content-and-tool-calls', 'error-reason'],
	all: RULE_IDS,
};
