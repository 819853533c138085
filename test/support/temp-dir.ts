// Temporary folders for tests: a per-run name under the OS temp folder, removed when the test file
// is done, so no run leaves folders behind (on a developer's machine or CI's).
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll} from 'vitest';

const made: string[] = [];
const removeAll = () => {
	for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
};
// Registered when a test file first imports this module: the file's own afterAll.
afterAll(removeAll);

/** A new folder `PREFIX` + random under the OS temp folder; removed after the file's tests. */
export function tempDir(prefix: string): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
	made.push(dir);
	return dir;
}
