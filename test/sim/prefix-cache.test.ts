// The prefix-cache model: shared prefixes count as cached tokens, unrelated prompts do not.
import {describe, expect, it} from 'vitest';
import {PrefixCache} from '../../source/sim/prefix-cache.js';
import {tokenize} from '../../source/sim/tokens.js';
import {repoContext} from '../../source/sim/repo-context.js';

describe('PrefixCache', () => {
	it('counts the shared repository context of a second request as cached, in whole blocks', () => {
		const cache = new PrefixCache(16, 100_000);
		const context = repoContext('acme/webshop', 1);
		const first = cache.lookupAndInsert(tokenize(`${context}\nquestion one`));
		const second = cache.lookupAndInsert(tokenize(`${context}\nsomething else entirely`));
		expect(first.cachedTokens).toBe(0);
		const shared = tokenize(context).length;
		expect(second.cachedTokens).toBeGreaterThan(shared - 16);
		expect(second.cachedTokens).toBeLessThanOrEqual(shared + 1);
		expect(second.cachedTokens % 16).toBe(0);
	});

	it('gives no hit to a different context and evicts least recently used blocks at capacity', () => {
		const cache = new PrefixCache(1, 2000);
		const a = tokenize(repoContext('a', 1));
		cache.lookupAndInsert(a);
		expect(cache.lookupAndInsert(tokenize(repoContext('b', 2))).cachedTokens).toBeLessThan(20);
		expect(cache.sizeTokens()).toBeLessThanOrEqual(2000);
		expect(tokenize('hello world').join('')).toBe('hello world');
	});

	it('holds at most its capacity while fresh contexts stream through, and keeps the context in use', () => {
		// Filled several times over by one-off contexts, as the demo's load generator fills an
		// engine's 524,288 tokens in about 25 minutes and then keeps doing for ever.
		const capacity = 65_536;
		const cache = new PrefixCache(1, capacity);
		const hot = tokenize(`${repoContext('acme/webshop', 1)}\nquestion`);
		const first = tokenize(repoContext('scratch/0', 5000, 60));
		cache.lookupAndInsert(first);
		cache.lookupAndInsert(hot);
		let held = 0;
		for (let i = 1; i <= 600; i++) {
			cache.lookupAndInsert(tokenize(repoContext(`scratch/${i}`, 5000 + i, 60)));
			if (i % 10 === 0) expect(cache.lookupAndInsert(hot).cachedTokens).toBeGreaterThan(hot.length - 32);
			held = Math.max(held, cache.sizeTokens());
			expect(cache.sizeTokens()).toBeLessThanOrEqual(capacity);
		}
		// Full: within the 3% it evicts at once, and the oldest context is gone.
		expect(held).toBe(capacity);
		expect(cache.sizeTokens()).toBeGreaterThan(capacity * 0.96);
		expect(cache.lookupAndInsert(first).cachedTokens).toBe(0);
	});
});
