// known_hosts read and checked as OpenSSH does: the lines below are real ssh-keygen / ssh-keygen -H output.
import {describe, expect, it} from 'vitest';
import {checkHostKey, fingerprint, hostKeyRefusal, knownHostsName, parseKnownHosts, preferredHostKeyAlgorithms, type HostKeyContext} from '../../source/domain/containers/known-hosts.js';

const A = 'AAAAC3NzaC1lZDI1NTE5AAAAIJotiuJyjEoRn4uMpCMGxr74zyb2JSDJoMLBrHty4y0d';
const B = 'AAAAC3NzaC1lZDI1NTE5AAAAIG9Q2FiHCQzlxMHroua6zdZ2jM9i986xbnZY6z0FKhPT';
const R =
	'AAAAB3NzaC1yc2EAAAADAQABAAAAgQD0Y1g5vEWiLAtMxeiwtx/1evGD50YR5JGsEu9kzKOZcNJmldHu+pdfTMz0Ltfe+DKrpWWhtGiI4ljoq0RjKTyfrW6KW3jlHDs1+CVThv6yKKZDWFQ+AJPuIHV5A268ZJlOkPSfz5y1aHl6L3jnxyW4GKQHHhDjfPhfLSURBUovNw==';
const keyA = Buffer.from(A, 'base64');
const keyB = Buffer.from(B, 'base64');
const keyR = Buffer.from(R, 'base64');
// `ssh-keygen -H` over "[127.0.0.1]:2222 <A>" and "box.example <A>".
const HASHED = [
	`|1|bGV2xgHVHvgWmnane4baTQcw6t0=|8wM1DpQrrREY0QT+J7k+BbNqNA0= ssh-ed25519 ${A}`,
	`|1|omZxHvf6SejiEUcxJXF7FRVJsTw=|CmhawWOw70zCvCvbeMXo/RBYHVo= ssh-ed25519 ${A}`,
].join('\n');

const verdict = (text: string, host: string, port: number, key: Buffer) => checkHostKey(parseKnownHosts(text, 'kh'), knownHostsName(host, port), key);

describe('known_hosts: which lines name a host', () => {
	it('looks up "host" on port 22 and "[host]:port" elsewhere, in lower case', () => {
		expect(knownHostsName('Box.Example', 22)).toBe('box.example');
		expect(knownHostsName('box', 2222)).toBe('[box]:2222');
		expect(knownHostsName('::1', 2222)).toBe('[::1]:2222');
	});

	it('plain names, comma lists, wildcards and [host]:port entries', () => {
		const text = `# comment\n\nbox.example,10.0.0.2 ssh-ed25519 ${A} me@laptop\n[box.example]:2222 ssh-ed25519 ${B}\n*.lan ssh-ed25519 ${A}\nnode?.dc ssh-ed25519 ${A}\n`;
		expect(verdict(text, 'box.example', 22, keyA)).toEqual({kind: 'known', where: 'kh:3'});
		expect(verdict(text, 'BOX.example', 22, keyA)).toMatchObject({kind: 'known'});
		expect(verdict(text, '10.0.0.2', 22, keyA)).toMatchObject({kind: 'known'});
		// The port-22 entry does not vouch for another port, and the reverse.
		expect(verdict(text, 'box.example', 2222, keyB)).toEqual({kind: 'known', where: 'kh:4'});
		expect(verdict(text, 'box.example', 2222, keyA)).toMatchObject({kind: 'changed', where: 'kh:4'});
		expect(verdict(text, 'box.example', 2223, keyA)).toEqual({kind: 'unknown'});
		expect(verdict(text, 'spark.lan', 22, keyA)).toMatchObject({kind: 'known', where: 'kh:5'});
		expect(verdict(text, 'node1.dc', 22, keyA)).toMatchObject({kind: 'known', where: 'kh:6'});
		expect(verdict(text, 'node10.dc', 22, keyA)).toEqual({kind: 'unknown'});
		// A dot is a dot, not "any character".
		expect(verdict(text, 'boxxexample', 22, keyA)).toEqual({kind: 'unknown'});
	});

	it('a matching !pattern takes the line away from that host', () => {
		const text = `*.lan,!evil.lan ssh-ed25519 ${A}`;
		expect(verdict(text, 'good.lan', 22, keyA)).toMatchObject({kind: 'known'});
		expect(verdict(text, 'evil.lan', 22, keyA)).toEqual({kind: 'unknown'});
	});

	it('hashed entries (HMAC-SHA1 of the name with the salt), as ssh-keygen -H writes them', () => {
		expect(verdict(HASHED, '127.0.0.1', 2222, keyA)).toEqual({kind: 'known', where: 'kh:1'});
		expect(verdict(HASHED, 'box.example', 22, keyA)).toEqual({kind: 'known', where: 'kh:2'});
		expect(verdict(HASHED, 'box.example', 22, keyB)).toMatchObject({kind: 'changed', where: 'kh:2'});
		expect(verdict(HASHED, '127.0.0.1', 22, keyA)).toEqual({kind: 'unknown'});
		expect(verdict(HASHED, '127.0.0.1', 2223, keyA)).toEqual({kind: 'unknown'});
	});

	it('skips lines that are not key lines: broken keys, a type that does not match the key, unknown markers', () => {
		const text = [`box ssh-rsa ${A}`, `box ssh-ed25519 notbase64!!`, `@foo box ssh-ed25519 ${A}`, `|2|abc|def ssh-ed25519 ${A}`, 'box', `box ssh-ed25519 ${B}`].join('\n');
		const entries = parseKnownHosts(text, 'kh');
		expect(entries.map(e => e.where)).toEqual(['kh:6']);
	});
});

describe('known_hosts: the verdict on the key a server offers', () => {
	it('a different key of the same type is "changed", never accepted, even when another line has other keys', () => {
		expect(verdict(`box ssh-ed25519 ${A}`, 'box', 22, keyB)).toEqual({kind: 'changed', where: 'kh:1', keyType: 'ssh-ed25519'});
		expect(verdict(`box ssh-ed25519 ${A}\nbox ssh-rsa ${R}`, 'box', 22, keyB)).toMatchObject({kind: 'changed'});
	});

	it('a key of a type the host is not known by is refused too (ssh would not accept it silently)', () => {
		expect(verdict(`box ssh-rsa ${R}`, 'box', 22, keyA)).toEqual({kind: 'other-type', knownTypes: ['ssh-rsa'], where: 'kh:1'});
	});

	it('@revoked refuses the key even when a plain line lists it', () => {
		const text = `box ssh-ed25519 ${A}\n@revoked * ssh-ed25519 ${A}`;
		expect(verdict(text, 'box', 22, keyA)).toEqual({kind: 'revoked', where: 'kh:2'});
		expect(verdict(text, 'box', 22, keyB)).toMatchObject({kind: 'changed'});
	});

	it('@cert-authority alone is reported (host certificates are not checked here)', () => {
		expect(verdict(`@cert-authority *.lan ssh-ed25519 ${A}`, 'box.lan', 22, keyB)).toEqual({kind: 'cert-authority', where: 'kh:1'});
	});

	it('fingerprints read as ssh-keygen -l prints them', () => {
		expect(fingerprint(keyA)).toBe('SHA256:CeRgFaArMd3WGvol10pbdTBVxOZwUZKnSyBoVzXviXw');
	});

	it('offers the host key algorithms known for the host first', () => {
		const all = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] as const;
		const entries = parseKnownHosts(`box ssh-rsa ${R}\nother ssh-ed25519 ${A}`, 'kh');
		expect(preferredHostKeyAlgorithms(entries, 'box', all)).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-ed25519', 'ecdsa-sha2-nistp256']);
		expect(preferredHostKeyAlgorithms(entries, 'nobody', all)).toEqual([...all]);
	});
});

describe('known_hosts: what the user is told', () => {
	const ctx: HostKeyContext = {endpoint: 'ssh://me@box:2222', host: 'box', port: 2222, username: 'me', userFile: '~/.ssh/known_hosts'};

	it('an unknown host: which name, and the two ways to accept its key', () => {
		const message = hostKeyRefusal({kind: 'unknown'}, keyA, ctx)!;
		expect(message).toContain('Docker host ssh://me@box:2222: host key unknown ([box]:2222 is not in ~/.ssh/known_hosts)');
		expect(message).toContain('`ssh -p 2222 me@box` once');
		expect(message).toContain('SHA256:CeRgFaArMd3WGvol10pbdTBVxOZwUZKnSyBoVzXviXw');
		expect(message).toContain('`ssh-keyscan -p 2222 box >> ~/.ssh/known_hosts`');
		const on22 = hostKeyRefusal({kind: 'unknown'}, keyA, {...ctx, port: 22, endpoint: 'ssh://me@box'})!;
		expect(on22).toContain('`ssh me@box` once');
		expect(on22).toContain('`ssh-keyscan box >> ~/.ssh/known_hosts`');
	});

	it('a changed key: says it differs and may be an attack, and how to replace it if expected', () => {
		const message = hostKeyRefusal({kind: 'changed', where: '~/.ssh/known_hosts:7', keyType: 'ssh-ed25519'}, keyB, ctx)!;
		expect(message).toContain('the ssh-ed25519 host key of [box]:2222 differs from the one in ~/.ssh/known_hosts:7: POSSIBLE MAN-IN-THE-MIDDLE ATTACK');
		expect(message).toContain("`ssh-keygen -R '[box]:2222'`");
		expect(hostKeyRefusal({kind: 'known', where: 'kh:1'}, keyA, ctx)).toBeNull();
	});

	it('revoked and cert-authority say where the line is', () => {
		expect(hostKeyRefusal({kind: 'revoked', where: '/etc/ssh/ssh_known_hosts:2'}, keyA, ctx)).toContain('is marked @revoked in /etc/ssh/ssh_known_hosts:2; not connecting');
		expect(hostKeyRefusal({kind: 'cert-authority', where: 'kh:1'}, keyA, ctx)).toContain('host certificates are not supported here');
	});
});
