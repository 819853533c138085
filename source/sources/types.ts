// What every source looks like. A source reads the outside world and writes into the store; it
// never renders. `poll` runs on the refresh tick, and only while one of `panels` is on screen.
// Sources are made per host: `ctx.host` is the box they read, and their records carry its id.

import type {PanelId} from '../domain/panel-ids.js';
import type {Config} from '../config/schema.js';
import type {AppStore} from '../store/index.js';
import type {Host} from '../hosts/host.js';

export interface SourceContext {
	store: AppStore;
	config: Config;
	refreshMs: number;
	env: NodeJS.ProcessEnv;
	/** The box this source reads (its Docker, commands, files). */
	host: Host;
}

export interface Source {
	id: string;
	/** Panels that show this source's data. Empty: always polled (e.g. discovery). */
	panels: readonly PanelId[];
	/** Long-lived subscriptions (event streams, fs watches). */
	start?(): void | Promise<void>;
	/**
	 * Poll every this many ticks while none of `panels` is on screen, so what it watches (an engine
	 * going down) still reaches the tab strip's alerts. Without it, off-screen sources are not polled.
	 */
	offScreenEvery?: number;
	/** One refresh; the scheduler never runs two polls of one source at once. */
	poll?(): Promise<void>;
	stop?(): void | Promise<void>;
}
