// Full-screen terminal handling: enter the alternate screen, and restore the terminal on every
// exit path (q, Ctrl-C, SIGTERM, SIGHUP from a dropped SSH link, an uncaught error).

export const ENTER_ALT_SCREEN = '\u001B[?1049h';
export const EXIT_ALT_SCREEN = '\u001B[?1049l';
export const SHOW_CURSOR = '\u001B[?25h';
export const HIDE_CURSOR = '\u001B[?25l';
export const CLEAR_SCREEN = '\u001B[2J';

export interface TerminalSession {
	/** Restore the terminal once; later calls do nothing. */
	restore(): void;
	readonly restored: boolean;
}

export function enterFullScreen(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): TerminalSession {
	safeWrite(stdout, ENTER_ALT_SCREEN + HIDE_CURSOR + '\u001B[H');
	let restored = false;
	return {
		get restored() {
			return restored;
		},
		restore() {
			if (restored) return;
			restored = true;
			try {
				if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
			} catch {
				// The tty may be gone already (SIGHUP): nothing to restore on it.
			}
			safeWrite(stdout, EXIT_ALT_SCREEN + SHOW_CURSOR);
		},
	};
}

function safeWrite(stdout: NodeJS.WriteStream, data: string): void {
	try {
		// Synchronous on a tty fd, so it lands before process.exit.
		stdout.write(data);
	} catch {
		// EIO after the link dropped.
	}
}

export type ExitReason = {kind: 'quit'; code: number} | {kind: 'signal'; signal: NodeJS.Signals} | {kind: 'error'; error: unknown};

/**
 * Call `onExit` once for the first of: a signal, an uncaught error or rejection. Returns a
 * function that removes the handlers.
 */
export function onExitPaths(onExit: (reason: ExitReason) => void): () => void {
	let fired = false;
	const fire = (reason: ExitReason) => {
		if (fired) return;
		fired = true;
		onExit(reason);
	};
	const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];
	const handlers = signals.map(signal => {
		const handler = () => fire({kind: 'signal', signal});
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	const onError = (error: unknown) => fire({kind: 'error', error});
	process.on('uncaughtException', onError);
	process.on('unhandledRejection', onError);
	return () => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
		process.off('uncaughtException', onError);
		process.off('unhandledRejection', onError);
	};
}

export function exitCodeFor(reason: ExitReason): number {
	if (reason.kind === 'quit') return reason.code;
	if (reason.kind === 'error') return 1;
	const numbers: Record<string, number> = {SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15};
	return 128 + (numbers[reason.signal] ?? 0);
}
