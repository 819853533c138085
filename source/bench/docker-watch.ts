// Benchmark: dockerd CPU while the cockpit watches 20 containers (events + one-shot stats for the
// visible rows every [docker] stats_ms, ticking at 1 Hz) against `docker stats` streaming the same 20,
// side by side, over equal windows.

import {readFile, mkdtemp, mkdir, copyFile, symlink, rm} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import Docker from 'dockerode';
import type {Bench, BenchRow} from './types.js';
import {createAppStore, update} from '../store/index.js';
import {defaultConfig} from '../config/schema.js';
import {createDockerSource} from '../sources/docker/docker-source.js';
import {createLocalHost} from '../hosts/local.js';
import {setVisibleIds} from '../store/slices/containers.js';

const IMAGE = 'stackdeck-test/busybox:1';
const COUNT = 20;
const WINDOW_MS = Number(process.env['STACKDECK_BENCH_WINDOW_MS'] ?? 10_000);
const CLK_TCK = 100;

async function processCpuSeconds(pid: number): Promise<number> {
	const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime + stime
}

async function dockerdPid(): Promise<number> {
	const text = await readFile('/var/run/docker.pid', 'utf8').catch(() => '');
	if (text.trim()) return Number(text.trim());
	const {stdout} = await execa('pgrep', ['-xo', 'dockerd']);
	return Number(stdout.trim());
}

async function ensureImage(docker: Docker): Promise<void> {
	if (await docker.getImage(IMAGE).inspect().then(() => true, () => false)) return;
	const busybox = ['/bin/busybox', '/usr/bin/busybox'].find(p => existsSync(p));
	if (!busybox) throw new Error('busybox-static not installed: run scripts/ensure-docker.sh');
	const root = await mkdtemp(join(tmpdir(), 'sd-bench-rootfs-'));
	await mkdir(join(root, 'bin'));
	await copyFile(busybox, join(root, 'bin/busybox'));
	for (const applet of ['sh', 'sleep']) await symlink('busybox', join(root, 'bin', applet));
	await execa('sh', ['-c', `tar -C '${root}' -c . | docker import - ${IMAGE}`]);
	await rm(root, {recursive: true, force: true});
}

async function measure(pid: number, during: () => Promise<void>): Promise<number> {
	const before = await processCpuSeconds(pid);
	const t0 = Date.now();
	await during();
	const after = await processCpuSeconds(pid);
	return (after - before) / ((Date.now() - t0) / 1000);
}

const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

export const dockerWatchBench: Bench = {
	id: 'docker-watch',
	async run(): Promise<BenchRow[]> {
		const docker = new Docker({socketPath: '/var/run/docker.sock'});
		if (!(await docker.ping().then(() => true, () => false))) {
			return [{name: `dockerd CPU, cockpit vs docker stats (${COUNT} containers)`, value: 'not run: no Docker daemon', method: 'run scripts/ensure-docker.sh first'}];
		}
		await ensureImage(docker);
		const label = 'stackdeck.bench';
		const created: Docker.Container[] = [];
		try {
			for (let i = 0; i < COUNT; i++) {
				const c = await docker.createContainer({name: `sdbench-${i}`, Image: IMAGE, Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'], Labels: {[label]: '1'}, HostConfig: {NetworkMode: 'none'}});
				await c.start();
				created.push(c);
			}
			const names = created.map((_, i) => `sdbench-${i}`);
			const pid = await dockerdPid();
			await sleep(1000);
			const idle = await measure(pid, () => sleep(WINDOW_MS));

			const store = createAppStore();
			const config = defaultConfig();
			const host = createLocalHost({env: {}, docker: config.docker});
			const source = createDockerSource({store, config, refreshMs: 1000, env: {}, host});
			await source.start!();
			const ids = created.map(c => c.id);
			update(store, 'containers', c => setVisibleIds(c, ids, 0));
			const cockpit = await measure(pid, async () => {
				const end = Date.now() + WINDOW_MS;
				while (Date.now() < end) {
					const t = Date.now();
					await source.poll!();
					await sleep(Math.max(0, 1000 - (Date.now() - t)));
				}
			});
			const statsCalls = source.counters.stats;
			await source.stop!();
			host.close();

			const child = execa('docker', ['stats', ...names], {stdout: 'ignore', stderr: 'ignore', reject: false});
			await sleep(1000);
			const streaming = await measure(pid, () => sleep(WINDOW_MS));
			child.kill('SIGTERM');
			await child.catch(() => undefined);

			const net = (x: number) => Math.max(0.0001, x - idle);
			const ratio = net(cockpit) / net(streaming);
			const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
			return [
				{
					name: `dockerd CPU watching ${COUNT} containers: cockpit vs docker stats`,
					value: `${ratio.toFixed(2)}x (${pct(cockpit)} vs ${pct(streaming)} of a core; idle ${pct(idle)})`,
					method: `/proc/<dockerd>/stat over ${WINDOW_MS / 1000} s each; cockpit = events + one-shot stats for ${COUNT} visible rows every ${config.docker.stats_ms / 1000} s (${statsCalls} requests), docker stats refreshes every 1 s; ratio above idle`,
					raw: {idle, cockpit, streaming, ratio, statsCalls},
				},
			];
		} finally {
			await Promise.all(created.map(c => c.remove({force: true}).catch(() => undefined)));
		}
	},
};
