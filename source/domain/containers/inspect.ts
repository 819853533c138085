// Docker's container inspect payload reduced to a ContainerInfo: role, tag pinning, ports, mounts,
// masked environment, health, restart count, platform and log driver check.

import type {ContainerInfo, MountInfo, PortBinding} from './types.js';
import {parseImageRef, recognizeRole} from './roles.js';
import {maskEnv} from '../secrets.js';
import type {HostId} from '../host-id.js';
import {checkLogConfig} from './log-driver.js';

/** The subset of GET /containers/{id}/json we read. */
export interface RawInspect {
	Id: string;
	Name?: string;
	RestartCount?: number;
	Platform?: string;
	LogPath?: string;
	State?: {Status?: string; StartedAt?: string; ExitCode?: number; Health?: {Status?: string} | null};
	Config?: {Image?: string; Env?: string[] | null; Labels?: Record<string, string> | null; Tty?: boolean};
	HostConfig?: {LogConfig?: {Type?: string; Config?: Record<string, string> | null}};
	Mounts?: Array<{Type?: string; Name?: string; Source?: string; Destination?: string; RW?: boolean}>;
	NetworkSettings?: {Ports?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null};
}

export function portsFrom(raw: RawInspect['NetworkSettings']): PortBinding[] {
	const out: PortBinding[] = [];
	for (const [key, bindings] of Object.entries(raw?.Ports ?? {})) {
		const [port, protocol = 'tcp'] = key.split('/');
		const containerPort = Number(port);
		if (!bindings || bindings.length === 0) {
			out.push({containerPort, protocol, hostIp: null, hostPort: null});
			continue;
		}
		const seen = new Set<number>();
		for (const b of bindings) {
			const hostPort = b.HostPort ? Number(b.HostPort) : null;
			if (hostPort !== null && seen.has(hostPort)) continue; // IPv4 and IPv6 bindings of one port
			if (hostPort !== null) seen.add(hostPort);
			out.push({containerPort, protocol, hostIp: b.HostIp || null, hostPort});
		}
	}
	return out.sort((a, b) => a.containerPort - b.containerPort);
}

export function mountsFrom(raw: RawInspect['Mounts']): MountInfo[] {
	return (raw ?? []).map(m => ({
		source: (m.Type === 'volume' ? m.Name : m.Source) ?? m.Source ?? '',
		destination: m.Destination ?? '',
		type: m.Type ?? 'bind',
		readOnly: m.RW === false,
	}));
}

/** The container as the cockpit shows it; `hostId`: the host whose Docker answered. */
export function infoFromInspect(raw: RawInspect, hostId: HostId): ContainerInfo {
	const name = (raw.Name ?? raw.Id.slice(0, 12)).replace(/^\//, '');
	const image = raw.Config?.Image ?? '';
	const labels = raw.Config?.Labels ?? {};
	const ref = parseImageRef(image);
	const health = raw.State?.Health?.Status;
	return {
		hostId,
		id: raw.Id,
		name,
		image,
		tag: ref.digest && ref.tag === 'latest' && !image.includes(':') ? `@${ref.digest.slice(0, 19)}` : ref.tag,
		pinned: ref.pinned,
		role: recognizeRole(image, name, labels),
		state: raw.State?.Status ?? 'unknown',
		health: health && health !== 'none' ? health : null,
		restartCount: raw.RestartCount ?? 0,
		startedAt: raw.State?.StartedAt && !raw.State.StartedAt.startsWith('0001') ? raw.State.StartedAt : null,
		exitCode: raw.State?.ExitCode ?? null,
		platform: raw.Platform ?? null,
		ports: portsFrom(raw.NetworkSettings),
		mounts: mountsFrom(raw.Mounts),
		env: maskEnv(raw.Config?.Env),
		labels,
		log: checkLogConfig(raw.HostConfig?.LogConfig?.Type, raw.HostConfig?.LogConfig?.Config),
		logPath: raw.LogPath || null,
		tty: raw.Config?.Tty === true,
	};
}
