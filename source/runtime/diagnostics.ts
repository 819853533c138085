// `STACKDECK_DIAG=FILE`: on SIGUSR2 the process appends one JSON line to FILE with its own figures
// (RSS, V8 heap, active handles by type, listeners on the process and its stdio, plus whatever the
// runtime adds: frames and bytes written, the frame last drawn, captured messages, the demo's
// load-generator listeners). The soak benchmark reads it; anyone can, with `kill -USR2 PID`.

import {appendFileSync} from 'node:fs';
import type {EventEmitter} from 'node:events';

export interface DiagnosticsSample {
	at: number;
	pid: number;
	uptimeS: number;
	/** True when a full collection ran just before (the process runs with --expose-gc). */
	collected: boolean;
	rss: number;
	heapUsed: number;
	heapTotal: number;
	external: number;
	handles: number;
	handleTypes: Record<string, number>;
	listeners: number;
	listenersBy: Record<string, number>;
	[extra: string]: unknown;
}

export function countListeners(emitter: EventEmitter): number {
	return emitter.eventNames().reduce((sum, name) => sum + emitter.listenerCount(name), 0);
}

export function sampleDiagnostics(extra: () => Record<string, unknown> = () => ({})): DiagnosticsSample {
	// Under --expose-gc the figures are taken after a full collection: the live heap, not garbage.
	const gc = (globalThis as {gc?: () => void}).gc;
	if (typeof gc === 'function') gc();
	const memory = process.memoryUsage();
	const handleTypes: Record<string, number> = {};
	const resources = process.getActiveResourcesInfo();
	for (const type of resources) handleTypes[type] = (handleTypes[type] ?? 0) + 1;
	const listenersBy: Record<string, number> = {
		process: countListeners(process),
		stdin: countListeners(process.stdin),
		stdout: countListeners(process.stdout),
		stderr: countListeners(process.stderr),
	};
	const more = extra();
	for (const [key, value] of Object.entries(more)) if (key.startsWith('listeners.') && typeof value === 'number') listenersBy[key.slice(10)] = value;
	return {
		at: Date.now(),
		pid: process.pid,
		uptimeS: Math.round(process.uptime()),
		collected: typeof gc === 'function',
		rss: memory.rss,
		heapUsed: memory.heapUsed,
		heapTotal: memory.heapTotal,
		external: memory.external,
		handles: resources.length,
		handleTypes,
		listeners: Object.values(listenersBy).reduce((a, b) => a + b, 0),
		listenersBy,
		...Object.fromEntries(Object.entries(more).filter(([key]) => !key.startsWith('listeners.'))),
	};
}

/** Writes a sample on each SIGUSR2 when `file` is set; returns the function that stops it. */
export function startDiagnostics(file: string | undefined, extra?: () => Record<string, unknown>): () => void {
	if (!file) return () => {};
	const onSignal = () => {
		try {
			appendFileSync(file, `${JSON.stringify(sampleDiagnostics(extra))}\n`);
		} catch {
			// Diagnostics must never take the process down.
		}
	};
	process.on('SIGUSR2', onSignal);
	return () => process.off('SIGUSR2', onSignal);
}
