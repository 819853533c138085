// OpenHands sessions of a second host, read over the user's ssh: a throwaway local sshd serves a
// state folder (the demo's V0 sessions and its V1 conversation, titled "Remote: …") named by a
// [[hosts]] entry's ssh and state_dir; this machine's own folder is the first host's. The list names
// each row's host, a remote session opens with its events and finding, and with the ssh server
// down the first host's rows stay while the second is said to be unreachable.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execa} from 'execa';
import {clientHome, requireSshd, startLocalSshd, type LocalSshd} from './remote-sshd.js';
import {STACKDECK_BIN} from '../support/paths.js';
import {spawnScreen, type PtyScreen} from '../support/pty-screen.js';
import {writeDemoSessions} from '../../source/sim/openhands/demo-sessions.js';
import {dockerTarget} from '../../source/hosts/docker.js';
import {createSshHost, parseFindList, parseReadFiles, parseTree} from '../../source/hosts/ssh/ssh-host.js';

const sshd: LocalSshd | null = requireSshd() ? await startLocalSshd() : null;
const WAIT = 30_000;

/** Give every V0 session and the V1 conversation a title that says which box it is on. */
function retitle(stateDir: string): void {
	for (const id of readdirSync(join(stateDir, 'sessions'))) {
		const file = join(stateDir, 'sessions', id, 'metadata.json');
		const meta = JSON.parse(readFileSync(file, 'utf8')) as {title: string};
		writeFileSync(file, JSON.stringify({...meta, title: `Remote: ${meta.title}`}));
	}
}

describe('find -printf listings', () => {
	it('parses NUL-ended records, names with spaces and newlines kept whole', () => {
		const out = 'd 4096 1700000000.5 events\0f 12 1700000001.25 0.json\0f 3 1700000002.0000000000 a name\nwith a newline\0';
		expect(parseFindList(out)).toEqual([
			{name: 'events', isDirectory: true, isFile: false, size: 4096, mtimeMs: 1700000000500},
			{name: '0.json', isDirectory: false, isFile: true, size: 12, mtimeMs: 1700000001250},
			{name: 'a name\nwith a newline', isDirectory: false, isFile: true, size: 3, mtimeMs: 1700000002000},
		]);
	});
});

describe('tree listings', () => {
	it('parses the clock and NUL-ended records; a missing root is none, an unreadable one throws', () => {
		const stdout = '1700000009.250000000\n\0/s\0d 2049:11:4096:1700000001.5:1700000001.5 a b\0/s\0f 2049:12:7:1700000002.0:1700000003.25 a b/metadata.json\0';
		const listing = parseTree({exitCode: 1, stdout, stderr: "find: '/v1': No such file or directory\n"}, ['/s', '/v1']);
		expect(listing).toEqual({
			nowMs: 1700000009250,
			entries: [
				{root: '/s', path: 'a b', isDirectory: true, isFile: false, stamp: '2049:11:4096:1700000001.5:1700000001.5', changedMs: 1700000001500},
				{root: '/s', path: 'a b/metadata.json', isDirectory: false, isFile: true, stamp: '2049:12:7:1700000002.0:1700000003.25', changedMs: 1700000003250},
			],
		});
		expect(() => parseTree({exitCode: 1, stdout: '1700000009.2\n\0', stderr: "find: ‘/s’: Permission denied\n"}, ['/s'])).toThrow(expect.objectContaining({code: 'EACCES'}));
		expect(() => parseTree({exitCode: 127, stdout: '', stderr: 'sh: find: not found'}, ['/s'])).toThrow(/find: not found/);
	});
});

describe('several files in one command', () => {
	it('gives each path its text or the error a local read would give', () => {
		const out = `ok\0${Buffer.from('{"id": 1}').toString('base64')}\0none\0\0big\0\0bad\0\0`;
		const read = parseReadFiles(out, ['a', 'b', 'c', 'd', 'e'], 100);
		expect(read[0]).toBe('{"id": 1}');
		expect(read.slice(1).map(r => (r as NodeJS.ErrnoException).code)).toEqual(['ENOENT', 'EFBIG', 'EINVAL', 'EIO']);
	});
});

describe.skipIf(!sshd)('a second host\'s OpenHands sessions over ssh (a local sshd)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'sd-ssh-sessions-'));
	const home = join(dir, 'home');
	const localState = join(dir, 'local-state');
	const remoteState = join(dir, 'remote-state');
	const config = join(dir, 'config.toml');
	const env = {HOME: home, XDG_CONFIG_HOME: home, SSH_AUTH_SOCK: ''};
	let screen: PtyScreen | null = null;
	/** This machine's sessions and the given [[hosts]] entries, all over the one local sshd. */
	const hostsConfig = (...hosts: string[][]) => ['[docker]', 'enabled = false', '[openhands]', `state_dir = "${localState}"`, ...hosts.flat(), ''].join('\n');
	const sparkHost = (name: string, stateDir: string, ...more: string[]) => ['[[hosts]]', `name = "${name}"`, `ssh = "${sshd!.user}@127.0.0.1:${sshd!.port}"`, `state_dir = "${stateDir}"`, ...more];

	beforeAll(async () => {
		await clientHome(sshd!, home);
		writeDemoSessions(localState);
		writeDemoSessions(remoteState);
		retitle(remoteState);
		writeFileSync(config, hostsConfig(sparkHost('spark2', remoteState)));
	}, 60_000);

	afterAll(async () => {
		screen?.kill();
		await sshd?.cleanup();
		rmSync(dir, {recursive: true, force: true});
	});

	it('a host lists a folder and reads several files over ssh, one command each', async () => {
		const endpoint = `ssh://${sshd!.user}@127.0.0.1:${sshd!.port}`;
		const target = dockerTarget({DOCKER_HOST: endpoint, HOME: home}, {socket_path: ''});
		const host = createSshHost({id: 'spark2', label: 'spark2', endpoint, ssh: target.ssh!});
		try {
			const [session] = readdirSync(join(remoteState, 'sessions'));
			const entries = await host.files.list(join(remoteState, 'sessions', session!));
			const events = entries.find(e => e.name === 'events');
			const meta = entries.find(e => e.name === 'metadata.json');
			expect(events).toMatchObject({isDirectory: true, isFile: false});
			expect(meta).toMatchObject({isDirectory: false, isFile: true, size: readFileSync(join(remoteState, 'sessions', session!, 'metadata.json')).length});
			expect(meta!.mtimeMs).toBeGreaterThan(0);
			await expect(host.files.list(join(remoteState, 'no-such-folder'))).rejects.toMatchObject({code: 'ENOENT'});
			// Any bytes and names survive; a FIFO is refused, not waited on; the size limit holds.
			const odd = join(dir, "it's odd\nnamed.json");
			writeFileSync(odd, '{"text": "héllo \u0000 wörld"}');
			await execa('mkfifo', [join(dir, 'a-fifo')]);
			const before = sshd!.logins();
			const read = await host.files.readFiles([odd, join(dir, 'a-fifo'), join(dir, 'missing'), join(remoteState, 'sessions', session!, 'metadata.json')], {maxBytes: 4096});
			expect(read[0]).toBe(readFileSync(odd, 'utf8'));
			expect(read.slice(1, 3).map(r => (r as NodeJS.ErrnoException).code)).toEqual(['EINVAL', 'ENOENT']);
			expect(JSON.parse(read[3] as string).title).toMatch(/^Remote: /);
			expect(((await host.files.readFiles([odd], {maxBytes: 10}))[0] as NodeJS.ErrnoException).code).toBe('EFBIG');
			expect(sshd!.logins() - before).toBe(0);
			// Two levels of a folder with stamps, and the box's clock, in one command; a missing root lists nothing.
			const tree = await host.files.tree([join(remoteState, 'sessions'), join(remoteState, 'no-such-folder')], 2);
			expect(Math.abs(tree.nowMs - Date.now())).toBeLessThan(60_000);
			const metaEntry = tree.entries.find(e => e.path === `${session!}/metadata.json`);
			expect(metaEntry).toMatchObject({root: join(remoteState, 'sessions'), isFile: true, isDirectory: false});
			expect(tree.entries.find(e => e.path === `${session!}/events`)).toMatchObject({isDirectory: true});
			expect(tree.entries.some(e => e.path.startsWith(`${session!}/events/`))).toBe(false);
			writeFileSync(join(remoteState, 'sessions', session!, 'metadata.json'), readFileSync(join(remoteState, 'sessions', session!, 'metadata.json')));
			const again = await host.files.tree([join(remoteState, 'sessions')], 2);
			expect(again.entries.find(e => e.path === `${session!}/metadata.json`)!.stamp).not.toBe(metaEntry!.stamp);
		} finally {
			host.close();
			target.close();
		}
	}, 60_000);

	it('status --json lists both hosts\' sessions, each with its host, the remote ones checked', async () => {
		const r = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', config, '--window', '0'], {reject: false, env});
		const sessions = JSON.parse(r.stdout)['sessions'] as {hosts: {hostId: string; stateDir: string; error: string | null}[]; sessions: {hostId: string; title: string; format: string; findings: number | null; rules: string[]}[]};
		// No config.toml in its folder: prompt extensions on, as OpenHands defaults, and said why.
		expect(sessions.hosts).toEqual([expect.objectContaining({hostId: 'spark2', stateDir: remoteState, error: null, promptExtensions: true, promptExtensionsFrom: expect.stringMatching(/^OpenHands default \(.*config\.toml on spark2: cannot read/)})]);
		const remote = sessions.sessions.filter(x => x.hostId === 'spark2');
		const local = sessions.sessions.filter(x => x.hostId === 'local');
		// Four V0 sessions and the V1 conversation on each box.
		expect(remote.map(x => x.format).sort()).toEqual(['v0', 'v0', 'v0', 'v0', 'v1']);
		expect(local).toHaveLength(5);
		expect(remote.filter(x => x.format === 'v0').every(x => x.title.startsWith('Remote: '))).toBe(true);
		expect(local.some(x => x.title.startsWith('Remote: '))).toBe(false);
		// Checked over ssh as they are here: the same findings on both boxes.
		const found = (rows: typeof remote) => rows.map(x => `${x.title.replace(/^Remote: /, '')}:${x.findings}:${x.rules.join('+')}`).sort();
		expect(found(remote)).toEqual(found(local));
		expect(remote.find(x => x.title === 'Remote: Add a health endpoint')!.findings).toBeGreaterThan(0);
	}, 120_000);

	it('each host\'s sessions are checked with its own config.toml\'s enable_prompt_extensions', async () => {
		// spark2 names its config.toml (openhands_config), spark3 keeps it in its state folder (with
		// only the Mistral session, to keep the ssh reads few), both turning prompt extensions off.
		// This machine's folder has none: on, as OpenHands defaults.
		const spark2Toml = join(dir, 'spark2-openhands.toml');
		const spark3State = join(dir, 'spark3-state');
		writeDemoSessions(spark3State);
		for (const id of readdirSync(join(spark3State, 'sessions'))) {
			const meta = JSON.parse(readFileSync(join(spark3State, 'sessions', id, 'metadata.json'), 'utf8')) as {title: string};
			if (!meta.title.endsWith('Add a health endpoint')) rmSync(join(spark3State, 'sessions', id), {recursive: true});
		}
		rmSync(join(spark3State, 'conversations'), {recursive: true, force: true});
		retitle(spark3State);
		const off = '[core]\nworkspace_base = "/w"\n\n[agent]\nenable_prompt_extensions = false\n';
		writeFileSync(spark2Toml, off);
		writeFileSync(join(spark3State, 'config.toml'), off);
		const perHost = join(dir, 'per-host.toml');
		writeFileSync(perHost, hostsConfig(sparkHost('spark2', remoteState, `openhands_config = "${spark2Toml}"`), sparkHost('spark3', spark3State)));
		const r = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', perHost, '--window', '0'], {reject: false, env});
		type Row = {hostId: string; title: string | null; findings: number | null; rules: string[]};
		const sessions = JSON.parse(r.stdout)['sessions'] as {promptExtensions: boolean; hosts: {hostId: string; error: string | null; promptExtensions: boolean; promptExtensionsFrom: string}[]; sessions: Row[]};
		expect(sessions.hosts.map(h => h.error)).toEqual([null, null]);
		// Where each host's setting came from first: a failed read says why (and would explain the findings).
		expect(sessions.hosts).toEqual([
			expect.objectContaining({hostId: 'spark2', promptExtensions: false, promptExtensionsFrom: `spark2:${spark2Toml}`}),
			expect.objectContaining({hostId: 'spark3', promptExtensions: false, promptExtensionsFrom: `spark3:${join(spark3State, 'config.toml')}`}),
		]);
		const health = (host: string) => sessions.sessions.find(x => x.hostId === host && (x.title ?? '').endsWith('Add a health endpoint'))!;
		// The Mistral session with prompt extensions on here: the recall after the first user message
		// breaks strict alternation. Off on spark2 and spark3: the recall is not sent there, one finding fewer.
		expect(sessions.promptExtensions).toBe(true);
		const here = health('local');
		expect(here.rules).toContain('strict-alternation');
		for (const host of ['spark2', 'spark3']) expect(health(host).findings).toBe(here.findings! - 1);
		// Two hosts' sessions read over ssh, a shell per command: minutes on a loaded machine.
	}, 240_000);

	it('160x48: a HOST column names each row\'s box; a remote session opens with its events and finding', async () => {
		screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', config, '--refresh', '500'], {cols: 160, rows: 48, env});
		const s = screen;
		s.write('5');
		await s.waitForText('╭─ 5 Sessions', WAIT);
		s.write('\r');
		await s.waitFor(l => l.some(line => /^╭─ 5 Sessions.*─{60}/.test(line)), WAIT, 'Sessions zoomed');
		await s.waitFor(l => l.filter(line => /spark2\s.*Remote: /.test(line)).length === 4, WAIT, 'the four remote V0 rows with their host');
		const lines = s.lines();
		expect(lines.some(line => /HOST/.test(line))).toBe(true);
		expect(lines.filter(line => /│\s*local\s.*(Fix the failing users test|Add a health endpoint)/.test(line))).toHaveLength(2);
		expect(lines.some(line => /local\s.*Remote: /.test(line))).toBe(false);
		// Filter to the remote prompt-extensions session and open it.
		s.write('/');
		s.write('Remote: Add a health');
		s.write('\r');
		await s.waitFor(l => l.filter(line => /Remote: Add a health/.test(line)).length >= 1 && !l.some(line => /Fix the failing users test/.test(line)), WAIT, 'the filtered list');
		s.write('\r');
		await s.waitFor(l => l.some(line => /Remote: Add a health endpoint · on spark2 · \d+ events · [1-9]\d* findings?/.test(line)), WAIT, 'the remote session\'s events with its finding');
		const events = s.lines();
		// Its event rows, one of them marked with the finding.
		expect(events.filter(line => /│\s*[!? ]\s+\d+\s/.test(line)).length).toBeGreaterThan(5);
		expect(events.some(line => /│\s*!\s+\d+\s/.test(line))).toBe(true);
		// Its config.toml is on that box: the fix here would write this machine's, so it is refused.
		s.write('x');
		await s.waitFor(l => l.some(line => line.includes('this session is on spark2')), WAIT, 'the fix refused for a remote session');
		expect(s.text()).not.toContain('Disable prompt extensions in');
		s.write('q');
		await s.exited;
		screen = null;
	}, 120_000);

	it('46x19: the phone lists one host\'s sessions, and h moves to the other\'s', async () => {
		screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', config, '--refresh', '500'], {cols: 46, rows: 19, env});
		const s = screen;
		s.write('5');
		await s.waitFor(l => l.some(line => /Fix the failing/.test(line)), WAIT, 'the first host\'s sessions');
		expect(s.lines().some(line => /Remote: /.test(line))).toBe(false);
		s.write('h');
		await s.waitFor(l => l.some(line => /Remote: /.test(line)) && !l.some(line => /\d\s+(Fix the failing|Add a health)/.test(line)), WAIT, 'spark2\'s sessions only');
		expect(s.lines().length).toBe(19);
		s.write('q');
		await s.exited;
		screen = null;
	}, 120_000);

	it('with its ssh down, the first host\'s sessions stay and the second is said to be unreachable', async () => {
		await sshd!.stop();
		try {
			const r = await execa(process.execPath, [STACKDECK_BIN, 'status', '--json', '--config', config, '--window', '0'], {reject: false, env});
			const sessions = JSON.parse(r.stdout)['sessions'] as {hosts: {hostId: string; error: string | null}[]; sessions: {hostId: string; findings: number | null}[]};
			expect(sessions.sessions.filter(x => x.hostId === 'local')).toHaveLength(5);
			expect(sessions.sessions.filter(x => x.hostId === 'spark2')).toHaveLength(0);
			expect(sessions.hosts[0]!.error).toMatch(/^spark2 unreachable over ssh/);
			// On screen: the local rows, and the reason above them.
			screen = spawnScreen(process.execPath, [STACKDECK_BIN, '--config', config, '--refresh', '500'], {cols: 160, rows: 48, env});
			const s = screen;
			s.write('5');
			s.write('\r');
			await s.waitFor(l => l.some(line => /spark2: spark2 unreachable over ssh/.test(line)) && l.some(line => /local\s.*Add a health endpoint/.test(line)), WAIT, 'local rows and the unreachable host');
			expect(s.lines().some(line => /Remote: /.test(line))).toBe(false);
			s.write('q');
			await s.exited;
			screen = null;
		} finally {
			await sshd!.restart();
		}
	}, 120_000);
});
