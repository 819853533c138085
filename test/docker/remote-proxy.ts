// A TCP front for the local Docker socket: each connection to 127.0.0.1:<port> is piped byte for byte
// to /var/run/docker.sock, which is what dockerd -H tcp:// serves. It can hold new connections (the
// client stays "connecting"), and go away and come back on the same port (a remote daemon that drops).
import net from 'node:net';

export interface SocketProxy {
	port: number;
	/** Connections accepted so far. */
	accepted: number;
	/** Pipe the connections held so far, and every later one at once. */
	release(): void;
	/** Stop listening and cut every open connection, as a daemon or link going away does. */
	close(): Promise<void>;
	/** Listen again on the same port. */
	reopen(): Promise<void>;
}

export async function startSocketProxy(opts: {socketPath?: string; hold?: boolean; port?: number} = {}): Promise<SocketProxy> {
	const socketPath = opts.socketPath ?? '/var/run/docker.sock';
	let holding = opts.hold ?? false;
	const held: net.Socket[] = [];
	const open = new Set<net.Socket>();
	const pipe = (client: net.Socket) => {
		const upstream = net.connect(socketPath);
		open.add(upstream);
		upstream.on('close', () => open.delete(upstream));
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
		client.pipe(upstream);
		upstream.pipe(client);
		client.on('close', () => upstream.destroy());
		upstream.on('close', () => client.destroy());
	};
	let server: net.Server | null = null;
	const listen = (port: number) =>
		new Promise<number>((resolve, reject) => {
			const s = net.createServer(client => {
				proxy.accepted++;
				open.add(client);
				client.on('close', () => open.delete(client));
				client.on('error', () => undefined);
				if (holding) held.push(client);
				else pipe(client);
			});
			s.once('error', reject);
			s.listen(port, '127.0.0.1', () => {
				server = s;
				resolve((s.address() as net.AddressInfo).port);
			});
		});
	const proxy: SocketProxy = {
		port: 0,
		accepted: 0,
		release() {
			holding = false;
			for (const client of held.splice(0)) if (!client.destroyed) pipe(client);
		},
		async close() {
			const s = server;
			server = null;
			for (const socket of open) socket.destroy();
			open.clear();
			held.length = 0;
			if (s) await new Promise<void>(resolve => s.close(() => resolve()));
		},
		async reopen() {
			await listen(proxy.port);
		},
	};
	proxy.port = await listen(opts.port ?? 0);
	return proxy;
}
