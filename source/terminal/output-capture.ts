// While the cockpit owns the terminal, nothing but the frame writer may write to it: process
// warnings (Node prints them to stderr by default), console output from us or a library, and
// anything written to stderr would land on the alternate screen between frames and garble it.
// This catches them and hands each, made printable, to the runtime (notice log, log file).

import {format, inspect} from 'node:util';

export type CapturedKind = 'warning' | 'console' | 'stderr';

export interface CapturedMessage {
	kind: CapturedKind;
	/** Printable text: escape sequences and control characters removed, lines joined by "\n". */
	text: string;
	at: number;
}

export interface OutputCapture {
	/** Messages captured so far (diagnostics). */
	readonly count: number;
	/** Put every console method, stderr's write and the warning printers back. Idempotent. */
	stop(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed'] as const;
// CSI / OSC / other ESC sequences, then every C0/C1 control but newline and tab.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** A message longer than this is cut (one runaway dump must not fill the notice log). */
export const MAX_MESSAGE_CHARS = 4000;

export function printable(text: string): string {
	const clean = text.replace(ESCAPES, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(/\t/g, '  ').trimEnd();
	return clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS)}…` : clean;
}

export function captureOutput(onMessage: (message: CapturedMessage) => void, proc: NodeJS.Process = process): OutputCapture {
	let count = 0;
	let stopped = false;
	let delivering = false;
	const emit = (kind: CapturedKind, raw: string) => {
		const text = printable(raw);
		if (!text) return;
		count++;
		// A receiver that itself logs must not loop back here.
		if (delivering) return;
		delivering = true;
		try {
			onMessage({kind, text, at: Date.now()});
		} catch {
			// The receiver failing must not bring the writer down with it.
		} finally {
			delivering = false;
		}
	};

	// Node's own warning printer is a 'warning' listener; take it off while we run.
	const printers = proc.listeners('warning') as Array<(warning: Error) => void>;
	for (const printer of printers) proc.off('warning', printer);
	const onWarning = (warning: Error) => emit('warning', `${warning.name}: ${warning.message}`);
	proc.on('warning', onWarning);

	const saved = new Map<string, unknown>();
	const target = console as unknown as Record<string, unknown>;
	for (const method of CONSOLE_METHODS) {
		saved.set(method, target[method]);
		target[method] = method === 'dir' ? (value: unknown) => emit('console', inspect(value)) : (...args: unknown[]) => emit('console', format(...args));
	}

	const stderr = proc.stderr;
	const stderrWrite = Object.prototype.hasOwnProperty.call(stderr, 'write') ? stderr.write : undefined;
	stderr.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
		emit('stderr', text);
		const done = typeof encoding === 'function' ? encoding : callback;
		if (done) queueMicrotask(() => done(null));
		return true;
	}) as typeof stderr.write;

	return {
		get count() {
			return count;
		},
		stop() {
			if (stopped) return;
			stopped = true;
			proc.off('warning', onWarning);
			for (const printer of printers) proc.on('warning', printer);
			for (const [method, fn] of saved) target[method] = fn;
			if (stderrWrite) stderr.write = stderrWrite;
			else delete (stderr as unknown as {write?: unknown}).write;
		},
	};
}
