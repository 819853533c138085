// What a message costs, from the model's entry in --model-metadata-file (litellm's
// input_cost_per_token / output_cost_per_token), and the `Tokens: ... sent, ... received.` line
// with its `Cost: $x message, $y session.` part, which Aider prints only for a non-zero input cost.

import {readFileSync} from 'node:fs';
import {formatTokenCount} from '../../domain/aider/tokens.js';

export interface ModelCosts {
	/** Dollars per prompt token. */
	input: number;
	/** Dollars per completion token. */
	output: number;
}

const FREE: ModelCosts = {input: 0, output: 0};

/** The model's costs in parsed metadata JSON; 0 for a missing model or field. */
export function costsFromMetadata(metadata: unknown, model: string): ModelCosts {
	if (metadata === null || metadata === undefined) return {...FREE};
	const entry = ((metadata as Record<string, unknown>)[model] ?? {}) as {input_cost_per_token?: unknown; output_cost_per_token?: unknown};
	return {input: Number(entry.input_cost_per_token) || 0, output: Number(entry.output_cost_per_token) || 0};
}

/** The model's costs from the metadata file; free when there is no file or it cannot be read. */
export function readModelCosts(file: string | undefined, model: string): ModelCosts {
	if (!file) return {...FREE};
	try {
		return costsFromMetadata(JSON.parse(readFileSync(file, 'utf8')), model);
	} catch {
		return {...FREE};
	}
}

export function messageCost(costs: ModelCosts, promptTokens: number, completionTokens: number): number {
	return costs.input * promptTokens + costs.output * completionTokens;
}

/** Aider's format_cost: 0.00 for 0, 2 decimals from 0.01, else enough for 2 significant digits. */
export function formatCost(value: number): string {
	if (value === 0) return '0.00';
	if (value >= 0.01) return value.toFixed(2);
	return value.toFixed(Math.max(2, 1 - Math.floor(Math.log10(value))));
}

/** `Tokens: 1.2k sent, 56 received.`, plus ` Cost: $x message, $y session.` when the model has an input cost. */
export function tokensLine(promptTokens: number, completionTokens: number, costs: ModelCosts, message: number, session: number): string {
	const cost = costs.input > 0 ? ` Cost: $${formatCost(message)} message, $${formatCost(session)} session.` : '';
	return `Tokens: ${formatTokenCount(promptTokens)} sent, ${formatTokenCount(completionTokens)} received.${cost}`;
}
