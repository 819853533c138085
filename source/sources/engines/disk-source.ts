// Cache panel's disk source: sizes of one host's cache and log folders (and SGLang's HiCache file
// folder when set) and the free space of their filesystems, refreshed every 30 s. This machine's
// are walked here (disk-walker.ts); another host's with its own find, awk and df over its SSH
// connection (remote-walk.ts), each folder with a time budget there and a deadline here. A size
// that is a lower bound says so: `partial` when a budget stopped the walk, `unreadable` naming the
// subfolders that could not be read (their contents are not in the total).

import {update} from '../../store/index.js';
import {applyDisk, type DiskDir} from '../../store/slices/engines.js';
import {LOCAL_HOST_ID, type HostId} from '../../hosts/host.js';
import type {Source, SourceContext} from '../types.js';
import {DEFAULT_BUDGET, fsSpace, walkSize, type WalkBudget, type WalkResult} from './disk-walker.js';
import {REMOTE_BUDGET, unreachableReason, walkRemote, type RemoteBudget} from './remote-walk.js';

const EVERY_MS = 30_000;

export interface DiskFolder {
	path: string;
	isHicache: boolean;
}

export function diskFolders(ctx: SourceContext): DiskFolder[] {
	const list = ctx.config.cache.dirs.map(p => ({path: p, isHicache: false}));
	// This process's environment names this machine's HiCache folder, not another host's.
	const hicache = ctx.config.cache.hicache_dir ?? (ctx.host.id === LOCAL_HOST_ID ? ctx.env['SGLANG_HICACHE_FILE_BACKEND_STORAGE_DIR'] : undefined);
	if (hicache && !list.some(d => d.path === hicache)) list.push({path: hicache, isHicache: true});
	return list;
}

type Space = {free: number; total: number; id: string} | null;

/** The store's record of one walk. */
export function diskDir(hostId: HostId, dir: DiskFolder, walk: Omit<WalkResult, 'stoppedBy'>, space: Space): DiskDir {
	return {
		hostId,
		path: dir.path,
		bytes: walk.error ? null : walk.bytes,
		files: walk.files,
		partial: walk.partial,
		unreadable: walk.unreadable,
		error: walk.error,
		fsFree: space?.free ?? null,
		fsTotal: space?.total ?? null,
		// Device numbers repeat across machines: the host's name keeps them apart.
		fsId: space ? `${hostId}:${space.id}` : null,
		isHicache: dir.isHicache,
		hostDown: false,
	};
}

/** A folder whose host did not answer: no figures, and why. */
export function downDir(hostId: HostId, dir: DiskFolder, reason: string): DiskDir {
	return {...diskDir(hostId, dir, {bytes: 0, files: 0, partial: false, unreadable: [], error: `host unreachable (${reason})`}, null), hostDown: true};
}

/** `budget` bounds each folder's walk here, `remote` there (tests lower them). */
export function createDiskSource(ctx: SourceContext, budget: WalkBudget = DEFAULT_BUDGET, remote: RemoteBudget = REMOTE_BUDGET): Source {
	const {host} = ctx;
	let lastAt = -Infinity;
	const measure = async (): Promise<DiskDir[]> => {
		const dirs: DiskDir[] = [];
		const folders = diskFolders(ctx);
		// One folder at a time: the walks share the cores with everything else.
		for (const [i, dir] of folders.entries()) {
			if (host.kind === 'local') {
				dirs.push(diskDir(host.id, dir, await walkSize(dir.path, budget), await fsSpace(dir.path)));
				continue;
			}
			try {
				const r = await walkRemote(host, dir.path, remote);
				dirs.push(diskDir(host.id, dir, r, r.fs && {free: r.fs.free, total: r.fs.total, id: r.fs.dev}));
			} catch (error) {
				// No answer: the host's other folders would wait as long, so they are said down too.
				const reason = unreachableReason(error, remote);
				return [...dirs, ...folders.slice(i).map(d => downDir(host.id, d, reason))];
			}
		}
		return dirs;
	};
	return {
		id: 'engines.disk',
		panels: ['cache'],
		async poll() {
			const now = Date.now();
			if (now - lastAt < EVERY_MS) return;
			lastAt = now;
			const dirs = await measure();
			const warnBytes = ctx.config.cache.warn_gb * 1024 ** 3;
			const order = ctx.store.getState().host.list.map(h => h.id);
			update(ctx.store, 'engines', s => applyDisk(s, host.id, dirs, Date.now(), warnBytes, order));
		},
	};
}
