// The demo daemon's state and verbs: its containers, their start/stop/restart/kill with the events
// Docker emits for each (kill, die, stop, start, restart), `docker stop`'s grace period before
// SIGKILL, processes that exit on their own, and restart policies.

import type {DemoContainer, ProcessControl} from './container.js';
import {EventLog} from './events.js';
import type {StatsHost} from './stats.js';

export class DaemonError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export interface DaemonHost extends StatsHost {
	hostname: string;
	kernel: string;
}

/** SIGTERM exits with 0 here (the servers catch it); a SIGKILL with 128 + 9. */
const SIGKILL_EXIT = 137;
const RESTART_DELAY_MS = 1000;

export class DemoDaemon {
	readonly events = new EventLog();
	readonly containers: DemoContainer[] = [];
	/** Bumped on every start, so a late exit of an old process is ignored. */
	private readonly runs = new Map<DemoContainer, number>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private closed = false;

	constructor(readonly host: DaemonHost) {}

	add(container: DemoContainer): DemoContainer {
		this.containers.push(container);
		this.emit(container, 'create');
		return container;
	}

	indexOf(container: DemoContainer): number {
		return this.containers.indexOf(container);
	}

	/** By full id, unique id prefix, or name (with or without the leading slash), as the daemon resolves. */
	find(ref: string): DemoContainer {
		const name = ref.replace(/^\//, '');
		const exact = this.containers.find(c => c.id === ref || c.name === name);
		if (exact) return exact;
		const byPrefix = ref.length > 0 ? this.containers.filter(c => c.id.startsWith(ref)) : [];
		if (byPrefix.length === 1) return byPrefix[0]!;
		if (byPrefix.length > 1) throw new DaemonError(400, `multiple IDs found with provided prefix: ${ref}`);
		throw new DaemonError(404, `No such container: ${ref}`);
	}

	async start(c: DemoContainer): Promise<void> {
		if (c.running) throw new DaemonError(304, '');
		const run = (this.runs.get(c) ?? 0) + 1;
		this.runs.set(c, run);
		c.markRunning();
		this.emit(c, 'start');
		const ctl: ProcessControl = {
			log: (stream, text) => c.log(stream, text),
			exit: code => {
				if (this.runs.get(c) === run && c.running) this.exited(c, code, false);
			},
		};
		await c.process.start(ctl);
	}

	async stop(c: DemoContainer, seconds: number | null): Promise<void> {
		if (!c.running) throw new DaemonError(304, '');
		c.stoppedByUser = true;
		await this.terminate(c, seconds ?? c.spec.stopTimeout ?? 10);
		this.emit(c, 'stop');
	}

	async restart(c: DemoContainer, seconds: number | null): Promise<void> {
		if (c.running) {
			await this.terminate(c, seconds ?? c.spec.stopTimeout ?? 10);
			this.emit(c, 'stop');
		}
		await this.start(c);
		this.emit(c, 'restart');
	}

	async kill(c: DemoContainer, signal: string): Promise<void> {
		if (!c.running) throw new DaemonError(409, `cannot kill container: ${c.name}: container ${c.id} is not running`);
		const sig = signal.replace(/^SIG/, '') || 'KILL';
		this.emit(c, 'kill', {signal: String(SIGNALS[sig] ?? sig)});
		if (sig !== 'KILL' && sig !== 'TERM' && sig !== 'INT') return;
		c.stoppedByUser = true;
		await c.process.stop(sig === 'KILL' ? 'SIGKILL' : 'SIGTERM');
		this.exited(c, sig === 'KILL' ? SIGKILL_EXIT : 0, true);
	}

	/** Stop everything (the demo is shutting down): no events, no restarts. */
	async close(): Promise<void> {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		await Promise.allSettled(this.containers.filter(c => c.running).map(c => c.process.stop('SIGKILL')));
	}

	/** SIGTERM, then SIGKILL once the grace period is over, as `docker stop -t` does. */
	private async terminate(c: DemoContainer, seconds: number): Promise<void> {
		this.emit(c, 'kill', {signal: '15'});
		let timer: NodeJS.Timeout | undefined;
		const graceful = Promise.resolve(c.process.stop('SIGTERM')).then(() => true);
		const timeout = new Promise<boolean>(resolve => {
			timer = setTimeout(() => resolve(false), Math.max(0, seconds) * 1000);
		});
		const clean = await Promise.race([graceful, timeout]);
		clearTimeout(timer);
		if (!clean) {
			this.emit(c, 'kill', {signal: '9'});
			await c.process.stop('SIGKILL');
		}
		this.runs.set(c, (this.runs.get(c) ?? 0) + 1);
		this.exited(c, clean ? 0 : SIGKILL_EXIT, true);
	}

	private exited(c: DemoContainer, code: number, byUser: boolean): void {
		c.markExited(code);
		this.emit(c, 'die', {exitCode: String(code)});
		if (byUser || this.closed) return;
		const policy = c.spec.restart;
		if (policy === 'always' || policy === 'unless-stopped' || (policy === 'on-failure' && code !== 0)) {
			c.status = 'restarting';
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				if (this.closed || c.status !== 'restarting') return;
				c.restartCount += 1;
				void this.start(c).catch(() => undefined);
			}, RESTART_DELAY_MS);
			this.timers.add(timer);
		}
	}

	private emit(c: DemoContainer, action: string, extra: Record<string, string> = {}): void {
		if (this.closed) return;
		this.events.emit({action, id: c.id, name: c.name, image: c.spec.image, labels: c.spec.labels, extra});
	}
}

const SIGNALS: Record<string, number> = {HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15};
