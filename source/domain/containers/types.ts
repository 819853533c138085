// Plain container records the domain works on: what Docker's list/inspect/stats report, reduced to
// the fields the cockpit shows. Built by the Docker source, read by reducers and panels.

import type {HostId} from '../host-id.js';

export type StackRole =
	| 'openhands'
	| 'openhands-runtime'
	| 'sglang'
	| 'vllm'
	| 'ollama'
	| 'llamacpp'
	| 'gitea'
	| 'tor'
	| 'aider'
	| 'code-server';

export interface DiscoveredEnginePort {
	container: string;
	role: StackRole;
	/** Published on the host, e.g. 30000. */
	hostPort: number;
	containerPort: number;
}

/** What the containers tell about the rest of the stack (OpenHands state folder and config, engine ports). */
export interface DiscoveryState {
	/** Host path mounted onto /.openhands-state or /.openhands in the OpenHands container. */
	openhandsStateDir: string | null;
	/** Host path mounted as the OpenHands config.toml. */
	openhandsConfigToml: string | null;
	llmModel: string | null;
	llmBaseUrl: string | null;
	enginePorts: DiscoveredEnginePort[];
	/** Container the values came from. */
	from: string | null;
}

export interface PortBinding {
	containerPort: number;
	protocol: string;
	hostIp: string | null;
	/** Null when the port is exposed but not published. */
	hostPort: number | null;
}

export interface MountInfo {
	/** Host path for binds, volume name for volumes. */
	source: string;
	destination: string;
	type: string;
	readOnly: boolean;
}

export interface EnvVar {
	name: string;
	/** Already masked when the name looks secret. */
	value: string;
	masked: boolean;
}

export interface LogConfigCheck {
	driver: string;
	maxSize: string | null;
	maxFile: string | null;
	/** A finding to flag, e.g. json-file without max-size. */
	warning: string | null;
}

export interface ContainerInfo {
	/** The host whose Docker reported it. */
	hostId: HostId;
	id: string;
	name: string;
	image: string;
	/** Tag as written ("latest" when none). */
	tag: string;
	pinned: boolean;
	role: StackRole | null;
	/** running, exited, created, restarting, paused, dead. */
	state: string;
	/** healthy, unhealthy, starting, or null without a healthcheck. */
	health: string | null;
	restartCount: number;
	startedAt: string | null;
	exitCode: number | null;
	platform: string | null;
	ports: PortBinding[];
	mounts: MountInfo[];
	env: EnvVar[];
	labels: Record<string, string>;
	log: LogConfigCheck;
	logPath: string | null;
	/** Started with a TTY: its logs are one raw stream, not multiplexed. */
	tty: boolean;
}

export interface ContainerStats {
	at: number;
	/** 0..N*100 as docker stats shows it (100 = one full core). */
	cpuPercent: number | null;
	memUsage: number | null;
	memLimit: number | null;
	netRx: number;
	netTx: number;
	blkRead: number;
	blkWrite: number;
	/** Raw counters kept to compute the next CPU delta. */
	cpuTotal: number;
	systemCpu: number;
	onlineCpus: number;
}
