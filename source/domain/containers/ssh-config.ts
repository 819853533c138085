// What ssh makes of a host name with the user's ssh_config, as the docker CLI gets it by running `ssh`
// for DOCKER_HOST=ssh://…: Host blocks matched by pattern (`*`, `?`, `!negation`, several per line),
// Match blocks (all, host, originalhost, user, localuser), and for each keyword the first value
// obtained wins, so `Host *` at the end only fills what nothing before set. IdentityFile accumulates.
// Pure: the file is read and tokenised by the caller.

export interface SshConfigBlock {
	/** 'all' for the lines before the first Host or Match (they apply to every host). */
	kind: 'all' | 'host' | 'match';
	/** Host patterns, or Match words ("host", "a,b", "user", "me"). */
	patterns: string[];
	/** Keyword (lower case, as ssh compares them) and value, in file order. */
	options: {key: string; value: string}[];
}

export interface SshHop {
	/** The name as given (alias or host), for messages. */
	name: string;
	/** Where to connect: HostName, or the name itself. */
	host: string;
	port: number;
	user: string;
	/** IdentityFile values expanded (~, %h, %u, …); empty when the config names none (the defaults apply). */
	identityFiles: string[];
	/** Some Host or Match block other than `Host *`-like catch-alls named this host. */
	configured: boolean;
	/** The config gives a ProxyCommand for it (which this client does not run), as written. */
	proxyCommand: string | null;
}

export interface SshRoute {
	/** Jump hosts in the order they are reached, then the target last. */
	hops: SshHop[];
}

export interface SshResolveOptions {
	/** The local user (%u, and User when nothing sets one). */
	localUser: string;
	/** HOME, for `~` and %d. */
	home: string;
	/** Given on the command line (the docker CLI passes -l/-p from the URL): they beat the config. */
	user?: string | null;
	port?: number | null;
}

/** One ssh_config pattern (`*` any run, `?` exactly one character), matched whole, case-insensitively as ssh does. */
export function sshPatternMatches(pattern: string, text: string): boolean {
	const p = pattern.toLowerCase();
	const t = text.toLowerCase();
	// Iterative wildcard match: linear backtracking on the last star, no regex built from user text.
	let pi = 0;
	let ti = 0;
	let star = -1;
	let mark = 0;
	while (ti < t.length) {
		if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
			pi++;
			ti++;
		} else if (pi < p.length && p[pi] === '*') {
			star = pi++;
			mark = ti;
		} else if (star >= 0) {
			pi = star + 1;
			ti = ++mark;
		} else return false;
	}
	while (pi < p.length && p[pi] === '*') pi++;
	return pi === p.length;
}

/** A pattern list ("a,*.lan,!bad" or several words): any positive match, and no negated one. */
export function sshPatternListMatches(patterns: readonly string[], text: string): boolean {
	let matched = false;
	for (const word of patterns)
		for (const pattern of word.split(',')) {
			if (!pattern) continue;
			if (pattern.startsWith('!')) {
				if (sshPatternMatches(pattern.slice(1), text)) return false;
			} else if (sshPatternMatches(pattern, text)) matched = true;
		}
	return matched;
}

/** The `%` tokens ssh expands in IdentityFile (and HostName's %h); `~/` is HOME. */
export function expandSshTokens(value: string, tokens: Record<string, string>, home: string): string {
	const expanded = value.replace(/%(.)/g, (whole, c: string) => (c === '%' ? '%' : (tokens[c] ?? whole)));
	return expanded === '~' ? home : expanded.startsWith('~/') ? `${home}${expanded.slice(1)}` : expanded;
}

/** ProxyJump's comma-separated [user@]host[:port] or ssh://[user@]host[:port]; "none" is no jump. */
export function parseProxyJump(value: string): {host: string; port: number | null; user: string | null}[] {
	if (value.trim().toLowerCase() === 'none') return [];
	return value
		.split(',')
		.map(s => s.trim())
		.filter(Boolean)
		.map(spec => {
			let rest = spec.replace(/^ssh:\/\//i, '');
			let user: string | null = null;
			const at = rest.lastIndexOf('@');
			if (at >= 0) {
				user = rest.slice(0, at);
				rest = rest.slice(at + 1);
			}
			let port: number | null = null;
			const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
			if (bracketed) return {host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : null, user};
			const colon = rest.lastIndexOf(':');
			if (colon >= 0 && rest.indexOf(':') === colon && /^\d+$/.test(rest.slice(colon + 1))) {
				port = Number(rest.slice(colon + 1));
				rest = rest.slice(0, colon);
			}
			return {host: rest, port, user};
		});
}

/** The options that apply to `name`, each keyword's first value (IdentityFile: all of them, in order). */
export function sshOptionsFor(
	blocks: readonly SshConfigBlock[],
	name: string,
	localUser: string,
	given: {user?: string | null | undefined} = {},
): {values: Map<string, string>; identityFiles: string[]; configured: boolean} {
	const values = new Map<string, string>();
	const identityFiles: string[] = [];
	let configured = false;
	const take = (block: SshConfigBlock) => {
		for (const {key, value} of block.options) {
			// ProxyJump and ProxyCommand share one slot in ssh: whichever comes first wins.
			if (key === 'proxyjump' || key === 'proxycommand') {
				if (!values.has('proxy')) (values.set('proxy', key), values.set(key, value));
			} else if (key === 'identityfile') identityFiles.push(value);
			else if (!values.has(key)) values.set(key, value);
		}
	};
	for (const block of blocks) {
		if (block.kind === 'all') take(block);
		else if (block.kind === 'host') {
			if (!sshPatternListMatches(block.patterns, name)) continue;
			if (block.patterns.some(p => p.split(',').some(q => q && !q.startsWith('!') && q !== '*' && sshPatternMatches(q, name)))) configured = true;
			take(block);
		} else if (matchApplies(block.patterns, name, values.get('hostname') ?? name, given.user ?? values.get('user') ?? localUser, localUser)) take(block);
	}
	return {values, identityFiles, configured};
}

/** Match criteria ssh can judge without running anything; `exec`, `canonical` and unknown words do not match. */
function matchApplies(words: readonly string[], original: string, host: string, user: string, localUser: string): boolean {
	if (words.length === 1 && words[0]!.toLowerCase() === 'all') return true;
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!.toLowerCase();
		const negate = word.startsWith('!');
		const criterion = negate ? word.slice(1) : word;
		if (criterion === 'all') continue;
		const arg = words[++i];
		if (arg === undefined) return false;
		const subject = criterion === 'host' ? host : criterion === 'originalhost' ? original : criterion === 'user' ? user : criterion === 'localuser' ? localUser : null;
		if (subject === null) return false;
		if (sshPatternListMatches(arg.split(','), subject) === negate) return false;
	}
	return true;
}

/** One host's connection settings: command-line user/port first, then the config, then ssh's defaults. */
export function resolveSshHop(blocks: readonly SshConfigBlock[], name: string, opts: SshResolveOptions): SshHop & {proxyJump: string | null} {
	const {values, identityFiles, configured} = sshOptionsFor(blocks, name, opts.localUser, {user: opts.user});
	const host = expandSshTokens(values.get('hostname') ?? name, {h: name}, opts.home);
	const portValue = Number(values.get('port'));
	const port = opts.port ?? (Number.isInteger(portValue) && portValue > 0 && portValue < 65536 ? portValue : 22);
	const user = opts.user ?? values.get('user') ?? opts.localUser;
	const tokens = {h: host, n: name, p: String(port), r: user, u: opts.localUser, d: opts.home};
	const proxy = values.get('proxy');
	const proxyJump = proxy === 'proxyjump' ? values.get('proxyjump')! : null;
	const proxyCommand = proxy === 'proxycommand' ? values.get('proxycommand')! : null;
	return {
		name,
		host,
		port,
		user,
		identityFiles: identityFiles.filter(f => f.toLowerCase() !== 'none').map(f => expandSshTokens(f, tokens, opts.home)),
		configured,
		proxyCommand: proxyCommand && proxyCommand.toLowerCase() !== 'none' ? proxyCommand : null,
		proxyJump: proxyJump && proxyJump.toLowerCase() !== 'none' ? proxyJump : null,
	};
}

/** The target and the jump hosts before it, each resolved with the config as ssh resolves them. A jump
 * host's own ProxyJump is followed too (ssh runs `ssh -W` for it, which reads the config); loops stop. */
export function resolveSshRoute(blocks: readonly SshConfigBlock[], name: string, opts: SshResolveOptions): SshRoute {
	const route: SshHop[] = [];
	const seen = new Set<string>();
	const walk = (hopName: string, given: {user?: string | null; port?: number | null}, depth: number) => {
		const {proxyJump, ...hop} = resolveSshHop(blocks, hopName, {...opts, user: given.user ?? null, port: given.port ?? null});
		// A name already on the way (a ProxyJump loop) or a chain past 8 hops ends there. By name, not
		// address: a server may well be its own jump host under another alias.
		const key = hopName.toLowerCase();
		if (depth > 0 && (seen.has(key) || depth > 8)) return;
		seen.add(key);
		if (proxyJump) {
			// "a,b": a is reached as the config says (its own ProxyJump too), b through a, the target through b.
			const [first, ...rest] = parseProxyJump(proxyJump);
			if (first) walk(first.host, {user: first.user, port: first.port}, depth + 1);
			for (const jump of rest) route.push(strip(resolveSshHop(blocks, jump.host, {...opts, user: jump.user, port: jump.port})));
		}
		route.push(hop);
	};
	const strip = ({proxyJump: _, ...hop}: SshHop & {proxyJump: string | null}): SshHop => hop;
	walk(name, {user: opts.user ?? null, port: opts.port ?? null}, 0);
	return {hops: route};
}
