// A second host's memory over ssh when the box freezes mid-session: its sshd (and the session it
// serves) stopped with SIGSTOP, so the connection stays open and nothing answers. The Memory panel's
// read gives up after its own deadline and names the host's trouble, instead of hanging with the old
// figures shown as current.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {afterAll, describe, expect, it} from 'vitest';
import {dockerTarget} from '../../source/hosts/docker.js';
import {createSshHost} from '../../source/hosts/ssh/ssh-host.js';
import {createMeminfoSource, MEMINFO_READ_MS} from '../../source/sources/host/meminfo-source.js';
import {createAppStore} from '../../source/store/index.js';
import {defaultConfig} from '../../source/config/schema.js';
import {clientHome, requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';

const sshd: LocalSshd | null = requireSshd() ? await startLocalSshd() : null;

/** The sshd and every process under it (the per-connection session), deepest last. */
async function sshdTree(pid: number): Promise<number[]> {
	const children = (await execa('pgrep', ['-P', String(pid)], {reject: false})).stdout.split('\n').filter(Boolean).map(Number);
	return [pid, ...(await Promise.all(children.map(sshdTree))).flat()];
}

describe.skipIf(!sshd)("a frozen host's memory over ssh", () => {
	const dir = mkdtempSync(join(tmpdir(), 'sd-ssh-memory-'));
	let frozen: number[] = [];

	afterAll(async () => {
		for (const pid of frozen) process.kill(pid, 'SIGCONT');
		await sshd?.cleanup();
		rmSync(dir, {recursive: true, force: true});
	});

	it('reads it, then says the read timed out once the box stops answering', async () => {
		const home = join(dir, 'home');
		await clientHome(sshd!, home);
		const meminfo = join(dir, 'meminfo');
		writeFileSync(meminfo, 'MemTotal:       128452356 kB\nMemFree:         2291344 kB\nMemAvailable:   31064176 kB\nBuffers:          101200 kB\nCached:         27718720 kB\n');
		const endpoint = `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`;
		const host = createSshHost({id: 'spark2', label: 'spark2', endpoint, ssh: dockerTarget({DOCKER_HOST: endpoint, HOME: home}, {socket_path: ''}).ssh!});
		const store = createAppStore();
		const source = createMeminfoSource({store, config: defaultConfig(), refreshMs: 1000, env: {}, host}, meminfo);
		try {
			await source.poll!();
			expect(store.getState().host.memory['spark2']).toMatchObject({error: null, mem: {totalBytes: 128452356 * 1024}});

			frozen = await sshdTree(sshd!.pid()!);
			expect(frozen.length).toBeGreaterThan(1);
			for (const pid of frozen) process.kill(pid, 'SIGSTOP');
			// Without a deadline of its own this poll never ends (the scheduler then never asks again).
			const ended = await Promise.race([source.poll!().then(() => 'ended'), new Promise(r => setTimeout(r, MEMINFO_READ_MS * 6, 'still waiting'))]);
			expect(ended).toBe('ended');
			const memory = store.getState().host.memory['spark2']!;
			expect(memory.error).toMatch(new RegExp(`${meminfo}: cannot read \\(ETIMEDOUT\\)`));
			// The last good figures stay, beside the error that says they are not current.
			expect(memory.mem?.totalBytes).toBe(128452356 * 1024);
		} finally {
			for (const pid of frozen) process.kill(pid, 'SIGCONT');
			frozen = [];
			host.close();
		}
	}, 120_000);
});
