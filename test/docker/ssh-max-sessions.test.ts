// A box whose sshd allows fewer sessions per connection than the cockpit opens channels (MaxSessions
// 2 here; 10 is sshd's default, and a loaded sshd frees a closed one late): the requests past its
// room wait for it instead of failing with "Channel open failure: open failed", commands and Docker
// alike, all over the one login. A box that allows none still answers, with a refusal naming what to fix.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeDockerError, dockerTarget} from '../../source/hosts/docker.js';
import {createSshHost} from '../../source/hosts/ssh/ssh-host.js';
import {clientHome, requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';
import {startPrivateDaemon} from './private-daemon.js';

const daemon = requireSshd() ? await startPrivateDaemon() : null;
const sshd: LocalSshd | null = requireSshd() ? await startLocalSshd({maxSessions: 2, ...(daemon ? {env: {DOCKER_HOST: daemon.host}} : {})}) : null;
const none: LocalSshd | null = requireSshd() ? await startLocalSshd({maxSessions: 0}) : null;

describe.skipIf(!sshd || !none)('an sshd with MaxSessions below the channels the cockpit opens', () => {
	const dir = mkdtempSync(join(tmpdir(), 'sd-ssh-max-sessions-'));
	/** A HOME with the server's client key and its host key known. */
	const homeFor = (server: LocalSshd) => join(dir, String(server.port));
	const endpoint = (server: LocalSshd) => `ssh://${server.user}@127.0.0.1:${server.port}`;
	const connect = (server: LocalSshd) => {
		const target = dockerTarget({DOCKER_HOST: endpoint(server), HOME: homeFor(server)}, {socket_path: ''});
		return {target, host: createSshHost({id: 'box', label: '127.0.0.1', endpoint: endpoint(server), ssh: target.ssh!})};
	};

	beforeAll(async () => {
		for (const server of [sshd!, none!]) await clientHome(server, homeFor(server));
	});

	afterAll(async () => {
		await sshd?.cleanup();
		await none?.cleanup();
		await daemon?.dispose();
		rmSync(dir, {recursive: true, force: true});
	});

	it('twelve commands at once all answer, each with its own output, over one login', async () => {
		const {target, host} = connect(sshd!);
		try {
			const before = sshd!.logins();
			const words = Array.from({length: 12}, (_, i) => `word ${i}`);
			const results = await Promise.all(words.map(w => host.exec('sh', ['-c', 'sleep 0.2; echo "$1"', 'sh', w])));
			expect(results.map(r => r.stdout)).toEqual(words.map(w => `${w}\n`));
			expect(results.every(r => r.exitCode === 0)).toBe(true);
			expect(sshd!.logins() - before).toBe(1);
		} finally {
			host.close();
			target.close();
		}
	}, 60_000);

	it.skipIf(!daemon)('Docker requests at once over dial-stdio channels all answer', async () => {
		const {target, host} = connect(sshd!);
		try {
			const {docker} = host.docker();
			const answers = await Promise.all(Array.from({length: 6}, () => docker.version()));
			expect(answers.map(a => a.ApiVersion)).toEqual(Array(6).fill(answers[0]!.ApiVersion));
			expect(answers[0]!.ApiVersion).toMatch(/^\d+\.\d+$/);
		} finally {
			host.close();
			target.close();
		}
	}, 60_000);

	it('a server that allows no session says so, and the call ends', async () => {
		const {target, host} = connect(none!);
		try {
			const error = await host.exec('true', []).catch((e: Error) => e);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toMatch(/Channel open failure/);
			expect(describeDockerError(error, endpoint(none!))).toMatch(/refuses sessions .*also after waiting for room; check MaxSessions/);
		} finally {
			host.close();
			target.close();
		}
	}, 60_000);
});
