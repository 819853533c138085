// The whole cockpit rendered with Ink around a real AiderManager, for Aider panel tests: cockpit
// keys go through Ink's input like a terminal's, and once the pane has the keyboard the same bytes
// reach the pane's pty the way they do in production (the stdin 'data' events usePaneInput reads).
// The Aider sessions run in real ptys read back through @xterm/headless (PaneSession).

import {createAppStore, type AppStore} from '../../source/store/index.js';
import type {Config} from '../../source/config/schema.js';
import type {AiderManager} from '../../source/sources/aider/manager.js';
import {closeServices, createServices} from '../../source/runtime/services.js';
import {mountCockpit} from '../support/render-frame.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

export interface AiderCockpit {
	store: AppStore;
	manager: AiderManager;
	/** The latest frame as plain text lines. */
	lines(): string[];
	text(): string;
	/** Type bytes at the outer terminal (a key, a line and \r, ...). */
	type(data: string): Promise<void>;
	until(what: string, probe: (text: string) => boolean, ms?: number): Promise<void>;
	close(): void;
}

export async function renderAiderCockpit(config: Config, env: NodeJS.ProcessEnv, cols = 100, rows = 32): Promise<AiderCockpit> {
	const store = createAppStore();
	const services = createServices({store, config, env});
	const manager = services.aider;
	const {stdout, stdin, unmount} = mountCockpit(store, cols, rows, {services});
	const tick = () => new Promise(r => setTimeout(r, 25));
	const lines = () => (stdout.frames.at(-1) ?? '').replace(ANSI, '').split('\n');
	const until = async (what: string, probe: (text: string) => boolean, ms = 15_000) => {
		const end = Date.now() + ms;
		while (!probe(lines().join('\n'))) {
			if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${lines().join('\n')}`);
			await tick();
		}
	};
	for (let i = 0; i < 4; i++) await tick();
	return {
		store,
		manager,
		lines,
		text: () => lines().join('\n'),
		async type(data) {
			stdin.type(data);
			for (let i = 0; i < 3; i++) await tick();
		},
		until,
		close() {
			unmount();
			closeServices(services);
		},
	};
}
