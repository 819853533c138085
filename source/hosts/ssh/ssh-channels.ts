// Docker over ssh://: one SSH connection per Docker host, shared by every request; each HTTP request
// goes over a channel running `docker system dial-stdio` (what the docker CLI runs over ssh), one
// request at a time per channel, channels kept for the next request and at most MAX_CHANNELS. dockerode's
// own ssh support opens a new SSH connection per request (1-2.5 s each, and sshd's MaxStartups drops
// handshakes past 10 at once) and accepts any host key; here the key is checked against known_hosts as
// ssh checks it, and a dropped connection is opened again on the next request.

import type http from 'node:http';
import type {Duplex} from 'node:stream';
import type {Client, ClientChannel, ConnectConfig, ServerHostKeyAlgorithm} from 'ssh2';
import {nodeHttp, ssh2} from '../client-modules.js';
import {checkHostKey, hostKeyRefusal, knownHostsName, preferredHostKeyAlgorithms} from '../../domain/containers/known-hosts.js';
import {CONNECT_TIMEOUT_MS, connectTcp} from '../connect-timeout.js';
import type {KnownHostsFiles} from './known-hosts-files.js';

/** Channels open at once on the one connection: sshd's MaxSessions is 10 by default; more requests queue. */
export const MAX_CHANNELS = 8;
/** A refused channel is asked for again this many times before the refusal is the answer. */
const MAX_REFUSALS = 6;
/** The first retry of a refused channel waits this long, doubling up to a second. */
const REFUSED_WAIT_MS = 50;
/** A limit lowered by a refusal goes back to MAX_CHANNELS after this long without another. */
const LOWERED_LIMIT_MS = 60_000;
/** A channel the server refused (SSH_MSG_CHANNEL_OPEN_FAILURE): ssh2 gives its reason code. OpenSSH
 * says "open failed" with SSH2_OPEN_CONNECT_FAILED (2) when it has no session to spare. */
const refusedOpen = (error: Error): boolean => typeof (error as {reason?: unknown}).reason === 'number';
/** An idle channel (a docker CLI process on the remote host) is closed after this long unused. */
export const IDLE_MS = 30_000;
export const DIAL_STDIO = 'docker system dial-stdio';

const HOST_KEY_ALGORITHMS: ServerHostKeyAlgorithm[] = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];

/** One SSH server on the way: a jump host (ProxyJump) or the Docker host itself. */
export interface SshHopOptions {
	host: string;
	port: number;
	username: string;
	/** "ssh://me@box:2222", for messages. */
	endpoint: string;
	privateKey?: Buffer | undefined;
	/** Said when the host name is not found (ENOTFOUND): where it came from and what to fix. */
	unresolved?: string;
	/** Set when this hop cannot be reached as configured (a ProxyCommand): said instead of connecting elsewhere. */
	unsupported?: string;
}

export interface SshChannelsOptions extends SshHopOptions {
	/** SSH_AUTH_SOCK. */
	agentSocket?: string | undefined;
	/** Read at every connect, so a key accepted meanwhile counts at the next retry. */
	knownHosts: () => KnownHostsFiles;
	connectTimeoutMs?: number;
	/** ProxyJump: reached in this order, each through the one before, the Docker host through the last. */
	jumps?: SshHopOptions[];
}

export interface SshChannels {
	/** Give this to dockerode (options.agent): its requests then go over channels of the shared connection. */
	agent: http.Agent;
	/** SSH connections that got through the handshake and login so far. */
	readonly connections: number;
	/** Runs a shell command line there on a channel of the shared connection (it takes one of the channel slots). */
	exec(command: string, options?: {signal?: AbortSignal; timeoutMs?: number}): Promise<{exitCode: number | null; stdout: string; stderr: string}>;
	close(): void;
}

/** A refusal of the server's host key; its message says what to do. */
export class SshHostKeyError extends Error {
	readonly code = 'SSH_HOST_KEY';
}

/** `docker system dial-stdio` failed on the remote host before answering. */
export class SshDialStdioError extends Error {
	readonly code = 'SSH_DIAL_STDIO';
}

export function sshChannels(opts: SshChannelsOptions): SshChannels {
	let ready: Promise<Client> | null = null;
	let current: Client | null = null;
	let closed = false;
	let connections = 0;

	/** SSH login on an open stream (a TCP socket, or a channel forwarded by a jump host). */
	const loginOver = (sock: Duplex, hop: SshHopOptions, files: KnownHostsFiles): Promise<Client> => {
		const name = knownHostsName(hop.host, hop.port);
		let refusal: string | null = null;
		const client = new (ssh2().Client)();
		return new Promise<Client>((resolve, reject) => {
			let settled = false;
			const fail = (error: Error) => {
				if (settled) return;
				settled = true;
				sock.destroy();
				reject(refusal ? new SshHostKeyError(refusal) : error);
			};
			client.once('ready', () => {
				if (settled) return;
				settled = true;
				resolve(client);
			});
			client.on('error', fail);
			client.once('close', () => fail(new Error(`SSH connection to ${hop.endpoint} closed during login`)));
			const config: ConnectConfig = {
				sock,
				username: hop.username,
				agent: opts.agentSocket,
				hostVerifier: (key: Buffer) => {
					const verdict = checkHostKey(files.entries, name, key);
					refusal = hostKeyRefusal(verdict, key, {endpoint: hop.endpoint, host: hop.host, port: hop.port, username: hop.username, userFile: files.userFile});
					if (refusal && files.problems.length > 0) refusal += ` (note: ${files.problems.join('; ')})`;
					return refusal === null;
				},
				algorithms: {serverHostKey: preferredHostKeyAlgorithms(files.entries, name, HOST_KEY_ALGORITHMS)},
				// A link that dies silently (a phone, a sleeping laptop) is noticed within ~45 s.
				keepaliveInterval: 15_000,
				keepaliveCountMax: 3,
				readyTimeout: 20_000,
			};
			if (hop.privateKey) config.privateKey = hop.privateKey;
			client.connect(config);
		});
	};

	/** TCP to the first hop, then through each jump host (as `ssh -J` does, a direct-tcpip channel) to the next. */
	const login = async (): Promise<Client> => {
		const hops = [...(opts.jumps ?? []), opts];
		if (hops[0]!.unsupported) throw Object.assign(new Error(hops[0]!.unsupported), {code: 'SSH_UNSUPPORTED'});
		const files = opts.knownHosts();
		let sock: Duplex = await connectTcp(hops[0]!.host, hops[0]!.port, opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS).catch((error: NodeJS.ErrnoException) => {
			throw unresolved(error, hops[0]!);
		});
		const jumps: Client[] = [];
		try {
			for (let i = 0; ; i++) {
				const client = await loginOver(sock, hops[i]!, files);
				if (i === hops.length - 1) {
					connections++;
					// The jump hosts' connections live as long as the one they carry.
					if (jumps.length > 0) client.once('close', () => jumps.forEach(j => j.end()));
					return client;
				}
				jumps.push(client);
				const next = hops[i + 1]!;
				sock = await forward(client, next, hops[i]!.endpoint).catch((error: Error) => {
					throw /getaddrinfo|name resolution|not known/i.test(error.message) ? unresolved(Object.assign(error, {code: 'ENOTFOUND'}), next) : error;
				});
			}
		} catch (error) {
			jumps.forEach(j => j.end());
			throw error;
		}
	};

	const connection = (): Promise<Client> => {
		if (ready) return ready;
		const attempt = login();
		ready = attempt;
		attempt.then(
			client => {
				const gone = () => {
					if (ready === attempt) ready = null;
					if (current === client) current = null;
				};
				client.on('close', gone);
				client.on('end', gone);
				client.on('error', gone);
				current = client;
				if (closed) client.end();
			},
			() => {
				if (ready === attempt) ready = null;
			},
		);
		return attempt;
	};

	// Channels open or being opened, the most that may be (MAX_CHANNELS, lower after a refusal), a
	// queue of requests waiting for one, and the idle ones (kept for the next request, closed after
	// IDLE_MS) with their timers.
	let live = 0;
	let limit = MAX_CHANNELS;
	let restore: NodeJS.Timeout | undefined;
	const waiting: (() => void)[] = [];
	const idle = new Map<Duplex, NodeJS.Timeout>();
	const ended = new WeakSet<Duplex>();
	const pump = () => {
		while (live < limit && waiting.length > 0) {
			live++;
			waiting.shift()!();
		}
	};
	const release = () => {
		live--;
		// At a box's limit (a refusal lowered ours), sshd frees a closed channel's session only after the
		// packets it has already read: a channel asked for at once would be refused, so it waits a moment.
		if (limit < MAX_CHANNELS) setTimeout(pump, REFUSED_WAIT_MS);
		else pump();
	};
	/** Out of the agent's idle list: the agent only skips idle sockets flagged destroyed, which ssh2's channels never are. */
	const unpool = (channel: Duplex) => {
		clearTimeout(idle.get(channel));
		idle.delete(channel);
		for (const list of Object.values(agent.freeSockets)) {
			const i = list?.indexOf(channel as never) ?? -1;
			if (i >= 0) list!.splice(i, 1);
		}
	};
	/** Close an idle channel (its 'close' frees its slot). */
	const retire = (channel: Duplex) => {
		unpool(channel);
		channel.destroy();
	};
	/** Resolves when a channel may be opened; makes room by closing an idle one when all are taken. */
	const slot = (): Promise<void> => {
		if (live < limit && waiting.length === 0) {
			live++;
			return Promise.resolve();
		}
		const [spare] = idle.keys();
		if (spare) retire(spare);
		return new Promise(resolve => waiting.push(resolve));
	};
	/**
	 * After the server refused a channel (its slot already freed): whether to ask again, once this
	 * resolves. A box may set MaxSessions below MAX_CHANNELS, and a loaded sshd frees a closed
	 * channel's session late (after the packets it has already read), so it can refuse though fewer
	 * are open. The limit drops to the channels still open (at least one; back up after a minute
	 * without a refusal), and the next try waits a moment, longer each time, then for a slot.
	 */
	const roomAgain = (error: Error, refusals: number): Promise<void> | null => {
		if (!refusedOpen(error) || refusals >= MAX_REFUSALS || closed) return null;
		limit = Math.max(1, live);
		clearTimeout(restore);
		restore = setTimeout(() => {
			limit = MAX_CHANNELS;
			pump();
		}, LOWERED_LIMIT_MS);
		restore.unref?.();
		return new Promise(resolve => setTimeout(resolve, Math.min(1000, REFUSED_WAIT_MS * 2 ** refusals)));
	};

	/** A `docker system dial-stdio` channel, in a slot; asked for again while the server has no room. */
	const dialChannel = (callback: (err: Error | null, stream?: Duplex) => void, refusals = 0) => {
		if (closed) return callback(new Error(`SSH connection to ${opts.endpoint} closed`));
		void slot().then(() =>
			connection().then(
				client => openChannel(client, callback, refusals),
				(error: Error) => {
					release();
					callback(error);
				},
			),
		);
	};

	const openChannel = (client: Client, callback: (err: Error | null, stream?: Duplex) => void, refusals: number) => {
		let released = false;
		const once = () => {
			if (!released) {
				released = true;
				release();
			}
		};
		try {
			client.exec(DIAL_STDIO, (error, stream) => {
				if (error) {
					once();
					const again = roomAgain(error, refusals);
					if (again) return void again.then(() => dialChannel(callback, refusals + 1));
					return callback(error);
				}
				stream.once('close', () => {
					unpool(stream);
					once();
				});
				// The remote end finished (dial-stdio lost the daemon): never hand this channel out again.
				stream.once('end', () => {
					ended.add(stream);
					if (idle.has(stream)) retire(stream);
				});
				watchDialStdio(stream);
				callback(null, stream);
			});
		} catch (error) {
			once();
			callback(error as Error);
		}
	};

	class ChannelAgent extends nodeHttp().Agent {
		override createConnection(_options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void): undefined {
			dialChannel(callback as (err: Error | null, stream?: Duplex) => void);
			return undefined;
		}
		/** An idle channel is kept for the next request (no TCP keepalive or unref: it is not a socket),
		 * unless a request waits for a slot: the agent asked for more channels than may be open (it counts
		 * a channel only once opened), so this one closes to make room. */
		override keepSocketAlive(socket: Duplex): boolean {
			if (waiting.length > 0 || ended.has(socket)) return false;
			const timer = setTimeout(() => retire(socket), IDLE_MS);
			timer.unref?.();
			idle.set(socket, timer);
			return true;
		}
		override reuseSocket(socket: Duplex, request: http.ClientRequest): void {
			clearTimeout(idle.get(socket));
			idle.delete(socket);
			request.reusedSocket = true;
		}
	}
	// A channel carries one request at a time and is reused for the next: a new one costs a docker CLI
	// start on the remote host (0.5-0.8 s until the first answer here), a reused one about a millisecond.
	const agent = new ChannelAgent({keepAlive: true, maxSockets: MAX_CHANNELS, maxFreeSockets: MAX_CHANNELS, scheduling: 'lifo'});

	return {
		agent,
		get connections() {
			return connections;
		},
		async exec(command, options = {}) {
			for (let refusals = 0; ; refusals++) {
				if (closed) throw new Error(`SSH connection to ${opts.endpoint} closed`);
				options.signal?.throwIfAborted();
				await slot();
				let client: Client;
				try {
					client = await connection();
				} catch (error) {
					release();
					throw error;
				}
				try {
					// The slot is freed when the channel closes, which may be after a cancel has settled the promise.
					return await runOnChannel(client, command, opts.endpoint, options, release);
				} catch (error) {
					const again = roomAgain(error as Error, refusals);
					if (!again) throw error;
					await again;
				}
			}
		},
		close() {
			closed = true;
			clearTimeout(restore);
			for (const channel of [...idle.keys()]) retire(channel);
			agent.destroy();
			current?.end();
			current = null;
			ready = null;
		},
	};
}

/** A host name nobody knows, said with where it came from (the alias, ~/.ssh/config). */
function unresolved(error: NodeJS.ErrnoException, hop: SshHopOptions): Error {
	if ((error.code !== 'ENOTFOUND' && error.code !== 'EAI_AGAIN') || !hop.unresolved) return error;
	return Object.assign(new Error(`Docker host ${hop.endpoint} not found: ${hop.unresolved}`), {code: 'SSH_UNRESOLVED'});
}

/** A channel from the jump host to the next hop's SSH port (what `ssh -W host:port` asks for). */
function forward(client: Client, next: SshHopOptions, via: string): Promise<Duplex> {
	return new Promise((resolve, reject) => {
		try {
			client.forwardOut('127.0.0.1', 0, next.host, next.port, (error, stream) => {
				if (error) reject(Object.assign(new Error(`jump host ${via} could not reach ${next.host}:${next.port} (${error.message})`), {code: 'SSH_JUMP'}));
				else resolve(stream);
			});
		} catch (error) {
			reject(error as Error);
		}
	});
}

/**
 * One command on its own channel: output collected, killed by the deadline or the signal. The
 * deadline runs from the channel's request: a box that freezes mid-session (its sshd stopped, the
 * connection still up) never confirms the opening, and the call must still end.
 */
function runOnChannel(
	client: Client,
	command: string,
	endpoint: string,
	options: {signal?: AbortSignal; timeoutMs?: number},
	closed: () => void,
): Promise<{exitCode: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		let settled = false;
		let channel: ClientChannel | null = null;
		const hangUp = (stream: ClientChannel) => {
			try {
				stream.signal('KILL');
			} catch {
				// An older server without signal support: the close below still hangs the command up.
			}
			stream.close();
		};
		const done = (result: Error | {exitCode: number | null; stdout: string; stderr: string}) => {
			if (settled) return;
			settled = true;
			if (timer) clearTimeout(timer);
			options.signal?.removeEventListener('abort', onAbort);
			if (result instanceof Error) reject(result);
			else resolve(result);
		};
		// Settles at once: sshd keeps the channel until the command ends, which KILL (when the server
		// takes signals) and the channel's close then bring about in the background. A channel not yet
		// open is hung up when it opens; until then (or until the keepalive drops the connection) it keeps its slot.
		const stop = (why: Error) => {
			done(why);
			if (channel) hangUp(channel);
		};
		const timer = options.timeoutMs
			? setTimeout(() => stop(Object.assign(new Error(`\`${command}\` on ${endpoint}: no end within ${options.timeoutMs} ms`), {code: 'ETIMEDOUT'})), options.timeoutMs)
			: null;
		const onAbort = () => stop(options.signal?.reason instanceof Error ? options.signal.reason : new Error('cancelled'));
		options.signal?.addEventListener('abort', onAbort, {once: true});
		const onChannel = (error: Error | undefined, stream: ClientChannel) => {
			if (error) {
				closed();
				return done(error);
			}
			channel = stream;
			// Whole buffers, decoded once: a character split across two chunks stays whole.
			const stdout: Buffer[] = [];
			const stderr: Buffer[] = [];
			let exitCode: number | null = null;
			stream.on('data', (chunk: Buffer) => stdout.push(chunk));
			stream.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
			stream.on('exit', (code: number | null) => (exitCode = code));
			stream.on('error', (e: Error) => done(e));
			stream.on('close', () => {
				closed();
				done({exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8')});
			});
			if (settled) hangUp(stream);
		};
		try {
			client.exec(command, onChannel);
		} catch (error) {
			// The connection went away between login and this request: no channel, no close to wait for.
			closed();
			done(error as Error);
		}
	});
}

/** When dial-stdio fails before answering (no docker CLI there, no access to its socket), say so with its stderr. */
function watchDialStdio(stream: ClientChannel): void {
	let answered = false;
	let stderr = '';
	// Noticed where ssh2 hands data to the stream, without reading it (the HTTP client does that).
	const push = stream.push.bind(stream);
	stream.push = (chunk: unknown, encoding?: BufferEncoding) => {
		if (chunk !== null) answered = true;
		return push(chunk, encoding);
	};
	stream.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-400)));
	// The request owns the stream's errors; this one only keeps a late error from being unhandled.
	stream.on('error', () => undefined);
	stream.once('exit', (code: number | null) => {
		if (answered || code === 0) return;
		const said = stderr.trim().replace(/\s+/g, ' ');
		stream.emit('error', new SshDialStdioError(`\`${DIAL_STDIO}\` failed there (exit ${code ?? 'by a signal'})${said ? `: ${said}` : ''}`));
	});
}
