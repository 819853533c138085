// SSH host key checking as OpenSSH does it for the user (StrictHostKeyChecking=yes): known_hosts lines
// (plain and hashed host patterns, [host]:port, comma lists, !negation, @revoked, @cert-authority) and
// the verdict on the key a server offers, with what to tell the user. Pure: no I/O (hashing only).

import {createRequire} from 'node:module';
import type * as Crypto from 'node:crypto';

// node:crypto is required at the first check, not at start-up: it took ~8 ms of the time to the
// first frame, and only an SSH host ever checks a key.
const requireHere = createRequire(import.meta.url);
const crypto = (): typeof Crypto => requireHere('node:crypto') as typeof Crypto;

export interface KnownHostsEntry {
	marker: 'revoked' | 'cert-authority' | null;
	/** Comma list of patterns, or null for a hashed entry. */
	patterns: string[] | null;
	hashed: {salt: Buffer; hash: Buffer} | null;
	/** The key type inside the key blob ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", ...). */
	keyType: string;
	key: Buffer;
	/** Where it came from, for messages: "~/.ssh/known_hosts:3". */
	where: string;
}

/** The lines of one known_hosts file; lines that are not a host key line (or have a broken key) are skipped, as ssh skips them. */
export function parseKnownHosts(text: string, file: string): KnownHostsEntry[] {
	const entries: KnownHostsEntry[] = [];
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = raw.trim();
		if (!line || line.startsWith('#')) return;
		const fields = line.split(/\s+/);
		let marker: KnownHostsEntry['marker'] = null;
		if (fields[0]!.startsWith('@')) {
			const m = fields.shift()!.toLowerCase();
			if (m === '@revoked') marker = 'revoked';
			else if (m === '@cert-authority') marker = 'cert-authority';
			else return;
		}
		const [hosts, type, base64] = fields;
		if (!hosts || !type || !base64) return;
		const key = Buffer.from(base64, 'base64');
		const keyType = blobKeyType(key);
		if (!keyType || keyType !== type) return;
		let patterns: string[] | null = null;
		let hashed: KnownHostsEntry['hashed'] = null;
		if (hosts.startsWith('|1|')) {
			const [salt, hash] = hosts.slice(3).split('|');
			if (!salt || !hash) return;
			hashed = {salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64')};
			if (hashed.salt.length !== 20 || hashed.hash.length !== 20) return;
		} else if (hosts.startsWith('|')) {
			return;
		} else {
			patterns = hosts.split(',').filter(Boolean);
		}
		entries.push({marker, patterns, hashed, keyType, key, where: `${file}:${index + 1}`});
	});
	return entries;
}

/** The type name at the start of an SSH public key blob (uint32 length + string), or null if it is not one. */
export function blobKeyType(blob: Buffer): string | null {
	if (blob.length < 4) return null;
	const len = blob.readUInt32BE(0);
	if (len === 0 || len > 64 || blob.length < 4 + len) return null;
	const type = blob.subarray(4, 4 + len).toString('latin1');
	return /^[\w@.-]+$/.test(type) ? type : null;
}

/** The name ssh looks up: "host" on port 22, "[host]:port" on any other (IPv6 literals too). Lower case, as ssh does. */
export function knownHostsName(host: string, port: number): string {
	const h = host.toLowerCase();
	return port === 22 ? h : `[${h}]:${port}`;
}

/** OpenSSH's wildcard match: `*` any run of characters, `?` one character. */
function wildcard(name: string, pattern: string): boolean {
	const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
	return re.test(name);
}

/** Whether an entry names this host: a hashed entry by HMAC-SHA1(salt, name); patterns as ssh matches them (a matching !pattern wins). */
export function entryMatches(entry: KnownHostsEntry, name: string): boolean {
	if (entry.hashed) return crypto().createHmac('sha1', entry.hashed.salt).update(name).digest().equals(entry.hashed.hash);
	let positive = false;
	for (const raw of entry.patterns ?? []) {
		const negated = raw.startsWith('!');
		const pattern = (negated ? raw.slice(1) : raw).toLowerCase();
		if (!wildcard(name, pattern)) continue;
		if (negated) return false;
		positive = true;
	}
	return positive;
}

/** "SHA256:…" as ssh prints a key's fingerprint. */
export function fingerprint(key: Buffer): string {
	return `SHA256:${crypto().createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

export type HostKeyVerdict =
	| {kind: 'known'; where: string}
	| {kind: 'unknown'}
	| {kind: 'changed'; where: string; keyType: string}
	| {kind: 'other-type'; knownTypes: string[]; where: string}
	| {kind: 'revoked'; where: string}
	| {kind: 'cert-authority'; where: string};

/** The verdict on the key (blob) a server offered for `name` (from knownHostsName). */
export function checkHostKey(entries: readonly KnownHostsEntry[], name: string, key: Buffer): HostKeyVerdict {
	const offeredType = blobKeyType(key) ?? 'unknown';
	const forHost = entries.filter(e => entryMatches(e, name));
	const revoked = forHost.find(e => e.marker === 'revoked' && e.key.equals(key));
	if (revoked) return {kind: 'revoked', where: revoked.where};
	const plain = forHost.filter(e => e.marker === null);
	const same = plain.find(e => e.key.equals(key));
	if (same) return {kind: 'known', where: same.where};
	const sameType = plain.find(e => e.keyType === offeredType);
	if (sameType) return {kind: 'changed', where: sameType.where, keyType: offeredType};
	if (plain.length > 0) return {kind: 'other-type', knownTypes: [...new Set(plain.map(e => e.keyType))], where: plain[0]!.where};
	const ca = forHost.find(e => e.marker === 'cert-authority');
	if (ca) return {kind: 'cert-authority', where: ca.where};
	return {kind: 'unknown'};
}

const ALGORITHMS_FOR_TYPE: Record<string, string[]> = {'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']};

/** Host key algorithms to offer, the ones known for this host first (as ssh orders them), so a server with
 * several keys shows the one known_hosts has rather than one it would call unknown. */
export function preferredHostKeyAlgorithms<T extends string>(entries: readonly KnownHostsEntry[], name: string, supported: readonly T[]): T[] {
	const known = new Set<string>();
	for (const e of entries) if (e.marker === null && entryMatches(e, name)) for (const a of ALGORITHMS_FOR_TYPE[e.keyType] ?? [e.keyType]) known.add(a);
	return [...supported.filter(a => known.has(a)), ...supported.filter(a => !known.has(a))];
}

export interface HostKeyContext {
	/** "ssh://me@box:2222", as shown elsewhere on the panel. */
	endpoint: string;
	host: string;
	port: number;
	username: string;
	/** The user's known_hosts, as the user would type it: "~/.ssh/known_hosts". */
	userFile: string;
}

/** What to tell the user when the key is not accepted; null when it is. */
export function hostKeyRefusal(verdict: HostKeyVerdict, key: Buffer, ctx: HostKeyContext): string | null {
	const name = knownHostsName(ctx.host, ctx.port);
	const type = blobKeyType(key) ?? 'unknown';
	const fp = fingerprint(key);
	const p = ctx.port === 22 ? '' : `-p ${ctx.port} `;
	const sshHost = ctx.host.includes(':') ? `[${ctx.host}]` : ctx.host;
	const accept = `run \`ssh ${p}${ctx.username}@${sshHost}\` once and accept the key if its fingerprint is ${fp}, or add it with \`ssh-keyscan ${p}${ctx.host} >> ${ctx.userFile}\``;
	const head = `Docker host ${ctx.endpoint}`;
	switch (verdict.kind) {
		case 'known':
			return null;
		case 'unknown':
			return `${head}: host key unknown (${name} is not in ${ctx.userFile}), so the server cannot be checked; ${accept}`;
		case 'changed':
			return `${head}: the ${type} host key of ${name} differs from the one in ${verdict.where}: POSSIBLE MAN-IN-THE-MIDDLE ATTACK (or the server was reinstalled); not connecting. If you know the key changed, remove the old one with \`ssh-keygen -R '${name}'\` and ${accept}`;
		case 'other-type':
			return `${head}: the server offered a ${type} host key but ${verdict.where} knows ${name} by ${verdict.knownTypes.join(', ')} only: the key may have changed (possible man-in-the-middle); not connecting. If that is expected, ${accept}`;
		case 'revoked':
			return `${head}: the ${type} host key of ${name} (${fp}) is marked @revoked in ${verdict.where}; not connecting. Ask the server's admin for its current key`;
		case 'cert-authority':
			return `${head}: ${name} is trusted through a @cert-authority line (${verdict.where}), and host certificates are not supported here; add the host's own key: ${accept}`;
	}
}
