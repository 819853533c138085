// One demo container: its spec (as a compose file sets it), its state machine (created, running,
// exited), its log (json-file records with nanosecond times), CPU time and network counters, and
// the process inside it (a simulated engine, a service writing log lines, a model that crashes).

import {createHash, randomBytes} from 'node:crypto';
import {nowNs} from './clock.js';

export interface PortSpec {
	containerPort: number;
	/** null: exposed only, not published. */
	hostPort: number | null;
	protocol?: 'tcp' | 'udp';
}

export interface MountSpec {
	type: 'bind' | 'volume';
	/** Host path (bind) or volume name (volume). */
	source: string;
	destination: string;
	readOnly?: boolean;
}

export interface ContainerSpec {
	name: string;
	/** Image with its tag, as the compose file names it. */
	image: string;
	entrypoint: string[] | null;
	cmd: string[];
	env: string[];
	labels: Record<string, string>;
	ports: PortSpec[];
	mounts: MountSpec[];
	restart: 'no' | 'always' | 'unless-stopped' | 'on-failure';
	extraHosts?: string[];
	workingDir?: string;
	/** Seconds `docker stop` waits before SIGKILL when the caller gives no t. */
	stopTimeout?: number;
	/** Minutes ago the container was created (the stack was brought up before the demo opened). */
	createdMinutesAgo?: number;
}

/** What runs inside: started and stopped by the daemon; reports its own CPU and memory. */
export interface ContainerProcess {
	start(ctl: ProcessControl): void | Promise<void>;
	/** Asked to stop (SIGTERM, or SIGKILL after the timeout): resolves once it is down. */
	stop(signal: 'SIGTERM' | 'SIGKILL'): void | Promise<void>;
	/** CPU cores busy right now (1.5 = 150% in docker stats). */
	cpuCores(): number;
	/** Memory the container's cgroup is charged (RSS + page cache), bytes. */
	memoryBytes(): number;
}

export interface ProcessControl {
	log(stream: 'stdout' | 'stderr', text: string): void;
	/** The process ended on its own (a crash): the daemon records the exit. */
	exit(code: number): void;
}

export type ContainerStatus = 'created' | 'running' | 'restarting' | 'exited';

export interface LogRecord {
	ns: bigint;
	stream: 'stdout' | 'stderr';
	/** One line, with its newline. */
	line: string;
}

/**
 * Lines kept per container (json-file keeps max-file × max-size; the demo keeps the newest lines).
 * Twice the 500 the cockpit loads when it opens a log. A record is about 275 bytes with its line,
 * so 1,000 keep ~275 KB per container; at 4,000 the containers that keep writing (a line every 3
 * to 30 s) grew the demo by about 1 MB an hour for its first five hours.
 */
export const LOG_KEEP = 1000;

export function imageId(image: string): string {
	return `sha256:${createHash('sha256').update(image).digest('hex')}`;
}

export class DemoContainer {
	readonly id = randomBytes(32).toString('hex');
	readonly created: bigint;
	status: ContainerStatus = 'created';
	pid = 0;
	exitCode = 0;
	error = '';
	oomKilled = false;
	startedAt: bigint | null = null;
	finishedAt: bigint | null = null;
	restartCount = 0;
	/** Set by `docker stop`: unless-stopped does not bring it back. */
	stoppedByUser = false;
	readonly logs: LogRecord[] = [];
	private readonly logListeners = new Set<(record: LogRecord) => void>();
	private cpuNs = 0;
	private cpuAt = Date.now();
	private netBytes = 0;

	constructor(
		readonly spec: ContainerSpec,
		readonly process: ContainerProcess,
	) {
		this.created = nowNs() - BigInt(Math.round((spec.createdMinutesAgo ?? 60) * 60)) * 1_000_000_000n;
	}

	get name(): string {
		return this.spec.name;
	}

	get running(): boolean {
		return this.status === 'running';
	}

	/** Append output; `ns` backdates boot lines written before the demo opened. */
	log(stream: 'stdout' | 'stderr', text: string, ns: bigint = nowNs()): void {
		for (const line of text.split('\n')) {
			if (line === '') continue;
			const record: LogRecord = {ns, stream, line: `${line}\n`};
			this.logs.push(record);
			for (const listener of this.logListeners) listener(record);
		}
		if (this.logs.length > LOG_KEEP) this.logs.splice(0, this.logs.length - LOG_KEEP);
	}

	onLog(listener: (record: LogRecord) => void): () => void {
		this.logListeners.add(listener);
		return () => this.logListeners.delete(listener);
	}

	/** Cumulative CPU time in ns (advances while running at the process's current load). */
	cpuTimeNs(now = Date.now()): number {
		if (this.running) this.cpuNs += Math.max(0, now - this.cpuAt) * 1e6 * this.process.cpuCores();
		this.cpuAt = now;
		return Math.round(this.cpuNs);
	}

	/** Cumulative network bytes (a service's traffic grows with its CPU). */
	networkBytes(): number {
		this.netBytes += Math.round(this.process.cpuCores() * 4096 + (this.running ? 512 : 0));
		return this.netBytes;
	}

	memoryBytes(): number {
		return this.running ? Math.round(this.process.memoryBytes()) : 0;
	}

	markRunning(): void {
		this.cpuTimeNs();
		this.status = 'running';
		this.pid = 1000 + Math.floor(Math.random() * 60000);
		this.exitCode = 0;
		this.error = '';
		this.oomKilled = false;
		this.startedAt = nowNs();
		this.stoppedByUser = false;
	}

	markExited(code: number, error = ''): void {
		this.cpuTimeNs();
		this.status = 'exited';
		this.pid = 0;
		this.exitCode = code;
		this.error = error;
		this.finishedAt = nowNs();
	}

	/** "Up 5 minutes", "Exited (1) 2 seconds ago", "Created": the Status column of `docker ps`. */
	statusText(now = Date.now()): string {
		if (this.status === 'created') return 'Created';
		if (this.status === 'running') return `Up ${humanDuration(now - Number(this.startedAt! / 1_000_000n))}`;
		if (this.status === 'restarting') return `Restarting (${this.exitCode}) ${humanDuration(now - Number(this.finishedAt! / 1_000_000n))} ago`;
		return `Exited (${this.exitCode}) ${humanDuration(now - Number((this.finishedAt ?? this.created) / 1_000_000n))} ago`;
	}
}

/** Docker's units.HumanDuration: "Less than a second", "5 seconds", "About a minute", "3 hours". */
export function humanDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	if (s < 1) return 'Less than a second';
	if (s === 1) return '1 second';
	if (s < 60) return `${s} seconds`;
	const m = Math.round(s / 60);
	if (m === 1) return 'About a minute';
	if (m < 60) return `${m} minutes`;
	const h = Math.round(s / 3600);
	if (h === 1) return 'About an hour';
	if (h < 48) return `${h} hours`;
	return `${Math.round(h / 24)} days`;
}
