// Runs one swap end to end: takes the host's swap lock, runs the job, appends the journal line and
// releases the lock whatever happened. The cockpit and `stackdeck swap` both come through here.

import type {JobRecord} from '../../domain/jobs/record.js';
import type {SwapJournalEntry, SwapOutcome} from '../../domain/swap/journal.js';
import type {SwapPlan} from '../../domain/swap/plan.js';
import {startJob} from '../../jobs/runner.js';
import type {SwapEnv} from '../../sources/swap/env.js';
import {appendJournal, readLoadTimes} from './journal-file.js';
import {buildSwapJob} from './job.js';
import {acquireSwapLock} from './lock.js';
import type {SwapControls} from './stages.js';

export interface SwapResult {
	outcome: SwapOutcome;
	record: JobRecord | null;
	message: string;
	loadMs: number | null;
	journal: string | null;
}

export interface RunSwapOptions {
	plan: SwapPlan;
	env: SwapEnv;
	controls: SwapControls;
	signal?: AbortSignal;
	readOnly?: boolean;
	onChange?: (record: JobRecord) => void;
	hostId?: string;
}

function outcomeOf(record: JobRecord): SwapOutcome {
	if (record.state === 'done') return 'swapped';
	if (record.state === 'cancelled') return 'cancelled';
	if (record.state === 'refused') return 'refused';
	return 'failed';
}

function entryFor(plan: SwapPlan, outcome: SwapOutcome, message: string, record: JobRecord | null, loadMs: number | null, at: number): SwapJournalEntry {
	return {
		at: new Date(at).toISOString(),
		from: plan.stop.map(p => p.name),
		to: plan.target.name,
		outcome,
		message,
		loadMs,
		stages: (record?.steps ?? []).map(s => ({title: s.title, state: s.state, ms: s.startedAt !== null && s.endedAt !== null ? s.endedAt - s.startedAt : null, detail: s.detail})),
	};
}

export async function runSwap(options: RunSwapOptions): Promise<SwapResult> {
	const {plan, env} = options;
	const journal = (outcome: SwapOutcome, message: string, record: JobRecord | null, loadMs: number | null) => {
		try {
			return appendJournal(env.stateDir, entryFor(plan, outcome, message, record, loadMs, env.now()));
		} catch {
			return null;
		}
	};
	if (plan.refusal) {
		const message = `swap to ${plan.target.name} refused: ${plan.refusal}`;
		return {outcome: 'refused', record: null, message, loadMs: null, journal: journal('refused', message, null, null)};
	}
	const lock = acquireSwapLock(env.stateDir, `swap to ${plan.target.name}`);
	if ('heldBy' in lock) {
		const message = `swap to ${plan.target.name} refused: another swap is running: ${lock.heldBy}`;
		return {outcome: 'refused', record: null, message, loadMs: null, journal: null};
	}
	try {
		const {job, measures} = buildSwapJob(plan, env, options.controls, readLoadTimes(env.stateDir), options.hostId);
		const handle = startJob(job, {signal: options.signal, readOnly: options.readOnly, onChange: options.onChange, now: env.now});
		const record = await handle.done;
		const outcome = outcomeOf(record);
		const message = record.message ?? outcome;
		const loadMs = outcome === 'swapped' ? measures.loadMs : null;
		return {outcome, record, message, loadMs, journal: journal(outcome, message, record, loadMs)};
	} finally {
		lock.release();
	}
}
