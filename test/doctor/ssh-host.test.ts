// `stackdeck doctor` (the built binary) on this machine and on a second host reached over ssh (a
// throwaway local sshd): spark2's OpenHands config.toml has prompt extensions on with a Mistral
// model and its state folder is closed to UID 1000, this machine's are right. The findings come back
// under their own host, spark2's files read over the SSH connection (its logins count), its fix
// offered as commands to run there and never written from here; --host limits the run; a host
// whose [[hosts]] entry names no config.toml says "not configured for" it; and with the sshd
// stopped, spark2 is reported unreachable while this machine's findings stay.

import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {statfs} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimEngine, type SimEngine} from '../../source/sim/index.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {clientHome, requireSshd, startLocalSshd, type LocalSshd} from '../docker/remote-sshd.js';
import {dockerTarget} from '../../source/hosts/docker.js';
import {createSshHost} from '../../source/hosts/ssh/ssh-host.js';

const sshd: LocalSshd | null = requireSshd() ? await startLocalSshd() : null;

interface Finding {
	id: string;
	host: string | null;
	status: string;
	summary: string;
	evidence: {where: string; saw: string}[];
	fix: string | null;
	autofix: unknown;
	apply_on: {host: string; commands: string[]} | null;
}
interface Report {
	hosts: {id: string; kind: string; reachable: boolean}[];
	checks: Finding[];
}

const TOML = (url: string, extensions: boolean) => `# OpenHands config
[llm]
model = "openai/mistral-small-4"
base_url = "${url}/v1"

[agent]
enable_prompt_extensions = ${extensions}
`;

describe.skipIf(!sshd)('stackdeck doctor on a second host over ssh', () => {
	const dir = mkdtempSync(join(tmpdir(), 'sd-doctor-ssh-'));
	const home = join(dir, 'home');
	const remoteState = join(dir, 'spark2-state');
	const remoteToml = join(remoteState, 'config.toml');
	let sim: SimEngine;
	let config: string;

	beforeAll(async () => {
		sim = await startSimEngine({kind: 'sglang', port: 0, model: 'mistral-small-4'});
		// This machine: prompt extensions off, a state folder anyone may write.
		mkdirSync(join(dir, 'local-state'));
		chmodSync(join(dir, 'local-state'), 0o777);
		writeFileSync(join(dir, 'local-state', 'config.toml'), TOML(sim.url, false));
		// spark2: prompt extensions on with a Mistral model, and a state folder only its owner (not UID 1000) writes.
		mkdirSync(remoteState);
		chmodSync(remoteState, 0o700);
		writeFileSync(remoteToml, TOML(sim.url, true));
		await clientHome(sshd!, home);
		const target = `${sshd!.user}@127.0.0.1:${sshd!.port}`;
		config = join(dir, 'stackdeck.toml');
		writeFileSync(
			config,
			[
				'[docker]', 'enabled = false', '',
				'[engines]', 'probe = false', '[[engines.list]]', 'name = "sglang"', `url = "${sim.url}"`, '',
				'[openhands]', `state_dir = "${join(dir, 'local-state')}"`, `config_toml = "${join(dir, 'local-state', 'config.toml')}"`, '',
				'[aider]', 'command = "/nonexistent/aider"', '',
				'[[hosts]]', 'name = "spark2"', `ssh = "${target}"`, `engines = ["${sim.url}"]`, `state_dir = "${remoteState}"`, `openhands_config = "${remoteToml}"`, '',
				// Reached over the same ssh, but its entry names no OpenHands files.
				'[[hosts]]', 'name = "spark3"', `ssh = "${target}"`, '',
			].join('\n'),
		);
	}, 60_000);

	afterAll(async () => {
		await sim?.stop();
		await sshd?.cleanup();
		rmSync(dir, {recursive: true, force: true});
	});

	const doctor = (...args: string[]) => execa(process.execPath, [STACKDECK_BIN, 'doctor', '--config', config, ...args], {reject: false, env: {HOME: home, XDG_CONFIG_HOME: home, SSH_AUTH_SOCK: ''}});
	const find = (r: Report, id: string) => r.checks.find(c => c.id === id);

	it('the host’s files over ssh: owner and mode, a symlink’s target, free space, a missing path', async () => {
		const endpoint = `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`;
		const host = createSshHost({id: 'spark2', label: 'spark2', endpoint, ssh: dockerTarget({DOCKER_HOST: endpoint, HOME: home}, {socket_path: ''}).ssh!});
		try {
			const local = statSync(remoteState);
			expect(await host.files.stat(remoteState)).toMatchObject({isDirectory: true, uid: local.uid, gid: local.gid, mode: local.mode});
			symlinkSync(remoteState, join(dir, 'link to state'));
			expect(await host.files.linkTarget(join(dir, 'link to state'))).toBe(remoteState);
			expect(await host.files.linkTarget(remoteState)).toBeNull();
			await expect(host.files.linkTarget(join(dir, 'missing'))).rejects.toMatchObject({code: 'ENOENT'});
			const space = await host.files.statfs(dir);
			const here = await statfs(dir);
			expect(space.total).toBe(here.blocks * here.bsize);
			expect(space.free).toBeGreaterThan(0);
		} finally {
			host.close();
		}
	}, 60_000);

	it('--json reports spark2’s config.toml and state folder under spark2, read over ssh, and this machine’s apart', async () => {
		const logins = sshd!.logins();
		const out = await doctor('--json');
		expect(out.exitCode).toBe(1);
		const report = JSON.parse(out.stdout) as Report;
		expect(report.hosts).toEqual([
			expect.objectContaining({id: 'local', kind: 'local', reachable: true}),
			expect.objectContaining({id: 'spark2', kind: 'ssh', reachable: true}),
			expect.objectContaining({id: 'spark3', kind: 'ssh', reachable: true}),
		]);
		// spark2's problem, named by its host, with the remote file as evidence.
		const pe = find(report, 'spark2/openhands.prompt-extensions')!;
		expect(pe).toMatchObject({host: 'spark2', status: 'fail', autofix: null});
		expect(pe.evidence.map(e => e.where).join('\n')).toContain(`${remoteToml}:7 [agent] enable_prompt_extensions`);
		// Its fix is not written from here: the commands to run on spark2.
		expect(pe.apply_on?.host).toBe('spark2');
		expect(pe.apply_on?.commands[0]).toBe(`ssh -t -p ${sshd!.port} ${sshd!.user}@127.0.0.1 vi ${remoteToml}`);
		const state = find(report, 'spark2/openhands.state-writable')!;
		expect(state).toMatchObject({host: 'spark2', status: 'fail'});
		expect(state.summary).toContain(`UID 1000 (OpenHands inside its container) cannot write ${remoteState}`);
		// This machine's own: right, and named as this machine's.
		expect(find(report, 'openhands.prompt-extensions')).toMatchObject({host: 'local', status: 'ok'});
		expect(find(report, 'openhands.state-writable')).toMatchObject({host: 'local', status: 'ok'});
		// Aider and privacy belong to the machine the cockpit runs on: checked once, not per host.
		expect(report.checks.filter(c => c.id.endsWith('aider.config')).map(c => c.host)).toEqual(['local']);
		// spark3 names no config.toml or state folder: said so, not passed.
		for (const id of ['spark3/openhands.prompt-extensions', 'spark3/openhands.state-writable']) {
			const c = find(report, id)!;
			expect(c.status).toBe('unknown');
			expect(c.summary).toMatch(/^not configured for spark3: /);
		}
		expect(find(report, 'spark3/openhands.prompt-extensions')!.fix).toContain('openhands_config');
		// The remote files were read over SSH: the hosts logged in.
		expect(sshd!.logins()).toBeGreaterThan(logins);
	}, 120_000);

	it('text names each host, and --fix on spark2’s finding prints what to run there and writes nothing', async () => {
		const text = await doctor();
		expect(text.exitCode).toBe(1);
		expect(text.stdout).toMatch(/^host local \(this machine\): 0 fail/m);
		expect(text.stdout).toMatch(/^host spark2 \(over ssh\): 2 fail/m);
		expect(text.stdout).toMatch(/^ {2}FAIL spark2\/openhands\.prompt-extensions: /m);
		expect(text.stdout).toContain('on spark2 (not written from this machine): ssh -t');
		const fix = await doctor('--fix', 'spark2/openhands.prompt-extensions', '--yes');
		expect(fix.exitCode).toBe(2);
		expect(fix.stderr).toContain('the file is on spark2: apply the fix there');
		expect(fix.stderr).toContain(`vi ${remoteToml}`);
		expect(readFileSync(remoteToml, 'utf8')).toBe(TOML(sim.url, true));
	}, 120_000);

	it('--host limits the run to that host; an unknown name is refused', async () => {
		const out = await doctor('--json', '--host', 'spark2');
		expect(out.exitCode).toBe(1);
		const report = JSON.parse(out.stdout) as Report;
		expect(report.hosts.map(h => h.id)).toEqual(['spark2']);
		expect(report.checks.length).toBeGreaterThan(0);
		expect(report.checks.every(c => c.host === 'spark2' && c.id.startsWith('spark2/'))).toBe(true);
		const local = JSON.parse((await doctor('--json', '--host', 'local')).stdout) as Report;
		expect(local.checks.every(c => c.host === 'local')).toBe(true);
		expect(find(local, 'openhands.prompt-extensions')?.status).toBe('ok');
		const unknownHost = await doctor('--host', 'nope');
		expect(unknownHost.exitCode).toBe(2);
		expect(unknownHost.stderr).toContain('no host "nope" in the config; hosts: local, spark2, spark3');
	}, 120_000);

	it('a host that is down is reported unreachable, not passing, and this machine is still checked', async () => {
		await sshd!.stop();
		try {
			const out = await doctor('--json');
			expect(out.exitCode).toBe(1);
			const report = JSON.parse(out.stdout) as Report;
			expect(report.hosts.find(h => h.id === 'spark2')).toMatchObject({reachable: false});
			const spark2 = report.checks.filter(c => c.host === 'spark2');
			expect(spark2.map(c => [c.id, c.status])).toEqual([['spark2/host.reachable', 'fail']]);
			expect(spark2[0]!.summary).toMatch(/^spark2 is unreachable \(.+\): none of its checks ran$/);
			expect(find(report, 'openhands.prompt-extensions')).toMatchObject({host: 'local', status: 'ok'});
			// With only the down host asked for, the run still fails.
			expect((await doctor('--host', 'spark2')).exitCode).toBe(1);
		} finally {
			await sshd!.restart();
		}
	}, 120_000);
});
