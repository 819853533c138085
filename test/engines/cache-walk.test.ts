// The Cache panel's folder walk, with its limits lowered through the disk source's budget (no
// 200k-file trees): a folder over the entry limit is shown as cut short with a lower bound, never
// as a smaller exact size; a tree exactly at the limit is complete; an unreadable subfolder is
// named on screen and in `status`, and an unreadable cache folder says so instead of "0 B".
import {chmodSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {configSchema} from '../../source/config/schema.js';
import {createAppStore, initialState, type AppStore} from '../../source/store/index.js';
import {createDiskSource} from '../../source/sources/engines/disk-source.js';
import type {WalkBudget} from '../../source/sources/engines/disk-walker.js';
import type {DiskDir} from '../../source/store/slices/engines.js';
import {cacheLines} from '../../source/panels/cache/lines.js';
import {cacheStatus} from '../../source/panels/cache/status.js';
import {formatBytes} from '../../source/domain/format.js';
import {writeFiles} from './engines-state.js';
import {localHost} from '../support/host.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-walk-'));
chmodSync(tmp, 0o755);
afterAll(() => {
	chmodSync(tmp, 0o755);
	for (const p of [path.join(tmp, 'mixed', 'private'), path.join(tmp, 'locked')]) {
		try {
			chmodSync(p, 0o755);
		} catch {
			// not created
		}
	}
	rmSync(tmp, {recursive: true, force: true});
});

/** `dirs` subfolders of `files` files of 100 bytes each. */
function tree(name: string, dirs: number, files: number): string {
	const root = path.join(tmp, name);
	for (let d = 0; d < dirs; d++) writeFiles(path.join(root, `d${d}`), Array.from({length: files}, () => 100));
	return root;
}

/** As a user without privileges (root reads every folder whatever its mode), when we are root. */
async function unprivileged<T>(run: () => Promise<T>): Promise<T> {
	if (process.getuid?.() !== 0 || !process.seteuid) return run();
	process.seteuid(65534);
	try {
		return await run();
	} finally {
		process.seteuid(0);
	}
}

async function measure(dirs: string[], budget: WalkBudget, asUser = false): Promise<{store: AppStore; disk: DiskDir[]}> {
	const config = configSchema.parse({cache: {dirs, warn_gb: 1}, engines: {probe: false}});
	const store = createAppStore(initialState());
	const source = createDiskSource({store, config, refreshMs: 1000, env: {}, host: localHost()}, budget);
	await (asUser ? unprivileged(async () => source.poll?.()) : source.poll?.());
	return {store, disk: store.getState().engines.disk};
}

const shown = (store: AppStore, width = 100) => cacheLines(store.getState().engines, width).map(l => l.text);
const NO_TIME_LIMIT = 10 * 60_000;

describe('cache folder walk', () => {
	it('a folder over the entry limit is shown as cut short, with its size as a lower bound', async () => {
		const root = tree('big', 3, 40); // 3 folders + 120 files = 123 entries
		const {store, disk} = await measure([root], {timeMs: NO_TIME_LIMIT, maxEntries: 50, yieldEvery: 16});
		expect(disk[0]).toMatchObject({path: root, partial: true, error: null});
		expect(disk[0]!.files).toBeGreaterThan(0);
		// The limit holds between yields too: at most 50 entries were looked at.
		expect(disk[0]!.files).toBeLessThanOrEqual(50);
		const line = shown(store).find(l => l.includes(root));
		expect(line).toBe(`  ${root}: ≥${formatBytes(disk[0]!.bytes)} in ${disk[0]!.files} files (walk cut short)`);
		expect(cacheStatus(store.getState()).lines).toContainEqual(expect.stringMatching(new RegExp(`^${root}: >=\\S+ KiB \\(\\d+ files, walk cut short\\)`)));
		// On a phone the ≥ stays even when the words go.
		expect(shown(store, 30).find(l => l.includes('big'))).toMatch(/^ {2}…\S*big: ≥\S+ KiB$/);
	});

	it('a tree with exactly as many entries as the limit is complete', async () => {
		const root = tree('exact', 3, 5); // 18 entries
		const {store, disk} = await measure([root], {timeMs: NO_TIME_LIMIT, maxEntries: 18, yieldEvery: 6});
		expect(disk[0]).toMatchObject({partial: false, files: 15, bytes: 1500, error: null});
		expect(shown(store)).toContain(`  ${root}: 1.5 KiB in 15 files`);
	});

	it('names an unreadable subfolder, counts the rest, and marks the size as a lower bound', async () => {
		const root = tree('mixed', 1, 2);
		writeFiles(path.join(root, 'private'), [100, 100, 100]);
		chmodSync(root, 0o755);
		chmodSync(path.join(root, 'd0'), 0o755);
		chmodSync(path.join(root, 'private'), 0o000);
		const {store, disk} = await measure([root], {timeMs: NO_TIME_LIMIT, maxEntries: 1000, yieldEvery: 4}, true);
		expect(disk[0]).toMatchObject({bytes: 200, files: 2, partial: false, unreadable: ['private (EACCES)'], error: null});
		const lines = shown(store);
		expect(lines).toContain(`  ${root}: ≥200 B in 2 files`);
		expect(lines).toContain('    not counted, cannot read: private (EACCES)');
		expect(cacheStatus(store.getState()).lines.join('\n')).toContain('not counted, cannot read: private (EACCES)');
	});

	it('an unreadable cache folder says so, not "0 B in 0 files"', async () => {
		const root = path.join(tmp, 'locked');
		mkdirSync(root);
		writeFiles(root, [100]);
		chmodSync(root, 0o000);
		const {store, disk} = await measure([root], {timeMs: NO_TIME_LIMIT, maxEntries: 1000, yieldEvery: 4}, true);
		expect(disk[0]).toMatchObject({bytes: null, error: 'cannot read (EACCES)'});
		expect(shown(store)).toContain(`  ${root}: cannot read (EACCES)`);
	});
});
