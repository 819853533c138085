// A loopback port nothing listens on right now: for a server a test starts there later, or for an
// engine that must refuse the connection. Asked of the OS (listen on 0, then close).
import {createServer, type AddressInfo} from 'node:net';

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const {port} = server.address() as AddressInfo;
	await new Promise<void>(r => server.close(() => r()));
	return port;
}
