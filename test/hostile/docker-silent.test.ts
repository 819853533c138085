// A Docker daemon that accepts the connection but never answers (hung, or stopped with SIGSTOP):
// `stackdeck status` must still finish, naming the daemon and the request that got no answer.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {STACKDECK_BIN} from '../support/paths.js';

let dir: string;
let server: net.Server;
const held: net.Socket[] = [];

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'sd-silent-'));
	server = net.createServer(socket => held.push(socket));
	await new Promise<void>(r => server.listen(path.join(dir, 'docker.sock'), () => r()));
});

afterAll(async () => {
	for (const s of held) s.destroy();
	await new Promise(r => server.close(r));
	rmSync(dir, {recursive: true, force: true});
});

it('status finishes against a silent daemon and says which request went unanswered', async () => {
	const socket = path.join(dir, 'docker.sock');
	const child = spawn(process.execPath, [STACKDECK_BIN, 'status'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {...process.env, DOCKER_HOST: `unix://${socket}`, HOME: dir, XDG_CONFIG_HOME: dir},
	});
	let out = '';
	child.stdout.on('data', d => (out += d));
	child.stderr.on('data', d => (out += d));
	let killed = false;
	// Far past the 10 s request deadline: only a hang reaches it.
	const timer = setTimeout(() => {
		killed = true;
		child.kill('SIGKILL');
	}, 60_000);
	const code = await new Promise<number | null>(r => child.on('exit', c => r(c)));
	clearTimeout(timer);
	expect(killed, `status hung; output so far:\n${out}`).toBe(false);
	expect(held.length).toBeGreaterThan(0);
	expect(code).toBe(1);
	expect(out).toContain(`error: Docker daemon at unix://${socket} did not answer the events request within 10 s`);
}, 90_000);
