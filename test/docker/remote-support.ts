// Helpers for the DOCKER_HOST tests: their own containers (own label and name prefix, so the socket
// tests' cleanup and theirs never remove each other's; each test file its own prefix, as files run in
// parallel), the screen as text, and waiting on it.
import Docker from 'dockerode';
import {IMAGE, LOOP, RUN_ID} from './engine-support.js';
import {update} from '../../source/store/index.js';
import {plain, renderCockpit, type RenderedCockpit} from '../support/render-frame.js';

export const REMOTE_LABEL = 'stackdeck.test.remote';
export const REMOTE_PREFIX = `sdremote-${RUN_ID}-`;

export async function createRemoteContainer(docker: Docker, name: string, opts: {start?: boolean; prefix?: string} = {}): Promise<Docker.Container> {
	const prefix = opts.prefix ?? REMOTE_PREFIX;
	const container = await docker.createContainer({
		name: prefix + name,
		Image: IMAGE,
		Cmd: LOOP,
		Labels: {[REMOTE_LABEL]: prefix},
		// A daemon restarted under them (by hand, or a machine reboot) brings them back.
		HostConfig: {LogConfig: {Type: 'json-file', Config: {'max-size': '1m'}}, RestartPolicy: {Name: 'unless-stopped'}},
		StopTimeout: 1,
	} as Docker.ContainerCreateOptions);
	if (opts.start !== false) await container.start();
	return container;
}

export async function removeRemoteContainers(docker: Docker, prefix = REMOTE_PREFIX): Promise<void> {
	const list = await docker.listContainers({all: true, filters: {label: [REMOTE_LABEL]}}).catch(() => []);
	const mine = list.filter(c => c.Names.some(n => n.startsWith(`/${prefix}`)));
	await Promise.all(mine.map(c => docker.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
}

/** The latest frame as plain text (colours removed). */
export function screenText(cockpit: RenderedCockpit): string {
	return cockpit.frame().map(plain).join('\n');
}

/** Let the cockpit render (and the source poll, as the scheduler would) until `check` holds; fail with the screen. */
export async function until(what: string, cockpit: RenderedCockpit, check: () => boolean, opts: {poll?: {poll?: () => Promise<void> | void}; timeoutMs?: number} = {}): Promise<void> {
	const timeoutMs = opts.timeoutMs ?? 10_000;
	const start = Date.now();
	for (;;) {
		await opts.poll?.poll?.();
		await cockpit.settle();
		if (check()) return;
		if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen:\n${screenText(cockpit)}`);
		await new Promise(r => setTimeout(r, 50));
	}
}

/** The cockpit with the Containers panel zoomed to the full width, as `z` on it does: its banner lines are long. */
export async function renderContainersZoomed(cols: number, rows: number): Promise<RenderedCockpit> {
	const cockpit = await renderCockpit(cols, rows);
	update(cockpit.store, 'ui', ui => ({...ui, focused: 'containers', zoomed: true}));
	await cockpit.settle();
	return cockpit;
}
