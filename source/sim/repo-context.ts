// Repository-context prompts for the load generator: a few fixed "repositories" whose long
// context is shared by many requests (prefix-cache hits), and one-off contexts (misses).

import {seededRandom} from './tokens.js';

const FILES = ['src/server.ts', 'src/routes/users.ts', 'src/db/pool.ts', 'src/cache/lru.ts', 'test/users.test.ts', 'README.md', 'package.json', 'src/util/retry.ts'];
const LINES = [
	'export async function handler(req, res) {',
	'  const user = await db.users.findById(req.params.id);',
	'  if (!user) return res.status(404).json({error: "not found"});',
	'  return res.json(user);',
	'}',
	'const pool = new Pool({max: 10, idleTimeoutMillis: 30000});',
	'export class LruCache<K, V> { private map = new Map<K, V>(); }',
	'it("returns 404 for a missing user", async () => { expect(res.status).toBe(404); });',
	'function retry(fn, attempts = 3) { for (let i = 0; i < attempts; i++) { try { return fn(); } catch {} } }',
];

export const QUESTIONS = [
	'Add input validation to the users route.',
	'Why does the retry helper swallow errors? Fix it.',
	'Write a test for the LRU cache eviction order.',
	'Explain how the connection pool is configured.',
	'Refactor the handler to use early returns.',
	'Add a /health endpoint and a test for it.',
];

/** A repository context of roughly `lines` lines, the same text for the same seed. */
export function repoContext(name: string, seed: number, lines = 120): string {
	const random = seededRandom(seed);
	const out = [`You are working in the repository ${name}. Repository map and relevant files follow.`];
	for (let i = 0; i < lines; i++) {
		if (i % 15 === 0) out.push(`--- ${FILES[Math.floor(random() * FILES.length)]} ---`);
		out.push(LINES[Math.floor(random() * LINES.length)]!);
	}
	return out.join('\n');
}

export const DEMO_REPOS = ['acme/webshop', 'acme/billing', 'stackdeck-demo/todo-api'];
