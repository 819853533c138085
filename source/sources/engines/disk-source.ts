// Cache panel's disk source: sizes of the configured cache and log folders (and SGLang's HiCache
// file folder when set) and the free space of their filesystems, refreshed every 30 s. A size that
// is a lower bound says so: `partial` when a walk budget stopped it, `unreadable` naming the
// subfolders that could not be read (their contents are not in the total).

import {update} from '../../store/index.js';
import type {DiskDir} from '../../store/slices/engines.js';
import type {Source, SourceContext} from '../types.js';
import {DEFAULT_BUDGET, fsSpace, walkSize, type WalkBudget, type WalkResult} from './disk-walker.js';

const EVERY_MS = 30_000;

export function diskFolders(ctx: SourceContext): Array<{path: string; isHicache: boolean}> {
	const list = ctx.config.cache.dirs.map(p => ({path: p, isHicache: false}));
	const hicache = ctx.config.cache.hicache_dir ?? ctx.env['SGLANG_HICACHE_FILE_BACKEND_STORAGE_DIR'];
	if (hicache && !list.some(d => d.path === hicache)) list.push({path: hicache, isHicache: true});
	return list;
}

/** The store's record of one walk. */
export function diskDir(dir: {path: string; isHicache: boolean}, walk: WalkResult, space: {free: number; total: number; id: string} | null): DiskDir {
	return {
		path: dir.path,
		bytes: walk.error ? null : walk.bytes,
		files: walk.files,
		partial: walk.partial,
		unreadable: walk.unreadable,
		error: walk.error,
		fsFree: space?.free ?? null,
		fsTotal: space?.total ?? null,
		fsId: space?.id ?? null,
		isHicache: dir.isHicache,
	};
}

/** `budget` bounds each folder's walk (tests lower it). */
export function createDiskSource(ctx: SourceContext, budget: WalkBudget = DEFAULT_BUDGET): Source {
	let lastAt = -Infinity;
	return {
		id: 'engines.disk',
		panels: ['cache'],
		async poll() {
			const now = Date.now();
			if (now - lastAt < EVERY_MS) return;
			lastAt = now;
			const dirs: DiskDir[] = [];
			// One folder at a time: the walks share the 2 cores with everything else.
			for (const dir of diskFolders(ctx)) {
				const walk = await walkSize(dir.path, budget);
				dirs.push(diskDir(dir, walk, await fsSpace(dir.path)));
			}
			const warnBytes = ctx.config.cache.warn_gb * 1024 ** 3;
			update(ctx.store, 'engines', s => ({...s, disk: dirs, diskAt: Date.now(), warnBytes}));
		},
	};
}
