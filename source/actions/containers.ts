// Container actions: start, stop, restart through the container's host's Docker client (the one the
// Docker source watches). Each reports its progress into the containers slice; the events stream
// then updates the row's state.

import type {Host} from '../hosts/host.js';
import {update, type AppStore} from '../store/index.js';
import {setBusy} from '../store/slices/containers.js';
import {showNotice} from '../store/slices/ui.js';

export type ContainerVerb = 'start' | 'stop' | 'restart';

const PROGRESS: Record<ContainerVerb, string> = {start: 'starting…', stop: 'stopping…', restart: 'restarting…'};

export async function runContainerAction(store: AppStore, host: Host, verb: ContainerVerb, id: string, name: string): Promise<void> {
	let docker;
	try {
		docker = host.docker().docker;
	} catch (error) {
		throw new Error(`cannot ${verb} ${name}: not connected to Docker (${(error as Error).message})`);
	}
	update(store, 'containers', s => setBusy(s, id, PROGRESS[verb]));
	try {
		const container = docker.getContainer(id);
		if (verb === 'start') await container.start();
		else if (verb === 'stop') await container.stop({t: 10});
		else await container.restart({t: 10});
		update(store, 'ui', ui => showNotice(ui, `${name}: ${verb} done`, 'ok'));
	} catch (error) {
		const e = error as {statusCode?: number; json?: {message?: string}; message?: string};
		// 304: already in the wanted state.
		if (e.statusCode === 304) update(store, 'ui', ui => showNotice(ui, `${name}: already ${verb === 'start' ? 'running' : 'stopped'}`, 'info'));
		else throw new Error(`${verb} ${name}: ${e.json?.message ?? e.message ?? String(error)}`);
	} finally {
		update(store, 'containers', s => setBusy(s, id, null));
	}
}
