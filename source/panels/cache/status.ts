// `stackdeck status` records for the Cache panel.

import type {AppState} from '../../store/index.js';
import type {StatusSection} from '../types.js';
import {formatBytes} from '../../domain/format.js';
import {engineCacheText, unreadableNote} from './lines.js';
import {severalHosts} from '../../store/slices/host.js';
import type {DiskDir} from '../../store/slices/engines.js';

export function cacheStatus(state: AppState): StatusSection {
	const s = state.engines;
	const lines = s.rows.map(r => `${r.name}: ${engineCacheText(r)}`);
	// With several hosts a folder's line starts with its host's name.
	const on = (d: DiskDir) => (severalHosts(state) ? `${d.hostId} ` : '');
	for (const d of s.disk) {
		if (d.bytes === null) {
			lines.push(`${on(d)}${d.path}: ${d.error ?? 'not measured'}`);
			continue;
		}
		const note = unreadableNote(d.unreadable);
		const size = `${d.partial || note ? '>=' : ''}${formatBytes(d.bytes)} (${d.files} ${d.files === 1 ? 'file' : 'files'}${d.partial ? ', walk cut short' : ''})`;
		lines.push(`${on(d)}${d.path}: ${size}${d.bytes >= s.warnBytes ? ' over the limit' : ''}, ${formatBytes(d.fsFree)} free${note ? `; ${note}` : ''}`);
	}
	return {
		title: 'Cache',
		lines: lines.length ? lines : ['no model server or cache folder found'],
		data: {
			engines: s.rows.map(r => ({hostId: r.hostId, name: r.name, kind: r.kind, hitRatio60s: r.figures?.cacheHitRatio ?? null, hitRatioTotal: r.figures?.cacheHitRatioLifetime ?? null, ...(r.figures?.gauges ?? {})})),
			disk: s.disk,
			warnBytes: s.warnBytes,
		},
	};
}
