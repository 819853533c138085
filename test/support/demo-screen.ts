// `stackdeck demo` in a real pty, in its own TMPDIR (so a test finds the demo's folder: its Docker
// socket, its config.toml), read back through a real terminal emulator.

import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnScreen, type PtyScreen} from './pty-screen.js';
import {STACKDECK_BIN} from './paths.js';

export const DEMO_PTY_ARGS = ['demo', '--no-load', '--load-ms', '500', '--port-sglang', '0', '--port-vllm', '0', '--port-ollama', '0', '--refresh', '500'];

export interface DemoScreen {
	s: PtyScreen;
	/** The test's TMPDIR; the demo makes its folder inside it. */
	tmp: string;
	demoDir(): string;
	/** DOCKER_HOST for the docker CLI against the demo's daemon. */
	dockerHost(): string;
	/** SIGTERM (the demo removes its own folder), then the test's TMPDIR goes. */
	close(): Promise<void>;
}

export function startDemoScreen(prefix: string, cols: number, rows: number, env: NodeJS.ProcessEnv = {}): DemoScreen {
	const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
	const s = spawnScreen(process.execPath, [STACKDECK_BIN, ...DEMO_PTY_ARGS], {cols, rows, env: {HOME: tmp, XDG_CONFIG_HOME: tmp, TMPDIR: tmp, ...env}});
	const demoDir = () => {
		const dirs = readdirSync(tmp).filter(n => n.startsWith('stackdeck-demo-'));
		if (dirs.length !== 1) throw new Error(`expected one stackdeck-demo-* folder in ${tmp}, found ${dirs.length}`);
		return path.join(tmp, dirs[0]!);
	};
	return {
		s,
		tmp,
		demoDir,
		dockerHost: () => `unix://${path.join(demoDir(), 'docker.sock')}`,
		close: async () => {
			s.kill('SIGTERM');
			await s.exited;
			rmSync(tmp, {recursive: true, force: true});
		},
	};
}

/**
 * The demo's broken-model dies 4 s after the start, and its error notice holds the header until a
 * key is pressed. A case that reads the header waits for this first, so its own keys clear it and
 * the crash cannot replace the notice it is looking for.
 */
export async function untilBrokenModelCrashed(s: PtyScreen, timeoutMs: number): Promise<void> {
	// Read from the tab strip's `!N` on Containers, which every size shows (the list may be scrolled).
	// Not a check of its own: on a loaded CI machine the crash was once not seen within the wait, and
	// the cases then go on as they would have before it.
	await s.waitFor(l => /(?:^|\s)1(?: \S+)? !\d+/.test(l[l.length - 2] ?? ''), timeoutMs, 'the demo\'s broken-model to crash (Containers !1)').catch(() => undefined);
}
