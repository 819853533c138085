// The engine's "GPU": requests wait for a slot, prefill (time to first token grows with the part of
// the prompt the prefix cache does not hold), then share one decode clock that emits tokens at
// decodeTps in total, round robin. Faults (stall, mid-stream error) act at token time.

import {PrefixCache} from './prefix-cache.js';
import {recordFinish, recordPrefill, recordToken, type EngineStats, type FinishReason} from './engine-stats.js';
import {completionToken} from './tokens.js';
import type {SimFault} from './types.js';

export interface GenCallbacks {
	/** One token of output (index 0 is the first token). */
	token(text: string, index: number): void;
	/** The request ended; `error` is set for a mid-stream error. */
	finish(reason: FinishReason, error?: string): void;
}

export interface GenRequest {
	promptTokens: readonly string[];
	maxTokens: number;
	/** Tokens the request will produce unless max_tokens cuts it short. */
	naturalTokens: number;
	seed: number;
	callbacks: GenCallbacks;
}

export interface GenState {
	request: GenRequest;
	target: number;
	emitted: number;
	cachedTokens: number;
	arrivedAt: number;
	prefillStartAt: number;
	firstTokenAt: number;
	lastTokenAt: number;
	phase: 'waiting' | 'prefill' | 'decode' | 'stalled' | 'done';
	timer?: NodeJS.Timeout;
}

export interface SchedulerOptions {
	decodeTps: number;
	ttftMs: number;
	cacheMissTtftMs: number;
	maxRunning: number;
	cache: PrefixCache;
	stats: () => EngineStats;
	fault: () => SimFault;
}

/** Tokens emitted before a stall or mid-stream error fault takes effect. */
export const FAULT_AFTER_TOKENS = 3;
/** Limit: token timestamps kept for rate figures (the newest 4,096). */
const TOKEN_LOG_SIZE = 4096;

export class Scheduler {
	private readonly waiting: GenState[] = [];
	private readonly decoding: GenState[] = [];
	private readonly active = new Set<GenState>();
	private clockStart = 0;
	private clockEmitted = 0;
	private clockTimer: NodeJS.Timeout | undefined;
	private rr = 0;
	/** performance.now() of recent tokens: the server's own clock, for rate checks. */
	readonly tokenLog: number[] = [];

	constructor(private readonly options: SchedulerOptions) {}

	submit(request: GenRequest): GenState {
		const now = performance.now();
		const target = Math.max(1, Math.min(request.maxTokens, request.naturalTokens));
		const state: GenState = {request, target, emitted: 0, cachedTokens: 0, arrivedAt: now, prefillStartAt: 0, firstTokenAt: 0, lastTokenAt: 0, phase: 'waiting'};
		this.active.add(state);
		this.waiting.push(state);
		this.options.stats().waiting += 1;
		this.admit();
		return state;
	}

	/** The client went away: free the slot and count the request as aborted. */
	cancel(state: GenState): void {
		if (state.phase === 'done') return;
		this.end(state, 'abort');
	}

	/** Stop everything (server shutdown): every open request ends as aborted. */
	cancelAll(): void {
		for (const state of [...this.active]) this.end(state, 'abort');
		if (this.clockTimer) clearTimeout(this.clockTimer);
		this.clockTimer = undefined;
	}

	/** The stall fault was cleared: stalled requests carry on decoding. */
	resumeStalled(): void {
		for (const state of this.active) {
			if (state.phase !== 'stalled') continue;
			state.phase = 'decode';
			this.decoding.push(state);
		}
		if (this.decoding.length > 0) this.startClock();
	}

	runningCount(): number {
		return this.active.size - this.waiting.length;
	}

	waitingCount(): number {
		return this.waiting.length;
	}

	private admit(): void {
		const stats = this.options.stats();
		while (this.waiting.length > 0 && this.runningCount() < this.options.maxRunning) {
			const state = this.waiting.shift()!;
			stats.waiting -= 1;
			stats.running += 1;
			this.prefill(state);
		}
	}

	private prefill(state: GenState): void {
		const {promptTokens, cachedTokens} = this.options.cache.lookupAndInsert(state.request.promptTokens);
		state.cachedTokens = cachedTokens;
		state.phase = 'prefill';
		state.prefillStartAt = performance.now();
		const uncachedShare = promptTokens > 0 ? (promptTokens - cachedTokens) / promptTokens : 1;
		const ttft = this.options.ttftMs + (this.options.cacheMissTtftMs - this.options.ttftMs) * uncachedShare;
		state.timer = setTimeout(() => {
			state.timer = undefined;
			if (state.phase !== 'prefill') return;
			const now = performance.now();
			recordPrefill(this.options.stats(), promptTokens, cachedTokens, (state.prefillStartAt - state.arrivedAt) / 1000, (now - state.prefillStartAt) / 1000);
			state.firstTokenAt = now;
			if (!this.emit(state, now)) return;
			if (state.phase !== 'prefill') return;
			state.phase = 'decode';
			this.decoding.push(state);
			this.startClock();
		}, Math.max(0, ttft));
	}

	/** Emit the next token of `state`; false when the request is over (or stalled). */
	private emit(state: GenState, now: number): boolean {
		const fault = this.options.fault();
		if (state.emitted >= FAULT_AFTER_TOKENS && fault === 'stall') {
			this.removeDecoding(state);
			state.phase = 'stalled';
			return false;
		}
		if (state.emitted >= FAULT_AFTER_TOKENS && fault === 'midstream-error') {
			this.end(state, 'error', 'simulated engine fault: generation failed mid-stream (clear the fault with setFault(null))');
			return false;
		}
		const index = state.emitted;
		recordToken(this.options.stats(), index === 0 ? null : (now - state.lastTokenAt) / 1000);
		state.emitted += 1;
		state.lastTokenAt = now;
		this.tokenLog.push(now);
		if (this.tokenLog.length > TOKEN_LOG_SIZE) this.tokenLog.splice(0, this.tokenLog.length - TOKEN_LOG_SIZE);
		state.request.callbacks.token(completionToken(state.request.seed, index), index);
		if (state.phase === 'done') return false;
		if (state.emitted >= state.target) {
			this.end(state, state.target >= state.request.maxTokens ? 'length' : 'stop');
			return false;
		}
		return true;
	}

	private startClock(): void {
		if (this.clockTimer) return;
		this.clockStart = performance.now();
		this.clockEmitted = 0;
		this.scheduleClock();
	}

	private scheduleClock(): void {
		const due = this.clockStart + ((this.clockEmitted + 1) * 1000) / this.options.decodeTps;
		this.clockTimer = setTimeout(() => this.onClock(), Math.max(0, due - performance.now()));
	}

	private onClock(): void {
		this.clockTimer = undefined;
		const now = performance.now();
		let due = Math.floor(((now - this.clockStart) * this.options.decodeTps) / 1000);
		// After a long pause (a suspended laptop) restart the clock instead of bursting.
		if (due - this.clockEmitted > this.options.decodeTps) {
			this.clockStart = now - 1000 / this.options.decodeTps;
			this.clockEmitted = 0;
			due = 1;
		}
		while (this.clockEmitted < due && this.decoding.length > 0) {
			this.rr = this.rr % this.decoding.length;
			const state = this.decoding[this.rr]!;
			this.clockEmitted += 1;
			if (this.emit(state, now)) this.rr += 1;
		}
		if (this.decoding.length > 0) this.scheduleClock();
	}

	private removeDecoding(state: GenState): void {
		const index = this.decoding.indexOf(state);
		if (index !== -1) {
			this.decoding.splice(index, 1);
			if (index < this.rr) this.rr -= 1;
		}
	}

	private end(state: GenState, reason: FinishReason, error?: string): void {
		const stats = this.options.stats();
		const wasWaiting = state.phase === 'waiting';
		if (state.timer) clearTimeout(state.timer);
		this.removeDecoding(state);
		const waitingIndex = this.waiting.indexOf(state);
		if (waitingIndex !== -1) this.waiting.splice(waitingIndex, 1);
		const prefilled = state.firstTokenAt > 0;
		state.phase = 'done';
		this.active.delete(state);
		if (wasWaiting) stats.waiting -= 1;
		else stats.running -= 1;
		const now = performance.now();
		recordFinish(
			stats,
			{
				promptTokens: state.request.promptTokens.length,
				cachedTokens: state.cachedTokens,
				completionTokens: state.emitted,
				e2eSeconds: (now - state.arrivedAt) / 1000,
				decodeSeconds: prefilled ? (state.lastTokenAt - state.firstTokenAt) / 1000 : 0,
				prefilled,
			},
			reason,
		);
		state.request.callbacks.finish(reason, error);
		this.admit();
	}
}
