// GET /info of the demo daemon: a DGX Spark (Ubuntu 24.04 on 20 Arm cores, unified memory) running
// Docker Engine 28 with the NVIDIA runtime, its container counts taken from the demo's containers.

import {ENGINE_VERSION} from './api-version.js';
import type {DaemonHost, DemoDaemon} from './daemon.js';
import {HOST_CPUS} from './stats.js';

export function infoJson(daemon: DemoDaemon, host: DaemonHost, listeners: number): Record<string, unknown> {
	const all = daemon.containers;
	const running = all.filter(c => c.running).length;
	const images = new Set(all.map(c => c.spec.image)).size;
	const runc = {path: 'runc', status: {'org.opencontainers.runtime-spec.features': '{"ociVersionMin":"1.0.0"}'}};
	return {
		ID: 'b7e3c1d2-5a4f-4e6b-9c8d-0f1e2d3c4b5a',
		Containers: all.length,
		ContainersRunning: running,
		ContainersPaused: 0,
		ContainersStopped: all.length - running,
		Images: images,
		Driver: 'overlay2',
		DriverStatus: [
			['Backing Filesystem', 'extfs'],
			['Supports d_type', 'true'],
			['Using metacopy', 'false'],
			['Native Overlay Diff', 'true'],
			['userxattr', 'false'],
		],
		Plugins: {Volume: ['local'], Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'], Authorization: null, Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog']},
		MemoryLimit: true,
		SwapLimit: true,
		CpuCfsPeriod: true,
		CpuCfsQuota: true,
		CPUShares: true,
		CPUSet: true,
		PidsLimit: true,
		IPv4Forwarding: true,
		Debug: false,
		NFd: 48 + all.length * 6,
		OomKillDisable: false,
		NGoroutines: 60 + listeners * 4,
		SystemTime: new Date().toISOString().replace('Z', '000000Z'),
		LoggingDriver: 'json-file',
		CgroupDriver: 'systemd',
		CgroupVersion: '2',
		NEventsListener: listeners,
		KernelVersion: host.kernel,
		OperatingSystem: 'Ubuntu 24.04.3 LTS',
		OSVersion: '24.04',
		OSType: 'linux',
		Architecture: 'aarch64',
		IndexServerAddress: 'https://index.docker.io/v1/',
		RegistryConfig: {
			InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
			IndexConfigs: {'docker.io': {Name: 'docker.io', Mirrors: [], Secure: true, Official: true}},
			Mirrors: [],
		},
		NCPU: HOST_CPUS,
		MemTotal: host.memTotalBytes,
		GenericResources: null,
		DockerRootDir: '/var/lib/docker',
		HttpProxy: '',
		HttpsProxy: '',
		NoProxy: '',
		Name: host.hostname,
		Labels: [],
		ExperimentalBuild: false,
		ServerVersion: ENGINE_VERSION,
		Runtimes: {'io.containerd.runc.v2': runc, nvidia: {path: 'nvidia-container-runtime'}, runc},
		DefaultRuntime: 'runc',
		Swarm: {NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null},
		LiveRestoreEnabled: false,
		Isolation: '',
		InitBinary: 'docker-init',
		ContainerdCommit: {ID: '05044ec0a9a75232cad458027ca83437aae3f4da', Expected: '05044ec0a9a75232cad458027ca83437aae3f4da'},
		RuncCommit: {ID: 'v1.2.5-0-g59923ef', Expected: 'v1.2.5-0-g59923ef'},
		InitCommit: {ID: 'de40ad0', Expected: 'de40ad0'},
		SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
		CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
		Containerd: {Address: '/run/containerd/containerd.sock', Namespaces: {Containers: 'moby', Plugins: 'plugins.moby'}},
		Warnings: null,
	};
}
