// Docker facts for the Doctor: every container's inspect data reduced to what the checks read,
// each image's architecture, and the daemon's architecture, log driver and proxy.

import {recognizeRole} from '../../domain/containers/roles.js';
import type {RawInspect} from '../../domain/containers/inspect.js';
import type {ContainerFact, DockerFacts} from '../../domain/doctor/facts.js';
import type {DoctorIo} from './io.js';

const ARCH: Record<string, string> = {x86_64: 'amd64', amd64: 'amd64', aarch64: 'arm64', arm64: 'arm64'};

export function normaliseArch(arch: string | undefined | null): string | null {
	if (!arch) return null;
	return ARCH[arch.toLowerCase()] ?? arch.toLowerCase();
}

type Inspect = RawInspect & {
	Image?: string;
	HostConfig?: RawInspect['HostConfig'] & {ExtraHosts?: string[] | null; NetworkMode?: string};
};

function envRecord(list: readonly string[] | null | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of list ?? []) {
		const eq = entry.indexOf('=');
		if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
	}
	return out;
}

export function containerFact(raw: Inspect, imageArch: string | null): ContainerFact {
	const name = (raw.Name ?? raw.Id.slice(0, 12)).replace(/^\//, '');
	const image = raw.Config?.Image ?? '';
	const ports: ContainerFact['ports'] = [];
	for (const [key, bindings] of Object.entries(raw.NetworkSettings?.Ports ?? {})) {
		const container = Number.parseInt(key, 10);
		if (!Number.isFinite(container) || !key.endsWith('/tcp')) continue;
		if (!bindings || bindings.length === 0) ports.push({container, host: null});
		for (const b of bindings ?? []) ports.push({container, host: b.HostPort ? Number(b.HostPort) : null});
	}
	return {
		name,
		image,
		state: raw.State?.Status ?? 'unknown',
		role: recognizeRole(image, name, raw.Config?.Labels ?? {}),
		imageArch,
		env: envRecord(raw.Config?.Env),
		mounts: (raw.Mounts ?? []).map(m => ({source: m.Source ?? m.Name ?? '', destination: m.Destination ?? '', readOnly: m.RW === false, type: m.Type ?? 'bind'})),
		extraHosts: raw.HostConfig?.ExtraHosts ?? [],
		networkMode: raw.HostConfig?.NetworkMode ?? 'default',
		logDriver: raw.HostConfig?.LogConfig?.Type ?? '',
		logOptions: raw.HostConfig?.LogConfig?.Config ?? {},
		ports,
	};
}

/** A daemon that accepts the connection and never answers must not hold the Doctor up. */
function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
	});
	return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function collectDocker(io: DoctorIo, deadlineMs = 10_000): Promise<DockerFacts | null> {
	const docker = io.docker;
	if (io.dockerError || !docker) return io.dockerError ? {...emptyDocker(io), error: io.dockerError} : null;
	try {
		return await withDeadline(readDocker(io, docker), deadlineMs, io.dockerEndpoint);
	} catch (error) {
		const e = error as {code?: string; message?: string};
		return {...emptyDocker(io), error: e.code ?? e.message ?? String(error)};
	}
}

function emptyDocker(io: DoctorIo): DockerFacts {
	return {endpoint: io.dockerEndpoint, error: null, arch: null, defaultLogDriver: null, httpProxy: '', httpsProxy: '', rootDir: null, containers: []};
}

async function readDocker(io: DoctorIo, docker: NonNullable<DoctorIo['docker']>): Promise<DockerFacts> {
	const base = emptyDocker(io);
	const info = (await docker.info()) as {Architecture?: string; LoggingDriver?: string; HttpProxy?: string; HttpsProxy?: string; DockerRootDir?: string};
	const list = await docker.listContainers({all: true});
	const archByImage = new Map<string, string | null>();
	const containers: ContainerFact[] = [];
	for (const item of list) {
		let raw: Inspect;
		try {
			raw = (await docker.getContainer(item.Id).inspect()) as unknown as Inspect;
		} catch {
			continue; // removed between the list and the inspect
		}
		const imageId = raw.Image ?? item.ImageID;
		if (!archByImage.has(imageId)) {
			try {
				const image = (await docker.getImage(imageId).inspect()) as {Architecture?: string};
				archByImage.set(imageId, normaliseArch(image.Architecture));
			} catch {
				archByImage.set(imageId, null);
			}
		}
		containers.push(containerFact(raw, archByImage.get(imageId) ?? null));
	}
	return {
		...base,
		arch: normaliseArch(info.Architecture),
		defaultLogDriver: info.LoggingDriver ?? null,
		httpProxy: info.HttpProxy ?? '',
		httpsProxy: info.HttpsProxy ?? '',
		rootDir: info.DockerRootDir ?? null,
		containers,
	};
}
