// While a pane has the keyboard, read the raw bytes from stdin ourselves (Ink's useInput loses
// distinctions: Alt-Enter, Ctrl-arrows, paste markers) and forward them to the child, except the
// release chord and Ctrl-Z. The outer terminal's bracketed paste is switched on meanwhile.

import {useEffect} from 'react';
import {useStdin} from 'ink';
import {update, type AppStore} from '../../store/index.js';
import {showNotice} from '../../store/slices/ui.js';
import {ctrlByte, initialInput, splitInput, type InputState} from '../../terminal-pane/input.js';
import type {PaneSession} from '../../terminal-pane/session.js';

export const RELEASE_COMMAND = 'aider.release';
export const DEFAULT_RELEASE = 'ctrl+q';

export function usePaneInput(store: AppStore, pane: PaneSession | undefined, captured: boolean, releaseKey: string, out: NodeJS.WriteStream = process.stdout): void {
	const {stdin, setRawMode, isRawModeSupported} = useStdin();
	// Keep raw mode held while the panel is shown, so Ink never drops it between handovers.
	useEffect(() => {
		if (!isRawModeSupported) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [isRawModeSupported, setRawMode]);

	useEffect(() => {
		if (!captured || !pane) return;
		const release = ctrlByte(releaseKey) ?? ctrlByte(DEFAULT_RELEASE)!;
		let state: InputState = initialInput;
		const give = () => update(store, 'ui', ui => ({...ui, capture: false}));
		const onData = (chunk: string | Buffer) => {
			const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
			const result = splitInput(state, text, release);
			state = result.state;
			for (const action of result.actions) {
				if (action.kind === 'send') pane.write(action.data);
				else if (action.kind === 'paste') pane.paste(action.text);
				else if (action.kind === 'release') give();
				else update(store, 'ui', ui => showNotice(ui, 'Ctrl-Z is not passed to the pane (a stopped program looks hung)', 'info'));
			}
		};
		stdin.on('data', onData);
		const safeWrite = (data: string) => {
			try {
				if (out.isTTY) out.write(data);
			} catch {
				// The terminal went away.
			}
		};
		safeWrite('\u001B[?2004h');
		const off = pane.onChange(() => {
			if (pane.exit) give();
		});
		return () => {
			stdin.off('data', onData);
			off();
			safeWrite('\u001B[?2004l');
		};
	}, [store, pane, captured, releaseKey, stdin, out]);
}
