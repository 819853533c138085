// `b` on an engine row: runs one probe benchmark in the background and puts the result on the row
// and in a notice. The runtime makes one runner per cockpit and hands it to the panels as a service.

import {formatDuration, formatRate} from '../../domain/format.js';
import {update, type AppStore} from '../../store/index.js';
import {patchRow, type EngineRow} from '../../store/slices/engines.js';
import {showNotice} from '../../store/slices/ui.js';
import {benchLoadOf, benchLoadText} from '../../domain/engines/bench-load.js';
import {benchOnce} from './bench-client.js';

export interface BenchRunner {
	/** Starts one probe on the row's engine unless one runs already; the result lands on the row. */
	start(row: EngineRow): void;
}

export function createBenchRunner(store: AppStore): BenchRunner {
	return {
		start(row) {
			if (!row.kind || !row.model) {
				update(store, 'ui', ui => showNotice(ui, `bench ${row.name}: engine not identified yet (${row.downReason ?? 'waiting for it to answer'})`, 'warn'));
				return;
			}
			if (row.benchRunning) return;
			// The load it shares the engine with, as the last scrape saw it when the probe starts.
			const current = store.getState().engines.rows.find(r => r.id === row.id) ?? row;
			const load = benchLoadOf(current.figures);
			update(store, 'engines', s => patchRow(s, row.id, r => ({...r, benchRunning: true})));
			update(store, 'ui', ui => showNotice(ui, `bench ${row.name}: streaming one request…`, 'info'));
			void benchOnce({url: row.url, kind: row.kind, model: row.model}).then(run => {
				const at = Date.now();
				update(store, 'engines', s => patchRow(s, row.id, r => ({...r, benchRunning: false, bench: {at, ttftMs: run.ttftMs, decodeTps: run.decodeTps, estimated: run.estimated, error: run.error, load}})));
				const under = benchLoadText(load);
				const text = run.error
					? `bench ${row.name}: ${run.error}`
					: `bench ${row.name}: TTFT ${formatDuration(run.ttftMs)}, ${formatRate(run.decodeTps)} tok/s${run.estimated ? ' (estimate: no usage)' : ''}${under ? `, ${under}` : ''}`;
				update(store, 'ui', ui => showNotice(ui, text, run.error ? 'error' : 'ok'));
			});
		},
	};
}
