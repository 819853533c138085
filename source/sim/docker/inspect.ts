// A demo container as the Engine API shows it: GET /containers/{id}/json (inspect) and one entry of
// GET /containers/json, with the fields and JSON types Docker Engine 28 uses.

import {rfc3339Nano} from './clock.js';
import {imageId, type DemoContainer} from './container.js';

const DATA_ROOT = '/var/lib/docker';
const NETWORK_ID = 'c0ffee5a1d3b7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f';

function portKey(p: {containerPort: number; protocol?: string}): string {
	return `${p.containerPort}/${p.protocol ?? 'tcp'}`;
}

/** Container index in the stack -> a stable bridge address 172.18.0.N. */
function address(index: number): string {
	return `172.18.0.${index + 2}`;
}

function mac(index: number): string {
	return `02:42:ac:12:00:${(index + 2).toString(16).padStart(2, '0')}`;
}

function restartPolicy(c: DemoContainer): {Name: string; MaximumRetryCount: number} {
	return {Name: c.spec.restart, MaximumRetryCount: 0};
}

function logConfig(): {Type: string; Config: Record<string, string>} {
	return {Type: 'json-file', Config: {'max-file': '3', 'max-size': '10m'}};
}

function project(c: DemoContainer): string {
	return c.spec.labels['com.docker.compose.project'] ?? 'stack';
}

function endpoint(c: DemoContainer, index: number): Record<string, unknown> {
	const up = c.running;
	return {
		IPAMConfig: null,
		Links: null,
		Aliases: up ? [c.name] : null,
		MacAddress: up ? mac(index) : '',
		DriverOpts: null,
		GwPriority: 0,
		NetworkID: NETWORK_ID,
		EndpointID: up ? c.id.slice(0, 32) + c.id.slice(0, 32) : '',
		Gateway: up ? '172.18.0.1' : '',
		IPAddress: up ? address(index) : '',
		IPPrefixLen: up ? 16 : 0,
		IPv6Gateway: '',
		GlobalIPv6Address: '',
		GlobalIPv6PrefixLen: 0,
		DNSNames: up ? [c.name, c.id.slice(0, 12)] : null,
	};
}

function portMap(c: DemoContainer): Record<string, Array<{HostIp: string; HostPort: string}> | null> {
	const ports: Record<string, Array<{HostIp: string; HostPort: string}> | null> = {};
	if (!c.running) return ports;
	for (const p of c.spec.ports) {
		ports[portKey(p)] = p.hostPort === null ? null : [{HostIp: '0.0.0.0', HostPort: String(p.hostPort)}, {HostIp: '::', HostPort: String(p.hostPort)}];
	}
	return ports;
}

export function inspectJson(c: DemoContainer, index: number): Record<string, unknown> {
	const dir = `${DATA_ROOT}/containers/${c.id}`;
	const network = `${project(c)}_default`;
	const [path, ...args] = [...(c.spec.entrypoint ?? []), ...c.spec.cmd];
	const exposed = Object.fromEntries(c.spec.ports.map(p => [portKey(p), {}]));
	const bindings = Object.fromEntries(c.spec.ports.filter(p => p.hostPort !== null).map(p => [portKey(p), [{HostIp: '', HostPort: String(p.hostPort)}]]));
	const layer = imageId(`${c.id}-layer`).slice(7);
	return {
		Id: c.id,
		Created: rfc3339Nano(c.created),
		Path: path ?? '',
		Args: args,
		State: {
			Status: c.status,
			Running: c.running,
			Paused: false,
			Restarting: c.status === 'restarting',
			OOMKilled: c.oomKilled,
			Dead: false,
			Pid: c.pid,
			ExitCode: c.exitCode,
			Error: c.error,
			StartedAt: rfc3339Nano(c.startedAt),
			FinishedAt: rfc3339Nano(c.finishedAt),
		},
		Image: imageId(c.spec.image),
		ResolvConfPath: `${dir}/resolv.conf`,
		HostnamePath: `${dir}/hostname`,
		HostsPath: `${dir}/hosts`,
		LogPath: `${dir}/${c.id}-json.log`,
		Name: `/${c.name}`,
		RestartCount: c.restartCount,
		Driver: 'overlay2',
		Platform: 'linux',
		MountLabel: '',
		ProcessLabel: '',
		AppArmorProfile: 'docker-default',
		ExecIDs: null,
		HostConfig: {
			Binds: c.spec.mounts.filter(m => m.type === 'bind').map(m => `${m.source}:${m.destination}${m.readOnly ? ':ro' : ':rw'}`),
			ContainerIDFile: '',
			LogConfig: logConfig(),
			NetworkMode: network,
			PortBindings: bindings,
			RestartPolicy: restartPolicy(c),
			AutoRemove: false,
			VolumeDriver: '',
			VolumesFrom: null,
			ConsoleSize: [0, 0],
			CapAdd: null,
			CapDrop: null,
			CgroupnsMode: 'private',
			Dns: [],
			DnsOptions: [],
			DnsSearch: [],
			ExtraHosts: c.spec.extraHosts ?? [],
			GroupAdd: null,
			IpcMode: 'private',
			Cgroup: '',
			Links: null,
			OomScoreAdj: 0,
			PidMode: '',
			Privileged: false,
			PublishAllPorts: false,
			ReadonlyRootfs: false,
			SecurityOpt: null,
			UTSMode: '',
			UsernsMode: '',
			ShmSize: 67108864,
			Runtime: 'runc',
			Isolation: '',
			CpuShares: 0,
			Memory: 0,
			NanoCpus: 0,
			CgroupParent: '',
			BlkioWeight: 0,
			BlkioWeightDevice: null,
			BlkioDeviceReadBps: null,
			BlkioDeviceWriteBps: null,
			BlkioDeviceReadIOps: null,
			BlkioDeviceWriteIOps: null,
			CpuPeriod: 0,
			CpuQuota: 0,
			CpuRealtimePeriod: 0,
			CpuRealtimeRuntime: 0,
			CpusetCpus: '',
			CpusetMems: '',
			Devices: null,
			DeviceCgroupRules: null,
			DeviceRequests: null,
			MemoryReservation: 0,
			MemorySwap: 0,
			MemorySwappiness: null,
			OomKillDisable: false,
			PidsLimit: null,
			Ulimits: null,
			CpuCount: 0,
			CpuPercent: 0,
			IOMaximumIOps: 0,
			IOMaximumBandwidth: 0,
			MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
			ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
		},
		GraphDriver: {
			Data: {
				ID: c.id,
				LowerDir: `${DATA_ROOT}/overlay2/${layer}-init/diff`,
				MergedDir: `${DATA_ROOT}/overlay2/${layer}/merged`,
				UpperDir: `${DATA_ROOT}/overlay2/${layer}/diff`,
				WorkDir: `${DATA_ROOT}/overlay2/${layer}/work`,
			},
			Name: 'overlay2',
		},
		Mounts: c.spec.mounts.map(m =>
			m.type === 'volume'
				? {Type: 'volume', Name: m.source, Source: `${DATA_ROOT}/volumes/${m.source}/_data`, Destination: m.destination, Driver: 'local', Mode: 'z', RW: !m.readOnly, Propagation: ''}
				: {Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.readOnly ? 'ro' : 'rw', RW: !m.readOnly, Propagation: 'rprivate'},
		),
		Config: {
			Hostname: c.id.slice(0, 12),
			Domainname: '',
			User: '',
			AttachStdin: false,
			AttachStdout: true,
			AttachStderr: true,
			ExposedPorts: exposed,
			Tty: false,
			OpenStdin: false,
			StdinOnce: false,
			Env: c.spec.env,
			Cmd: c.spec.cmd,
			Image: c.spec.image,
			Volumes: null,
			WorkingDir: c.spec.workingDir ?? '/',
			Entrypoint: c.spec.entrypoint,
			OnBuild: null,
			Labels: c.spec.labels,
			...(c.spec.stopTimeout !== undefined ? {StopTimeout: c.spec.stopTimeout} : {}),
		},
		NetworkSettings: {
			Bridge: '',
			SandboxID: c.running ? c.id.split('').reverse().join('') : '',
			SandboxKey: c.running ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
			Ports: portMap(c),
			HairpinMode: false,
			LinkLocalIPv6Address: '',
			LinkLocalIPv6PrefixLen: 0,
			SecondaryIPAddresses: null,
			SecondaryIPv6Addresses: null,
			EndpointID: '',
			Gateway: '',
			GlobalIPv6Address: '',
			GlobalIPv6PrefixLen: 0,
			IPAddress: '',
			IPPrefixLen: 0,
			IPv6Gateway: '',
			MacAddress: '',
			Networks: {[network]: endpoint(c, index)},
		},
	};
}

/** "python3 -m sglang.launch_server --model…" cut as `docker ps` receives it. */
function commandLine(c: DemoContainer): string {
	return [...(c.spec.entrypoint ?? []), ...c.spec.cmd].map(a => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** One entry of GET /containers/json. */
export function summaryJson(c: DemoContainer, index: number, now = Date.now()): Record<string, unknown> {
	const ports: Array<Record<string, unknown>> = [];
	for (const p of c.spec.ports) {
		if (!c.running || p.hostPort === null) ports.push({PrivatePort: p.containerPort, Type: p.protocol ?? 'tcp'});
		else ports.push({IP: '0.0.0.0', PrivatePort: p.containerPort, PublicPort: p.hostPort, Type: p.protocol ?? 'tcp'}, {IP: '::', PrivatePort: p.containerPort, PublicPort: p.hostPort, Type: p.protocol ?? 'tcp'});
	}
	const network = `${project(c)}_default`;
	return {
		Id: c.id,
		Names: [`/${c.name}`],
		Image: c.spec.image,
		ImageID: imageId(c.spec.image),
		Command: commandLine(c),
		Created: Number(c.created / 1_000_000_000n),
		Ports: ports,
		Labels: c.spec.labels,
		State: c.status,
		Status: c.statusText(now),
		HostConfig: {NetworkMode: network},
		NetworkSettings: {Networks: {[network]: endpoint(c, index)}},
		Mounts: c.spec.mounts.map(m =>
			m.type === 'volume'
				? {Type: 'volume', Name: m.source, Source: `${DATA_ROOT}/volumes/${m.source}/_data`, Destination: m.destination, Driver: 'local', Mode: 'z', RW: !m.readOnly, Propagation: ''}
				: {Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.readOnly ? 'ro' : 'rw', RW: !m.readOnly, Propagation: 'rprivate'},
		),
	};
}
