// A prefix-cache model shared by the engines: prompts are cut into blocks, each block keyed by a
// hash of everything before it (as vLLM's block hashes and SGLang's radix tree do), and a request's
// cached tokens are the leading blocks already held. Least recently used blocks are evicted.
//
// Memory: an engine that caches token by token (SGLang's radix tree, page size 1) is tracked in
// pages of TRACK_TOKENS, so its hits are whole pages of 16 tokens. Tracked per token, the two such
// engines of the demo held a Map entry for each of up to 524,288 tokens: the demo grew by about
// 2.4 MB a minute for an hour while its caches filled.

import {tokenId} from './tokens.js';

export interface PrefixLookup {
	promptTokens: number;
	cachedTokens: number;
}

/** The smallest block the model tracks (see the note at the top). */
export const TRACK_TOKENS = 16;

export class PrefixCache {
	/** Block hashes held, least recently used first (a Set keeps insertion order). */
	private readonly blocks = new Set<number>();
	/** The block size tracked: the engine's own, or TRACK_TOKENS when that is smaller. */
	readonly blockSize: number;

	constructor(
		engineBlockSize: number,
		readonly capacityTokens: number,
	) {
		this.blockSize = Math.max(engineBlockSize, TRACK_TOKENS);
	}

	/** Cached tokens for this prompt; then the prompt's blocks are inserted (as a served request's are). */
	lookupAndInsert(tokens: readonly string[]): PrefixLookup {
		const hashes = blockHashes(tokens, this.blockSize);
		let cachedBlocks = 0;
		while (cachedBlocks < hashes.length && this.blocks.has(hashes[cachedBlocks]!)) cachedBlocks++;
		// A full hit still recomputes the last token (engines need one token of logits).
		const cachedTokens = Math.min(cachedBlocks * this.blockSize, Math.max(0, tokens.length - 1));
		for (const hash of hashes) {
			this.blocks.delete(hash);
			this.blocks.add(hash);
		}
		const maxBlocks = Math.max(1, Math.floor(this.capacityTokens / this.blockSize));
		for (const oldest of this.blocks.keys()) {
			if (this.blocks.size <= maxBlocks) break;
			this.blocks.delete(oldest);
		}
		return {promptTokens: tokens.length, cachedTokens};
	}

	/** Tokens currently held (SGLang's kv_evictable_tokens). */
	sizeTokens(): number {
		return this.blocks.size * this.blockSize;
	}

	clear(): void {
		this.blocks.clear();
	}
}

/** Chained hashes of the full blocks of `tokens`. */
export function blockHashes(tokens: readonly string[], blockSize: number): number[] {
	const out: number[] = [];
	let hash = 0x12345;
	for (let i = 0; i + blockSize <= tokens.length; i += blockSize) {
		for (let j = i; j < i + blockSize; j++) hash = (Math.imul(hash ^ tokenId(tokens[j]!), 0x01000193) + j) >>> 0;
		// 30 bits: small integers are stored inline, not as boxed numbers.
		out.push(hash & 0x3fffffff);
	}
	return out;
}
