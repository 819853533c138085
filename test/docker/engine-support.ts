// Real Docker Engine helpers for tests: is a daemon there, a busybox image made with `docker import`,
// containers named like the seed stack that print log lines (known failures included), cleanup.
import {mkdtempSync, mkdirSync, copyFileSync, symlinkSync, writeFileSync, existsSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import Docker from 'dockerode';

export const IMAGE = 'stackdeck-test/busybox:1';
export const LABEL = 'stackdeck.test';
/** Per run, so two runs (or a developer's own containers) never collide or remove each other's. */
export const RUN_ID = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
export const PREFIX = `sdtest-${RUN_ID}-`;

export async function daemonAnswers(docker: Docker): Promise<boolean> {
	try {
		await docker.ping();
		return true;
	} catch {
		return false;
	}
}

/** Skip (with a visible notice) without a daemon; under CI=true a missing daemon is a failure. */
export async function requireDaemon(docker: Docker): Promise<boolean> {
	if (await daemonAnswers(docker)) return true;
	if (process.env['CI'] === 'true') throw new Error('CI=true but no Docker daemon answers: run scripts/ensure-docker.sh before the tests');
	console.warn('[stackdeck] Docker integration tests SKIPPED: no Docker daemon answers (run scripts/ensure-docker.sh)');
	return false;
}

export async function ensureImage(docker: Docker): Promise<void> {
	try {
		await docker.getImage(IMAGE).inspect();
		return;
	} catch {
		// build it below
	}
	const busybox = ['/bin/busybox', '/usr/bin/busybox'].find(p => existsSync(p));
	if (!busybox) throw new Error('busybox-static not installed: apt-get install busybox-static (scripts/ensure-docker.sh does)');
	const root = mkdtempSync(join(tmpdir(), 'sd-rootfs-'));
	mkdirSync(join(root, 'bin'));
	mkdirSync(join(root, 'tmp'));
	copyFileSync(busybox, join(root, 'bin/busybox'));
	for (const applet of ['sh', 'echo', 'sleep', 'cat', 'date', 'seq', 'yes', 'true']) symlinkSync('busybox', join(root, 'bin', applet));
	// Into the daemon `docker` talks to (a test's private one has its own socket).
	const socketPath = (docker.modem as {socketPath?: string}).socketPath;
	const env = socketPath ? {DOCKER_HOST: `unix://${socketPath}`} : {};
	await execa('sh', ['-c', `tar -C '${root}' -c . | docker import - ${IMAGE}`], {env});
	rmSync(root, {recursive: true, force: true});
}

/** A shell loop printing a numbered line every 200 ms to stdout, and known failures to stderr. */
export const LOOP = [
	'sh',
	'-c',
	'trap "exit 0" TERM; i=0; echo "boot: BadRequestError: roles must alternate" >&2; while true; do i=$((i+1)); echo "tick $i"; if [ $((i % 5)) -eq 0 ]; then echo "Invalid tool call format at $i" >&2; fi; sleep 0.2; done',
];

export interface SeedStack {
	stateDir: string;
	configToml: string;
}

export function seedDirs(): SeedStack {
	const stateDir = mkdtempSync(join(tmpdir(), 'sd-openhands-state-'));
	const configToml = join(stateDir, 'config.toml');
	writeFileSync(configToml, '[llm]\nmodel = "openai/test"\n');
	return {stateDir, configToml};
}

/**
 * A container named like a stack service. `bridge: false` (a daemon without the default bridge network)
 * runs it with no network: a published port needs the bridge, so the port is only exposed.
 */
export async function createStackContainer(docker: Docker, name: string, opts: {env?: string[]; binds?: string[]; port?: number; start?: boolean; logMaxSize?: boolean; bridge?: boolean} = {}): Promise<Docker.Container> {
	const bridge = opts.bridge !== false;
	const container = await docker.createContainer({
		name: PREFIX + name,
		Image: IMAGE,
		Cmd: LOOP,
		Env: opts.env ?? [],
		Labels: {[LABEL]: RUN_ID},
		ExposedPorts: opts.port ? {[`${opts.port}/tcp`]: {}} : undefined,
		HostConfig: {
			Binds: opts.binds,
			NetworkMode: bridge ? undefined : 'none',
			PortBindings: opts.port && bridge ? {[`${opts.port}/tcp`]: [{HostPort: '0'}]} : undefined,
			LogConfig: {Type: 'json-file', Config: opts.logMaxSize === false ? {} : {'max-size': '1m', 'max-file': '2'}},
			StopTimeout: 1,
		} as Docker.HostConfig,
		StopTimeout: 1,
	} as Docker.ContainerCreateOptions);
	if (opts.start !== false) await container.start();
	return container;
}

export async function removeTestContainers(docker: Docker): Promise<void> {
	const list = await docker.listContainers({all: true, filters: {label: [`${LABEL}=${RUN_ID}`]}}).catch(() => []);
	await Promise.all(list.map(c => docker.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
}

/** Wait until `check` returns true (polling the store, never Docker), or fail naming what was awaited. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<number> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise(r => setTimeout(r, 10));
	}
	return Date.now() - start;
}
