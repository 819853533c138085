// A prefix-cache model shared by the engines: prompts are cut into blocks, each block keyed by a
// hash of everything before it (as vLLM's block hashes and SGLang's radix tree do), and a request's
// cached tokens are the leading blocks already held. Least recently used blocks are evicted.
//
// Memory: an engine that caches token by token (SGLang's radix tree, page size 1) is tracked in
// pages of TRACK_TOKENS, so its hits are whole pages of 16 tokens. Tracked per token, the two such
// engines of the demo held a Map entry for each of up to 524,288 tokens: the demo grew by about
// 2.4 MB a minute for an hour while its caches filled.
//
// The blocks live in a fixed open-addressing table (a hash and a last-use stamp per slot, twice as
// many slots as the cache holds blocks), allocated when the engine starts: 512 KB for an engine of
// 524,288 tokens, the same empty or full. A Set of block hashes grew to about 2.5 MB per engine
// while the load generator filled it, which took the demo about 25 minutes at a 100 ms refresh:
// the three engines' caches were most of the demo's growth after its first five minutes.

import {tokenId} from './tokens.js';

export interface PrefixLookup {
	promptTokens: number;
	cachedTokens: number;
}

/** The smallest block the model tracks (see the note at the top). */
export const TRACK_TOKENS = 16;

/**
 * A full cache evicts this share of its blocks at once (the least recently used), so that the
 * table is rebuilt once per that many new blocks, not once per block. The held size stays within
 * 1/32 (3%) of the capacity once full.
 */
const EVICT_SHARE = 1 / 32;

export class PrefixCache {
	/** The block size tracked: the engine's own, or TRACK_TOKENS when that is smaller. */
	readonly blockSize: number;
	/** Blocks held at most: the capacity in whole blocks. */
	readonly maxBlocks: number;
	/** Slot contents: block hash + 1 (hashes are 30-bit), 0 for an empty slot. */
	private keys: Int32Array;
	/** Slot contents: when the block was last used (a counter; larger is newer). */
	private stamps: Uint32Array;
	private readonly shift: number;
	private count = 0;
	private tick = 0;

	constructor(
		engineBlockSize: number,
		readonly capacityTokens: number,
	) {
		this.blockSize = Math.max(engineBlockSize, TRACK_TOKENS);
		this.maxBlocks = Math.max(1, Math.floor(capacityTokens / this.blockSize));
		// At most half the slots are used (short probe runs); a power of two for the index mask.
		let bits = 1;
		while (1 << bits < this.maxBlocks * 2 + 2) bits++;
		this.shift = 32 - bits;
		this.keys = new Int32Array(1 << bits);
		this.stamps = new Uint32Array(1 << bits);
	}

	/** Cached tokens for this prompt; then the prompt's blocks are inserted (as a served request's are). */
	lookupAndInsert(tokens: readonly string[]): PrefixLookup {
		const hashes = blockHashes(tokens, this.blockSize);
		let cachedBlocks = 0;
		while (cachedBlocks < hashes.length && this.keys[this.slotOf(hashes[cachedBlocks]!)] !== 0) cachedBlocks++;
		// A full hit still recomputes the last token (engines need one token of logits).
		const cachedTokens = Math.min(cachedBlocks * this.blockSize, Math.max(0, tokens.length - 1));
		for (const hash of hashes) this.touch(hash);
		return {promptTokens: tokens.length, cachedTokens};
	}

	/** Tokens currently held (SGLang's kv_evictable_tokens). */
	sizeTokens(): number {
		return this.count * this.blockSize;
	}

	clear(): void {
		this.keys.fill(0);
		this.stamps.fill(0);
		this.count = 0;
		this.tick = 0;
	}

	/** The slot holding `hash`, or the empty slot where it would go (linear probing). */
	private slotOf(hash: number): number {
		const mask = this.keys.length - 1;
		let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
		while (this.keys[slot] !== 0 && this.keys[slot] !== hash + 1) slot = (slot + 1) & mask;
		return slot;
	}

	/** Mark `hash` as just used, inserting it (and evicting the oldest blocks when full). */
	private touch(hash: number): void {
		if (this.tick === 0xffffffff) this.rebuild(0);
		const slot = this.slotOf(hash);
		if (this.keys[slot] === 0) {
			this.keys[slot] = hash + 1;
			this.count += 1;
		}
		this.stamps[slot] = ++this.tick;
		if (this.count > this.maxBlocks) this.rebuild(this.count - Math.max(1, Math.floor(this.maxBlocks * (1 - EVICT_SHARE))));
	}

	/** Drop the `evict` least recently used blocks; the rest go into a fresh table, stamps renumbered 1..n. */
	private rebuild(evict: number): void {
		const {keys, stamps} = this;
		const used = new Int32Array(this.count);
		let n = 0;
		for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== 0) used[n++] = slot;
		used.sort((a, b) => stamps[a]! - stamps[b]!);
		this.keys = new Int32Array(keys.length);
		this.stamps = new Uint32Array(keys.length);
		this.count = 0;
		this.tick = 0;
		for (let i = evict; i < n; i++) {
			const slot = this.slotOf(keys[used[i]!]! - 1);
			this.keys[slot] = keys[used[i]!]!;
			this.stamps[slot] = ++this.tick;
			this.count += 1;
		}
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
