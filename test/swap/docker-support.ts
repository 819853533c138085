// Real Docker Engine helpers for swap tests: an image holding only the shared libraries node needs
// (made with `docker import`), and engine containers that run the demo's engine code with the
// node binary and the built project bind-mounted, on the host network. Every name carries a
// per-run id; only what this run made is removed.
import {copyFileSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import {execa} from 'execa';
import {REPO_ROOT} from '../support/paths.js';

export const RUN_ID = `${process.pid.toString(36)}${Date.now().toString(36)}`;
export const SWAP_LABEL = 'stackdeck.test.swap';
export const IMAGE = `stackdeck-test/node-runtime:${RUN_ID}`;

/** Imports a rootfs with node's shared libraries (from ldd) as this run's image. */
export async function importNodeImage(): Promise<void> {
	const root = mkdtempSync(path.join(tmpdir(), 'sd-swap-rootfs-'));
	try {
		const ldd = (await execa('ldd', [process.execPath])).stdout;
		const libs = [...ldd.matchAll(/(\/\S+\.so[.\d]*)/g)].map(m => m[1]!);
		for (const lib of new Set(libs)) {
			mkdirSync(path.join(root, path.dirname(lib)), {recursive: true});
			copyFileSync(lib, path.join(root, lib));
		}
		mkdirSync(path.join(root, 'tmp'));
		mkdirSync(path.join(root, 'app'));
		mkdirSync(path.join(root, 'usr/local/bin'), {recursive: true});
		await execa('sh', ['-c', `tar -C '${root}' -c . | docker import - ${IMAGE}`]);
	} finally {
		rmSync(root, {recursive: true, force: true});
	}
}

export async function createNodeContainer(docker: Docker, name: string, args: string[], workDir: string): Promise<Docker.Container> {
	return docker.createContainer({
		name,
		Image: IMAGE,
		Cmd: ['/usr/local/bin/node', ...args],
		Labels: {[SWAP_LABEL]: RUN_ID},
		HostConfig: {
			NetworkMode: 'host',
			Binds: [`${process.execPath}:/usr/local/bin/node:ro`, `${path.join(REPO_ROOT, 'dist')}:/app/dist:ro`, `${path.join(REPO_ROOT, 'package.json')}:/app/package.json:ro`, `${workDir}:${workDir}`],
			LogConfig: {Type: 'json-file', Config: {'max-size': '1m'}},
		},
	} as Docker.ContainerCreateOptions);
}

export async function removeRun(docker: Docker): Promise<void> {
	const list = await docker.listContainers({all: true, filters: {label: [`${SWAP_LABEL}=${RUN_ID}`]}}).catch(() => []);
	await Promise.all(list.map(c => docker.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
	await docker.getImage(IMAGE).remove({force: true}).catch(() => undefined);
}
