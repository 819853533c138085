// The demo's Docker Engine API on a unix socket (the docker CLI and dockerode reach it through
// DOCKER_HOST=unix://...). Owner-only permissions, like the daemon's socket without the docker group.

import {chmodSync, rmSync} from 'node:fs';
import http from 'node:http';
import type {Socket} from 'node:net';
import type {DemoDaemon} from './daemon.js';
import {route, sendError, type RouteContext} from './routes.js';

export interface DockerApiServer {
	socketPath: string;
	/** DOCKER_HOST value for clients. */
	dockerHost: string;
	close(): Promise<void>;
}

export async function serveDockerApi(daemon: DemoDaemon, socketPath: string): Promise<DockerApiServer> {
	const ctx: RouteContext = {daemon, listeners: {count: 0}};
	const sockets = new Set<Socket>();
	const server = http.createServer((req, res) => {
		Promise.resolve(route(ctx, req, res)).catch((error: unknown) => sendError(res, error));
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	rmSync(socketPath, {force: true});
	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) => reject(new Error(`demo Docker API on ${socketPath}: ${error.message}`)));
		server.listen(socketPath, () => resolve());
	});
	chmodSync(socketPath, 0o600);
	return {
		socketPath,
		dockerHost: `unix://${socketPath}`,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
				sockets.clear();
			}),
	};
}
