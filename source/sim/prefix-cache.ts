// A prefix-cache model shared by the engines: prompts are cut into blocks, each block keyed by a
// hash of everything before it (as vLLM's block hashes and SGLang's radix tree do), and a request's
// cached tokens are the leading blocks already held. Least recently used blocks are evicted.

import {tokenId} from './tokens.js';

export interface PrefixLookup {
	promptTokens: number;
	cachedTokens: number;
}

export class PrefixCache {
	/** block hash -> last use tick (Map order = LRU order). */
	private readonly blocks = new Map<number, number>();
	private tick = 0;

	constructor(
		readonly blockSize: number,
		readonly capacityTokens: number,
	) {}

	/** Cached tokens for this prompt; then the prompt's blocks are inserted (as a served request's are). */
	lookupAndInsert(tokens: readonly string[]): PrefixLookup {
		const hashes = blockHashes(tokens, this.blockSize);
		let cachedBlocks = 0;
		while (cachedBlocks < hashes.length && this.blocks.has(hashes[cachedBlocks]!)) cachedBlocks++;
		// A full hit still recomputes the last token (engines need one token of logits).
		const cachedTokens = Math.min(cachedBlocks * this.blockSize, Math.max(0, tokens.length - 1));
		for (const hash of hashes) {
			this.blocks.delete(hash);
			this.blocks.set(hash, ++this.tick);
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
		out.push(hash);
	}
	return out;
}
