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
});
