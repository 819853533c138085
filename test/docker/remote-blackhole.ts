// A TCP port on 127.0.0.1 whose connects hang, as a host behind a firewall that drops packets: a child
// process listens with a backlog of 1 and is then stopped (SIGSTOP), so it never accepts; the kernel
// completes handshakes into its accept queue until that is full, then drops every further SYN without a
// reply, and the client's connect waits through its SYN retries (~2 minutes on Linux). A server that
// accepts and stays silent is not the same: there the connect succeeds. Needs no root and no iptables.
import {spawn} from 'node:child_process';
import net from 'node:net';

export interface Blackhole {
	port: number;
	close(): Promise<void>;
}

export async function startBlackhole(): Promise<Blackhole> {
	const listener = `const s = require('net').createServer(); s.listen({port: 0, host: '127.0.0.1', backlog: 1}, () => console.log(s.address().port));`;
	const child = spawn(process.execPath, ['-e', listener], {stdio: ['ignore', 'pipe', 'inherit']});
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			if (out.includes('\n')) resolve(Number(out.trim()));
		});
		child.once('exit', code => reject(new Error(`blackhole listener exited (${code}) before listening`)));
	});
	const fillers: net.Socket[] = [];
	const close = async () => {
		for (const s of fillers) s.destroy();
		child.kill('SIGKILL');
		await exited;
	};
	try {
		process.kill(child.pid!, 'SIGSTOP');
		// Fill the accept queue; the first connect that does not complete shows it is full.
		for (let i = 0; i < 32; i++) {
			const socket = net.connect(port, '127.0.0.1');
			socket.on('error', () => undefined);
			fillers.push(socket);
			const connected = await new Promise<boolean>(resolve => {
				const timer = setTimeout(() => resolve(false), 1000);
				socket.once('connect', () => {
					clearTimeout(timer);
					resolve(true);
				});
			});
			if (!connected) return {port, close};
		}
		throw new Error(`blackhole on 127.0.0.1:${port}: 32 connects completed, the accept queue never filled`);
	} catch (error) {
		await close();
		throw error;
	}
}
