// The Doctor in the cockpit: collects the facts and runs the checks when the Doctor panel is first
// shown, on a slow timer while it stays on screen ([doctor] interval_ms, default 5 minutes), and
// when the user asks (r). Never on every refresh: a run reads files, Docker and every engine.

import {runChecks} from '../../domain/doctor/registry.js';
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

export function createDoctorSource(ctx: SourceContext, meminfoPath = ctx.env['STACKDECK_MEMINFO'] ?? ctx.config.memory.meminfo_path): Source {
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
			io ??= openLocalIo(ctx.host, ctx.config, ctx.env);
			update(ctx.store, 'doctor', startRun);
			try {
				const facts = await collectFacts(io, ctx.config, {sessionsRejected: sessionsRejected(ctx), meminfoPath});
				update(ctx.store, 'doctor', s => applyResults(s, runChecks(facts), Date.now(), {configToml: facts.openhandsConfig?.path ?? null, openhandsContainer: facts.openhandsContainer}));
			} catch (error) {
				update(ctx.store, 'doctor', s => runFailed(s, `the checks could not run: ${(error as Error).message}`));
			}
		},
		stop() {
			io = null;
		},
	};
}
