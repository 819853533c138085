// The Doctor in the cockpit: collects the facts and runs the checks when the Doctor panel is first
// shown, on a slow timer while it stays on screen ([doctor] interval_ms, default 5 minutes), and
// when the user asks (r). Never on every refresh: a run reads files, Docker and every engine.

import {HOST_CHECKS, runChecks} from '../../domain/doctor/registry.js';
import {update} from '../../store/index.js';
import {applyResults, runFailed, startRun} from '../../store/slices/doctor.js';
import type {Source, SourceContext} from '../types.js';
import {collectFacts} from './collect.js';
import type {DoctorIo} from './io.js';
import {openLocalIo} from './local-io.js';

export function sessionsRejected(ctx: SourceContext): {count: number; example: string} | null {
	const rows = ctx.store.getState().sessions.sessions.filter(r => (r.findings ?? 0) > 0);
	return rows.length > 0 ? {count: rows.length, example: rows[0]!.title ?? rows[0]!.id} : null;
}

/** The first host's Doctor runs every check; `laterHost` runs HOST_CHECKS on a further host, ids prefixed with its name. */
export function createDoctorSource(ctx: SourceContext, meminfoPath = ctx.env['STACKDECK_MEMINFO'] ?? ctx.config.memory.meminfo_path, laterHost = false): Source {
	let io: DoctorIo | null = null;
	let lastRun = 0;
	let lastRequest = 0;
	return {
		id: 'doctor',
		panels: ['doctor'],
		async poll() {
			const {requested} = ctx.store.getState().doctor;
			const due = lastRun === 0 || Date.now() - lastRun >= ctx.config.doctor.interval_ms || requested !== lastRequest;
			if (!due) return;
			lastRequest = requested;
			lastRun = Date.now();
			io ??= hostIo(openLocalIo(ctx.host, ctx.config, ctx.env), ctx);
			update(ctx.store, 'doctor', startRun);
			try {
				const facts = await collectFacts(io, ctx.config, {sessionsRejected: laterHost ? null : sessionsRejected(ctx), meminfoPath, hostOnly: laterHost});
				const hostId = ctx.host.id;
				if (laterHost) {
					// Findings name their host; the automatic fixes act on the first host's files only.
					const results = runChecks(facts, HOST_CHECKS).map(r => ({...r, id: `${hostId}/${r.id}`, autofix: null, hostId}));
					update(ctx.store, 'doctor', s => applyResults(s, results, Date.now(), s.targets, hostId));
				} else {
					const results = runChecks(facts).map(r => ({...r, hostId}));
					update(ctx.store, 'doctor', s => applyResults(s, results, Date.now(), {configToml: facts.openhandsConfig?.path ?? null, openhandsContainer: facts.openhandsContainer}, hostId));
				}
			} catch (error) {
				update(ctx.store, 'doctor', s => runFailed(s, `the checks could not run: ${(error as Error).message}`));
			}
		},
		stop() {
			io = null;
		},
	};
}

/** A host reached over ssh: its files (OpenHands' config.toml, its meminfo) are read there, not here. */
function hostIo(io: DoctorIo, ctx: SourceContext): DoctorIo {
	if (ctx.host.kind !== 'ssh') return io;
	return {...io, readText: (path, limit) => ctx.host.files.readFile(path, limit === undefined ? undefined : {maxBytes: limit})};
}
