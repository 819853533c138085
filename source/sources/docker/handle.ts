// The running Docker source's client, for actions (start/stop/restart) that must use the same
// connection. Null until the source has started.

import type Docker from 'dockerode';

let current: Docker | null = null;

export function setActiveDocker(docker: Docker | null): void {
	current = docker;
}

export function activeDocker(): Docker | null {
	return current;
}
