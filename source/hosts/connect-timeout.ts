// Connect timeouts for remote daemons: a host that drops packets without answering would otherwise
// keep the panel on "Connecting…" for the kernel's ~2 minutes of SYN retries. tcp:// requests go
// through an http(s) Agent whose sockets give up after CONNECT_TIMEOUT_MS; ssh:// dials through connectTcp.

import type http from 'node:http';
import type https from 'node:https';
import net from 'node:net';
import type {Duplex} from 'node:stream';
import {nodeHttp, nodeHttps} from './client-modules.js';

export const CONNECT_TIMEOUT_MS = 5000;

export interface ConnectTimeoutError extends NodeJS.ErrnoException {
	/** Set only on our own timeout, so messages can say how long we waited. */
	connectTimeoutMs: number;
}

export function connectTimeoutError(host: string, port: number, ms: number): ConnectTimeoutError {
	const error = new Error(`connect to ${host}:${port} got no answer within ${ms} ms`) as ConnectTimeoutError;
	error.code = 'ETIMEDOUT';
	error.connectTimeoutMs = ms;
	return error;
}

/** Destroy `socket` with a timeout error unless it connects within `ms`. */
function limitConnect(socket: net.Socket, host: string, port: number, ms: number): void {
	if (!socket.connecting) return;
	const timer = setTimeout(() => socket.destroy(connectTimeoutError(host, port, ms)), ms);
	timer.unref?.();
	const clear = () => clearTimeout(timer);
	socket.once('connect', clear);
	socket.once('close', clear);
}

/** An Agent for tcp:// (http) or TLS (https) daemons whose connections give up connecting after `ms`. */
export function timedAgent(tls: boolean, ms: number = CONNECT_TIMEOUT_MS, tlsOptions: https.AgentOptions = {}): http.Agent {
	const limit = (socket: Duplex | null | undefined, options: http.ClientRequestArgs) => {
		if (socket instanceof net.Socket) limitConnect(socket, String(options.host ?? options.hostname ?? ''), Number(options.port ?? 0), ms);
		return socket;
	};
	if (tls)
		return new (class extends nodeHttps().Agent {
			constructor() {
				super(tlsOptions);
			}
			override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void) {
				return limit(super.createConnection(options, callback), options);
			}
		})();
	return new (class extends nodeHttp().Agent {
		override createConnection(options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void) {
			return limit(super.createConnection(options, callback), options);
		}
	})();
}

/** A connected TCP socket to host:port, or the connect error (ECONNREFUSED, …, or our timeout after `ms`). */
export function connectTcp(host: string, port: number, ms: number = CONNECT_TIMEOUT_MS): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({host, port});
		limitConnect(socket, host, port, ms);
		const onError = (error: Error) => reject(error);
		socket.once('error', onError);
		socket.once('connect', () => {
			socket.off('error', onError);
			resolve(socket);
		});
	});
}
