// A throwaway OpenSSH server on 127.0.0.1 for the ssh:// DOCKER_HOST test: its own host key, one
// client key (written as ~/.ssh/id_ed25519 of a temporary HOME) and authorized_keys, no PAM, no
// passwords, sshd's default MaxStartups and MaxSessions (as on a real box). Through it `docker system
// dial-stdio` reaches this machine's Docker socket (or the daemon its `env` names), as it would reach a remote box's. Its log (LogLevel
// VERBOSE, -E) counts logins. Null when sshd is not installed (Debian: apt-get install openssh-server).
import {spawn, type ChildProcess} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {freePort} from '../support/free-port.js';

export const SSHD = ['/usr/sbin/sshd', '/usr/bin/sshd'].find(p => existsSync(p)) ?? null;

/** Skip (with a visible notice) without sshd; under CI=true a missing sshd is a failure, as a missing daemon is. */
export function requireSshd(): boolean {
	if (SSHD) return true;
	if (process.env['CI'] === 'true') throw new Error('CI=true but sshd is not installed: apt-get install openssh-server before the tests (the ssh:// DOCKER_HOST tests need it)');
	console.warn('[stackdeck] ssh:// DOCKER_HOST tests SKIPPED: sshd is not installed (apt-get install openssh-server)');
	return false;
}

export interface LocalSshd {
	port: number;
	user: string;
	/** The server's public host key line ("ssh-ed25519 AAAA… comment"), as ssh-keyscan would report it. */
	hostKey: string;
	/** Logins (accepted public keys) so far, from the server's log: one per SSH connection a client made. */
	logins(): number;
	/** A HOME whose .ssh/id_ed25519 the server accepts. */
	home: string;
	/** A HOME with no key at all. */
	keylessHome: string;
	stop(): Promise<void>;
	/** Start again on the same port. */
	restart(): Promise<void>;
	/** The listener's process id (null when stopped): SIGSTOP makes the box hang, not refuse. */
	pid(): number | null;
	cleanup(): Promise<void>;
}

/** Makes `home` a HOME with the key the server accepts and its host key known, as after `ssh` once. */
export async function clientHome(sshd: LocalSshd, home: string): Promise<void> {
	mkdirSync(join(home, '.ssh'), {recursive: true});
	copyFileSync(join(sshd.home, '.ssh', 'id_ed25519'), join(home, '.ssh', 'id_ed25519'));
	writeFileSync(join(home, '.ssh', 'known_hosts'), `${(await execa('ssh-keyscan', ['-p', String(sshd.port), '127.0.0.1'])).stdout}\n`);
}

/** Resolves once the server sends its SSH banner. */
async function waitForBanner(port: number, timeoutMs: number): Promise<void> {
	const start = Date.now();
	for (;;) {
		const ok = await new Promise<boolean>(resolve => {
			const socket = net.connect(port, '127.0.0.1');
			socket.setTimeout(2000);
			socket.once('data', d => {
				socket.destroy();
				resolve(d.toString('latin1').startsWith('SSH-'));
			});
			socket.once('error', () => resolve(false));
			socket.once('timeout', () => {
				socket.destroy();
				resolve(false);
			});
		});
		if (ok) return;
		if (Date.now() - start > timeoutMs) throw new Error(`sshd on 127.0.0.1:${port} did not answer within ${timeoutMs} ms`);
		await new Promise(r => setTimeout(r, 100));
	}
}

/**
 * `env`: set in every session it starts (sshd's SetEnv), e.g. DOCKER_HOST for a test's own daemon.
 * `maxSessions`: sshd's MaxSessions, for a box that allows fewer channels per connection than 10.
 */
export async function startLocalSshd(options: {env?: Record<string, string>; maxSessions?: number} = {}): Promise<LocalSshd | null> {
	if (!SSHD) return null;
	const dir = mkdtempSync(join(tmpdir(), 'sd-remote-sshd-'));
	const home = join(dir, 'home');
	const keylessHome = join(dir, 'keyless');
	// The sessions' HOME: sshd runs every command through the user's shell, and bash started by sshd
	// reads ~/.bashrc. The machine's own (a pyenv init took 0.5 s a command on one) timed the
	// cockpit's remote commands out, and a test must not depend on the machine's dotfiles.
	const remoteHome = join(dir, 'remote-home');
	mkdirSync(join(home, '.ssh'), {recursive: true});
	mkdirSync(keylessHome);
	mkdirSync(remoteHome);
	await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
	await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(home, '.ssh', 'id_ed25519')]);
	await execa('cp', [join(home, '.ssh', 'id_ed25519.pub'), join(dir, 'authorized_keys')]);
	// sshd wants its privilege separation folder; as root it may create it.
	if (process.getuid?.() === 0) mkdirSync('/run/sshd', {recursive: true});
	const port = await freePort();
	const user = userInfo().username;
	const config = join(dir, 'sshd_config');
	writeFileSync(
		config,
		[
			`Port ${port}`,
			'ListenAddress 127.0.0.1',
			`HostKey ${join(dir, 'host_key')}`,
			`AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
			`PidFile ${join(dir, 'sshd.pid')}`,
			'PermitRootLogin prohibit-password',
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'UsePAM no',
			'StrictModes no',
			'UseDNS no',
			'LogLevel VERBOSE',
			...(options.maxSessions === undefined ? [] : [`MaxSessions ${options.maxSessions}`]),
			// sshd takes the first SetEnv line only: every variable goes on it.
			`SetEnv ${Object.entries({HOME: remoteHome, ...options.env})
				.map(([k, v]) => `${k}=${v}`)
				.join(' ')}`,
			'',
		].join('\n'),
	);
	let child: ChildProcess | null = null;
	const logFile = join(dir, 'sshd.log');
	const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
	const start = async () => {
		const c = spawn(SSHD, ['-D', '-E', logFile, '-f', config], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		c.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
		child = c;
		const exited = new Promise<never>((_, reject) => c.once('exit', code => reject(new Error(`sshd exited (${code}): ${stderr}${log().slice(-2000)}`))));
		await Promise.race([waitForBanner(port, 15_000), exited]);
	};
	/** The listener and its per-connection processes (by pid), so open SSH connections drop too, as when the box goes away. */
	const stop = async () => {
		const c = child;
		child = null;
		if (!c || c.exitCode !== null || !c.pid) return;
		const sessions = await execa('pgrep', ['-P', String(c.pid)], {reject: false});
		const gone = new Promise(r => c.once('exit', r));
		c.kill('SIGTERM');
		for (const pid of sessions.stdout.split(/\s+/).filter(Boolean).map(Number)) {
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				// already gone
			}
		}
		await gone;
	};
	await start();
	return {
		port,
		user,
		hostKey: readFileSync(join(dir, 'host_key.pub'), 'utf8').trim(),
		logins: () => log().match(/Accepted publickey for /g)?.length ?? 0,
		home,
		keylessHome,
		stop,
		restart: start,
		pid: () => (child as ChildProcess | null)?.pid ?? null,
		async cleanup() {
			await stop();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
