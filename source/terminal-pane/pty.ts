// node-pty is a native addon, and @lydell/node-pty ships prebuilt binaries only for glibc Linux,
// macOS and Windows on x64/arm64: none for Termux (android) or musl. It is loaded when a pane
// starts, never at start-up, so every other command and panel works without it. Pane starts are
// synchronous (a key, a swap's restart, `term`), hence a require on demand rather than import().

import {createRequire} from 'node:module';
import type * as NodePty from '@lydell/node-pty';

export type PtyModule = typeof NodePty;
/** Loads node-pty, or throws why it cannot be loaded here. */
export type PtyLoader = () => PtyModule;

export function loadNodePty(): PtyModule {
	return createRequire(import.meta.url)('@lydell/node-pty') as PtyModule;
}

/**
 * What is missing and what to do, for the Aider panel and the notice line. `forAider`: the Aider
 * panel can open Aider in a tmux pane instead (`t`), which needs no pty of ours.
 */
export function ptyMissingMessage(error: unknown, forAider: boolean, platform: string = process.platform, arch: string = process.arch): string {
	const text = error instanceof Error ? error.message : String(error);
	const target = `${platform}-${arch}`;
	const noPrebuilt = /could not find the binary package|does not support your platform|Cannot find module/i.test(text);
	const what = noPrebuilt
		? `the terminal pane needs node-pty, which has no prebuilt binary for ${target}`
		: `the terminal pane needs node-pty, whose binary for ${target} does not load here (${text.split('\n')[0]!.slice(0, 120)}; musl has no prebuilt)`;
	const todo = forAider
		? 'run stackdeck inside tmux and press t to open Aider in a tmux pane, or run `aider` in a terminal of its own'
		: 'run the command in a terminal (or tmux pane) of its own';
	return `${what}: ${todo}. Everything else works without it.`;
}
