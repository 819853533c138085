// A Docker daemon of the test's own, for tests that stop and restart one: its own socket, data root,
// exec root and pid file under a temporary folder, no bridge and no iptables rules, so the machine's
// dockerd (and everyone's containers on it) is never touched. It runs in a network namespace of its
// own: a dockerd started with --bridge=none deletes the docker0 interface it finds, which in the
// machine's namespace is the machine daemon's bridge.
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, openSync, closeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import Docker from 'dockerode';
import {waitFor} from './engine-support.js';

export interface PrivateDaemon {
	dir: string;
	socketPath: string;
	/** DOCKER_HOST value for this daemon. */
	host: string;
	docker: Docker;
	pid(): number;
	/** SIGTERM, as a service manager stops dockerd; resolves once the process is gone. */
	stop(): Promise<void>;
	start(): Promise<void>;
	/** Stop, unmount what it left mounted, remove the folder. */
	dispose(): Promise<void>;
}

const UNSHARE = '/usr/bin/unshare';

function dockerdPath(): string | null {
	for (const p of ['/usr/sbin/dockerd', '/usr/bin/dockerd', '/usr/local/bin/dockerd']) if (existsSync(p)) return p;
	return null;
}

/** Start a private dockerd; null (with a visible notice) when this machine cannot run one. Under CI=true that is a failure. */
export async function startPrivateDaemon(): Promise<PrivateDaemon | null> {
	const bin = dockerdPath();
	const why = !bin
		? 'dockerd is not installed (apt-get install docker.io)'
		: process.getuid?.() !== 0
			? 'starting a dockerd needs root'
			: !existsSync(UNSHARE)
				? `${UNSHARE} is missing (util-linux): the private dockerd needs a network namespace of its own`
				: null;
	if (why) {
		if (process.env['CI'] === 'true') throw new Error(`CI=true but the private Docker daemon cannot start: ${why}`);
		console.warn(`[stackdeck] private Docker daemon tests SKIPPED: ${why}`);
		return null;
	}
	// Short path: a unix socket path is limited to ~108 bytes.
	const dir = mkdtempSync(join(tmpdir(), 'sd-dockerd-'));
	const socketPath = join(dir, 'docker.sock');
	const pidFile = join(dir, 'docker.pid');
	const args = [
		`--host=unix://${socketPath}`,
		`--data-root=${join(dir, 'data')}`,
		`--exec-root=${join(dir, 'exec')}`,
		`--pidfile=${pidFile}`,
		'--bridge=none',
		'--iptables=false',
		'--ip6tables=false',
	];
	const docker = new Docker({socketPath});
	let child: ChildProcess | null = null;
	const start = async (): Promise<void> => {
		const log = openSync(join(dir, 'dockerd.log'), 'a');
		// `unshare --net` execs dockerd (same pid) in a new network namespace.
		child = spawn(UNSHARE, ['--net', bin!, ...args], {stdio: ['ignore', log, log], detached: false});
		closeSync(log);
		const proc = child;
		let exited = false;
		proc.once('exit', () => {
			exited = true;
		});
		const t0 = Date.now();
		for (;;) {
			try {
				await docker.ping();
				return;
			} catch {
				// not yet
			}
			if (exited || Date.now() - t0 > 60_000) {
				const tail = readFileSync(join(dir, 'dockerd.log'), 'utf8').split('\n').slice(-15).join('\n');
				throw new Error(`the private dockerd did not answer on ${socketPath}; its log ends:\n${tail}`);
			}
			await new Promise(r => setTimeout(r, 200));
		}
	};
	const pid = (): number => Number(readFileSync(pidFile, 'utf8').trim());
	const stop = async (): Promise<void> => {
		const proc = child;
		if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
		const gone = new Promise<void>(resolve => proc.once('exit', () => resolve()));
		proc.kill('SIGTERM');
		await gone;
	};
	const dispose = async (): Promise<void> => {
		const list = await docker.listContainers({all: true}).catch(() => []);
		await Promise.all(list.map(c => docker.getContainer(c.Id).remove({force: true}).catch(() => undefined)));
		await stop();
		// overlay mounts under the data root outlive the daemon when it is killed hard.
		const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map(l => l.split(' ')[1] ?? '').filter(m => m.startsWith(dir)).reverse();
		for (const m of mounts) await execa('umount', ['-l', m]).catch(() => undefined);
		rmSync(dir, {recursive: true, force: true});
	};
	await start();
	await waitFor('the private dockerd pid file', () => existsSync(pidFile), 10_000);
	return {dir, socketPath, host: `unix://${socketPath}`, docker, pid, stop, start, dispose};
}

/** The default bridge network exists on this daemon (a daemon run with --bridge=none has none). */
export async function hasBridge(docker: Docker): Promise<boolean> {
	const nets = await docker.listNetworks({filters: {name: ['bridge']}}).catch(() => []);
	return nets.some(n => n.Name === 'bridge');
}
