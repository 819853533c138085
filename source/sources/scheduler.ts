// Refresh loop: every tick, poll the sources whose panels are on screen (ui.visible), never
// overlapping a poll still in flight. Off-screen panels cost nothing, except sources that watch
// for alerts (offScreenEvery), polled every Nth tick.

import type {AppStore} from '../store/index.js';
import type {Source} from './types.js';

export interface Scheduler {
	/** Run one tick now (only for sources of `panels` when given); resolves when the polls it started are done. */
	tick(panels?: ReadonlySet<string>): Promise<void>;
	stop(): Promise<void>;
	/** Poll counts per source id (tests, benchmarks). */
	readonly polls: Readonly<Record<string, number>>;
}

export function createScheduler(store: AppStore, sources: readonly Source[], refreshMs: number, autoStart = true): Scheduler {
	const inFlight = new Set<string>();
	const polls: Record<string, number> = {};
	let stopped = false;
	let ticks = 0;

	const due = (): Source[] => {
		const visible = new Set(store.getState().ui.visible);
		const n = ticks++;
		return sources.filter(
			s => s.poll && (s.panels.length === 0 || s.panels.some(p => visible.has(p)) || (s.offScreenEvery !== undefined && n % s.offScreenEvery === 0)),
		);
	};

	const tick = async (panels?: ReadonlySet<string>): Promise<void> => {
		if (stopped) return;
		const work = due()
			.filter(s => !inFlight.has(s.id) && (!panels || s.panels.some(p => panels.has(p))))
			.map(async source => {
				inFlight.add(source.id);
				polls[source.id] = (polls[source.id] ?? 0) + 1;
				try {
					await source.poll!();
				} catch {
					// A source reports its own errors into the store; a throw here must not stop the loop.
				} finally {
					inFlight.delete(source.id);
				}
			});
		await Promise.all(work);
	};

	let timer: NodeJS.Timeout | undefined;
	if (autoStart) {
		for (const source of sources) void Promise.resolve(source.start?.()).catch(() => undefined);
		void tick();
		timer = setInterval(() => void tick(), refreshMs);
		timer.unref?.();
	}

	return {
		tick,
		polls,
		async stop() {
			stopped = true;
			if (timer) clearInterval(timer);
			await Promise.all(sources.map(s => Promise.resolve(s.stop?.()).catch(() => undefined)));
		},
	};
}
