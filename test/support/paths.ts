// Paths tests need: the repo, the built launcher, and the shared fixtures beside the repo.
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STACKDECK_BIN = path.join(REPO_ROOT, 'bin', 'stackdeck.js');
export const FIXTURES = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures');
export const HAVE_FIXTURES = existsSync(FIXTURES);

/** Say plainly, once per file, that fixture-based tests are skipped and why. */
export function noticeMissingFixtures(what: string): void {
	if (!HAVE_FIXTURES) console.warn(`NOTICE: ${FIXTURES} is absent: skipping ${what} conformance tests.`);
}
