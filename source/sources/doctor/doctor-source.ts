// The Doctor in the cockpit: collects the facts and runs the checks when the Doctor panel is first
// shown, on a slow timer while it stays on screen ([doctor] interval_ms, default 5 minutes), and
// when the user asks (r). Never on every refresh: a run reads files, Docker and every engine.

import {update} from '../../store/index.js';
import {applyResults, runFailed, startRun} from '../../store/slices/doctor.js';
import type {Source, SourceContext} from '../types.js';
import {doctorIo, runHostDoctor} from './host-doctor.js';
import type {DoctorIo} from './io.js';

export function sessionsRejected(ctx: SourceContext): {count: number; example: string} | null {
	const rows = ctx.store.getState().sessions.sessions.filter(r => (r.findings ?? 0) > 0);
	return rows.length > 0 ? {count: rows.length, example: rows[0]!.title ?? rows[0]!.id} : null;
}

/** The first host's Doctor runs every check; `laterHost` runs HOST_CHECKS on a further host, ids prefixed with its name. */
export function createDoctorSource(ctx: SourceContext, meminfoPath = ctx.env['STACKDECK_MEMINFO'] ?? ctx.config.memory.meminfo_path, laterHost = false): Source {
	let io: DoctorIo | null = null;
	let lastRun = 0;
	let lastRequest = 0;
	// ctx.config is already the host's own ([[hosts]] entry applied); the entry names its files.
	const entry = ctx.config.hosts.find(h => h.name === ctx.host.id);
	return {
		id: 'doctor',
		panels: ['doctor'],
		async poll() {
			const {requested} = ctx.store.getState().doctor;
			const due = lastRun === 0 || Date.now() - lastRun >= ctx.config.doctor.interval_ms || requested !== lastRequest;
			if (!due) return;
			lastRequest = requested;
			lastRun = Date.now();
			io ??= doctorIo(ctx.host, ctx.config, ctx.env);
			update(ctx.store, 'doctor', startRun);
			try {
				const hostId = ctx.host.id;
				const {facts, results} = await runHostDoctor(ctx.host, io, ctx.config, entry, {first: !laterHost, meminfoPath, sessionsRejected: laterHost ? null : sessionsRejected(ctx)});
				// The automatic fixes act on the first host's files, when they are on this machine.
				const targets = laterHost ? undefined : {configToml: facts?.openhandsConfig?.path ?? null, openhandsContainer: facts?.openhandsContainer ?? null};
				update(ctx.store, 'doctor', s => applyResults(s, results, Date.now(), targets ?? s.targets, hostId));
			} catch (error) {
				update(ctx.store, 'doctor', s => runFailed(s, `the checks could not run: ${(error as Error).message}`));
			}
		},
		stop() {
			io = null;
		},
	};
}
