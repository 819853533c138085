// DOCKER_HOST=ssh://alias resolved with ssh_config as ssh resolves it: patterns, first value wins,
// `Host *` defaults, Match, %h/~ in IdentityFile, ProxyJump chains, Include, and what the URL itself says.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execFileSync} from 'node:child_process';
import {afterAll, describe, expect, it} from 'vitest';
import {userInfo} from 'node:os';
import {expandSshTokens, parseProxyJump, resolveSshHop, resolveSshRoute, sshPatternListMatches, sshPatternMatches} from '../../source/domain/containers/ssh-config.js';
import {readSshConfig} from '../../source/hosts/ssh/ssh-config-file.js';
import Docker from 'dockerode';
import {describeDockerError, dockerTarget} from '../../source/hosts/docker.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(d => rmSync(d, {recursive: true, force: true})));

/** A HOME whose ~/.ssh/config is `text` (plus other files under .ssh). */
function homeWith(text: string, extra: Record<string, string> = {}): string {
	const home = mkdtempSync(join(tmpdir(), 'sd-sshcfg-'));
	dirs.push(home);
	mkdirSync(join(home, '.ssh', 'config.d'), {recursive: true});
	writeFileSync(join(home, '.ssh', 'config'), text);
	for (const [name, body] of Object.entries(extra)) writeFileSync(join(home, '.ssh', name), body);
	return home;
}

const route = (text: string, alias: string, given: {user?: string; port?: number} = {}, extra: Record<string, string> = {}) => {
	const home = homeWith(text, extra);
	const {blocks, problems} = readSshConfig(home, null);
	expect(problems).toEqual([]);
	return {home, hops: resolveSshRoute(blocks, alias, {localUser: 'local', home, user: given.user ?? null, port: given.port ?? null}).hops};
};

describe('ssh_config patterns', () => {
	it('matches * and ? (exactly one character), whole, ignoring case', () => {
		expect(sshPatternMatches('*.lan', 'box.lan')).toBe(true);
		expect(sshPatternMatches('*.lan', 'box.lan.example')).toBe(false);
		expect(sshPatternMatches('box?', 'box1')).toBe(true);
		expect(sshPatternMatches('box?', 'box')).toBe(false);
		expect(sshPatternMatches('box?', 'box12')).toBe(false);
		expect(sshPatternMatches('BOX', 'box')).toBe(true);
		expect(sshPatternMatches('a*b*c', 'a-b-x-c')).toBe(true);
		expect(sshPatternMatches('a.b', 'axb')).toBe(false);
	});

	it('a negated pattern vetoes the line, and a negation alone matches nothing', () => {
		expect(sshPatternListMatches(['*.lan', '!bad.lan'], 'good.lan')).toBe(true);
		expect(sshPatternListMatches(['*.lan', '!bad.lan'], 'bad.lan')).toBe(false);
		expect(sshPatternListMatches(['!bad'], 'good')).toBe(false);
		expect(sshPatternListMatches(['a,b'], 'b')).toBe(true);
	});

	it('reads ProxyJump lists with users, ports, brackets and ssh:// forms', () => {
		expect(parseProxyJump('me@jump:2200,ssh://you@[::1]:23,plain')).toEqual([
			{host: 'jump', port: 2200, user: 'me'},
			{host: '::1', port: 23, user: 'you'},
			{host: 'plain', port: null, user: null},
		]);
		expect(parseProxyJump('none')).toEqual([]);
	});
});

describe('resolving an alias', () => {
	it('takes HostName, Port, User and IdentityFile from its Host block; the first value wins over Host *', () => {
		const {home, hops} = route(
			['Host spark', '  HostName 10.0.0.7', '  Port 2201', '  User dev', '  IdentityFile ~/.ssh/spark_%h_%r', 'Host *', '  Port 22', '  User nobody', '  IdentityFile ~/.ssh/default'].join('\n'),
			'spark',
		);
		expect(hops).toEqual([
			{name: 'spark', host: '10.0.0.7', port: 2201, user: 'dev', identityFiles: [`${home}/.ssh/spark_10.0.0.7_dev`, `${home}/.ssh/default`], configured: true, proxyCommand: null},
		]);
	});

	it('a Host * block before the alias sets values first, as ssh reads it; Host * fills what nothing set', () => {
		const {hops} = route(['Host *', '  User early', 'Host spark', '  User late', '  HostName box'].join('\n'), 'spark');
		expect(hops[0]).toMatchObject({host: 'box', user: 'early', port: 22});
		const other = route(['Host spark', '  HostName box', 'Host *', '  Port 2022'].join('\n'), 'spark');
		expect(other.hops[0]).toMatchObject({host: 'box', port: 2022, user: 'local'});
	});

	it('the user and port in DOCKER_HOST beat the config (the docker CLI passes them as -l and -p)', () => {
		const {hops} = route(['Host spark', '  HostName box', '  Port 2201', '  User dev'].join('\n'), 'spark', {user: 'me', port: 2222});
		expect(hops[0]).toMatchObject({host: 'box', port: 2222, user: 'me'});
	});

	it('HostName %h and a pattern block reach hosts not named one by one; an unknown name keeps itself', () => {
		const {hops} = route(['Host *.gpu !dead.gpu', '  HostName %h.example.net', '  User ops'].join('\n'), 'a.gpu');
		expect(hops[0]).toMatchObject({host: 'a.gpu.example.net', user: 'ops', configured: true});
		const dead = route(['Host *.gpu !dead.gpu', '  HostName %h.example.net'].join('\n'), 'dead.gpu');
		expect(dead.hops[0]).toMatchObject({host: 'dead.gpu', configured: false});
	});

	it('keywords are case-insensitive and take `=`; quoted values keep their spaces', () => {
		const {home, hops} = route(['HOST spark', '  hostname=box', '  PORT = 2300', '  identityfile "~/.ssh/my key"'].join('\n'), 'spark');
		expect(hops[0]).toMatchObject({host: 'box', port: 2300, identityFiles: [`${home}/.ssh/my key`]});
	});

	it('Match host/user/all blocks apply; Match exec is never run', () => {
		const {hops} = route(['Host spark', '  HostName box', 'Match host box user local', '  Port 2400', 'Match exec "touch /tmp/never-run-sd"', '  User wrong', 'Match all', '  User allofthem'].join('\n'), 'spark');
		expect(hops[0]).toMatchObject({port: 2400, user: 'allofthem'});
	});

	it('ProxyJump: the jump host is resolved with the config too, and reached first', () => {
		const {hops} = route(
			['Host spark', '  HostName 10.0.0.7', '  ProxyJump bastion', 'Host bastion', '  HostName gw.example.net', '  Port 2022', '  User jumper'].join('\n'),
			'spark',
		);
		expect(hops.map(h => `${h.user}@${h.host}:${h.port}`)).toEqual(['jumper@gw.example.net:2022', 'local@10.0.0.7:22']);
	});

	it('ProxyJump a,b: a by the config (its own ProxyJump too), b through a; a loop ends', () => {
		const {hops} = route(
			['Host t', '  ProxyJump a,me@b:2', 'Host a', '  ProxyJump outer', 'Host outer', '  ProxyJump t'].join('\n'),
			't',
		);
		expect(hops.map(h => `${h.user}@${h.host}:${h.port}`)).toEqual(['local@outer:22', 'local@a:22', 'me@b:2', 'local@t:22']);
	});

	it('ProxyJump and ProxyCommand share one slot: the first given wins', () => {
		const jump = route(['Host t', '  ProxyJump gw', 'Host *', '  ProxyCommand nc %h %p'].join('\n'), 't');
		expect(jump.hops.map(h => h.name)).toEqual(['gw', 't']);
		expect(jump.hops[1]!.proxyCommand).toBeNull();
		const command = route(['Host t', '  ProxyCommand nc %h %p', 'Host *', '  ProxyJump gw'].join('\n'), 't');
		expect(command.hops).toMatchObject([{name: 't', proxyCommand: 'nc %h %p'}]);
	});

	it('a ProxyCommand it cannot run is said, naming the alias, instead of connecting straight to the host', async () => {
		const home = homeWith(['Host hidden', '  HostName 127.0.0.1', '  Port 9', '  ProxyCommand ssh -W %h:%p bastion'].join('\n'));
		const target = dockerTarget({DOCKER_HOST: 'ssh://hidden', HOME: home}, {socket_path: ''}, {systemSshConfig: null});
		try {
			const error = await new Docker(target.options).version().then(() => null, (e: unknown) => e);
			expect(describeDockerError(error, target.endpoint)).toBe(
				'Docker over SSH (ssh://hidden): ~/.ssh/config reaches "hidden" through a ProxyCommand (ssh -W %h:%p bastion), which stackdeck does not run; use ProxyJump for it, or an ssh -L tunnel and DOCKER_HOST=tcp://',
			);
		} finally {
			target.close();
		}
	});

	it('Include pulls in files (relative to ~/.ssh, with wildcards), in place', () => {
		const home = homeWith(['Include config.d/*.conf', 'Host *', '  User fallback'].join('\n'));
		writeFileSync(join(home, '.ssh', 'config.d', '10-spark.conf'), ['Host spark', '  HostName box', '  Port 2500'].join('\n'));
		const {blocks, problems} = readSshConfig(home, null);
		expect(problems).toEqual([]);
		expect(resolveSshRoute(blocks, 'spark', {localUser: 'local', home}).hops[0]).toMatchObject({host: 'box', port: 2500, user: 'fallback'});
	});

	it('a FIFO as ~/.ssh/config is reported, not waited on', () => {
		const home = mkdtempSync(join(tmpdir(), 'sd-sshcfg-'));
		dirs.push(home);
		mkdirSync(join(home, '.ssh'));
		execFileSync('mkfifo', [join(home, '.ssh', 'config')]);
		expect(readSshConfig(home, null)).toEqual({blocks: [], problems: ['~/.ssh/config unreadable (not a regular file)']});
	});
});

describe('against the ssh client itself (ssh -G prints what it resolved)', () => {
	const config = [
		'User = first-global',
		'Host spark s? !s9',
		'  HostName %h.lan',
		'  Port 2201',
		'  IdentityFile ~/.ssh/k_%h_%r',
		'  ProxyJump me@gw:23',
		'HOST *.gpu',
		'  hostname=gpu-gateway',
		'  identityfile "~/.ssh/gpu key"',
		'Match host gpu-gateway',
		'  Port 2300',
		'Host *',
		'  Port 9',
		'  IdentityFile ~/.ssh/fallback',
	].join('\n');
	const cases: [string, {user?: string; port?: number}][] = [['spark', {}], ['s1', {}], ['s9', {}], ['s1', {user: 'bob', port: 44}], ['a.gpu', {}], ['plain', {}]];

	it.each(cases)('%s %o resolves as ssh resolves it', async (alias, given) => {
		const home = homeWith(config);
		const file = join(home, '.ssh', 'config');
		const args = ['-G', '-F', file, ...(given.user ? ['-l', given.user] : []), ...(given.port ? ['-p', String(given.port)] : []), alias];
		const out = execFileSync('ssh', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
		const said = (key: string) => out.split('\n').filter(l => l.startsWith(`${key} `)).map(l => l.slice(key.length + 1));
		// ssh expands ~ with the account's home from the password database, so the comparison does too.
		const {username, homedir} = userInfo();
		const {blocks} = readSshConfig(home, null);
		const hop = resolveSshHop(blocks, alias, {localUser: username, home: homedir, user: given.user ?? null, port: given.port ?? null});
		const tokens = {h: hop.host, n: alias, p: String(hop.port), r: hop.user, u: username, d: homedir};
		expect({host: hop.host, port: hop.port, user: hop.user, identityFiles: hop.identityFiles, proxyJump: hop.proxyJump}).toEqual({
			host: said('hostname')[0],
			port: Number(said('port')[0]),
			user: said('user')[0],
			identityFiles: said('identityfile').map(f => expandSshTokens(f, tokens, homedir)),
			proxyJump: said('proxyjump')[0] ?? null,
		});
	});
});
