// A privacy stack (config [privacy] tor = true): Tor answering, proxies that do not leak DNS, onion
// services that do not expose a model API, Gitea able to call onion webhooks, pseudonymous commits.
// For a stack that does not ask for it, each of these is `ok` with "not required".

import {ev, fail, fromProblems, ok, unknown, warn, type Problem} from '../result.js';
import {shown} from '../evidence-text.js';
import {iniValue, readIni} from '../ini.js';
import type {Check, Evidence} from '../types.js';
import type {ContainerFact, DoctorFacts} from '../facts.js';

const NOT_REQUIRED = 'not required: [privacy] tor is off in the stackdeck config';

function torContainers(facts: DoctorFacts): ContainerFact[] {
	return facts.docker?.containers.filter(c => c.role === 'tor') ?? [];
}

const ENGINE_PORTS = new Set([30000, 8000, 8001, 8080, 11434]);

export const torSocks: Check = {
	id: 'tor.socks',
	title: 'Tor answers and publishes nothing it should not',
	group: 'Privacy',
	run(facts) {
		const tor = torContainers(facts);
		if (!facts.privacy.tor && tor.length === 0) return ok(NOT_REQUIRED);
		const evidence: Evidence[] = [];
		const problems: Problem[] = [];
		const socks = facts.socks;
		if (!socks) return unknown('the SOCKS port was not probed');
		if (socks.reply === '0500') evidence.push(ev(`socks5://${socks.address}`, 'SOCKS5 handshake answered (no authentication)'));
		else {
			evidence.push(ev(`socks5://${socks.address}`, socks.error ?? `unexpected reply ${socks.reply}`));
			problems.push({
				level: facts.privacy.tor ? 'fail' : 'warn',
				text: `Tor's SOCKS port ${socks.address} does not answer a SOCKS5 handshake: anything set to use it fails, and tools without a proxy fall back to the clearnet`,
				fix: `start Tor (docker start ${tor[0]?.name ?? 'tor'}) and check SocksPort ${socks.address}; set [privacy] socks if it listens elsewhere`,
			});
		}
		for (const c of tor) {
			const services = Object.entries(c.env).filter(([k]) => /_TOR_SERVICE_HOSTS$/.test(k));
			const legacy = Object.keys(c.env).filter(k => /^SERVICE\d+_(HOST|PORT)$/.test(k));
			for (const [k, v] of services) evidence.push(ev(`container ${c.name}: ${k}`, shown(k, v)));
			if (legacy.length > 0 && services.length === 0) {
				evidence.push(...legacy.map(k => ev(`container ${c.name}: ${k}`, c.env[k]!)));
				problems.push({
					level: 'fail',
					text: `${c.name} sets ${legacy.join(', ')}, which the tor-hidden-service image does not read: no onion service is created`,
					fix: 'use NAME_TOR_SERVICE_HOSTS=80:<container>:<port> (e.g. GITEA_TOR_SERVICE_HOSTS=80:gitea:3000) and recreate the tor container',
				});
			}
			for (const [k, v] of services) {
				const targets = v.split(',').map(t => t.trim().split(':')).filter(p => p.length >= 3);
				const exposed = targets.filter(([, host, port]) => {
					const target = facts.docker?.containers.find(x => x.name === host);
					return (target?.role && ['sglang', 'vllm', 'ollama', 'llamacpp'].includes(target.role)) || ENGINE_PORTS.has(Number(port));
				});
				if (exposed.length > 0) {
					problems.push({
						level: 'warn',
						text: `${k} publishes a model API (${exposed.map(t => `${t[1]}:${t[2]}`).join(', ')}) as an onion service: anyone who learns the address can use the model, with no authentication`,
						fix: `remove ${k} from the tor container, or put an authenticating proxy in front and enable onion client authorization`,
					});
				}
			}
		}
		return fromProblems(problems, evidence, `Tor answers on ${socks.address}`);
	},
};

function proxyVar(env: Record<string, string>, names: string[]): [string, string] | null {
	for (const n of names) {
		for (const variant of [n, n.toLowerCase()]) if (env[variant]) return [variant, env[variant]!];
	}
	return null;
}

export const proxyEnv: Check = {
	id: 'proxy.env',
	title: 'Package managers and pulls go through Tor',
	group: 'Privacy',
	run(facts) {
		if (!facts.privacy.tor) return ok(NOT_REQUIRED);
		const evidence: Evidence[] = [];
		const problems: Problem[] = [];
		const wanted = `socks5h://${facts.privacy.socks}`;
		const proxy = proxyVar(facts.proxyEnv, ['ALL_PROXY', 'HTTPS_PROXY']);
		if (!proxy) {
			problems.push({level: 'fail', text: 'neither ALL_PROXY nor HTTPS_PROXY is set where Aider and package managers start: they go out on the clearnet', fix: `export ALL_PROXY=${wanted} HTTPS_PROXY=${wanted} in the shell profile stackdeck and Aider start from`});
		} else {
			evidence.push(ev(`environment: ${proxy[0]}`, shown(proxy[0], proxy[1])));
			if (/^socks5:\/\//i.test(proxy[1]) || /^socks4a?:\/\//i.test(proxy[1])) {
				problems.push({level: 'fail', text: `${proxy[0]} uses ${proxy[1].split(':')[0]}://, which resolves names locally: every host name leaks to the local DNS resolver`, fix: `use socks5h:// (${wanted}) so Tor resolves names`});
			} else if (/^https?:\/\//i.test(proxy[1]) && /:9050\b/.test(proxy[1])) {
				problems.push({level: 'fail', text: `${proxy[0]} points an http:// proxy at Tor's SOCKS port: every request fails`, fix: `use ${wanted}`});
			}
		}
		const pipIndex = facts.proxyEnv['PIP_INDEX_URL'];
		if (pipIndex) {
			evidence.push(ev('environment: PIP_INDEX_URL', shown('PIP_INDEX_URL', pipIndex)));
			problems.push({level: 'warn', text: 'PIP_INDEX_URL is set: pip fetches from it directly and reports "Could not fetch URL" instead of using the proxy', fix: 'unset PIP_INDEX_URL, or give pip --proxy with a socks5h URL (needs PySocks)'});
		}
		if (!facts.docker || facts.docker.error) {
			evidence.push(ev('docker info', facts.docker?.error ?? 'Docker disabled'));
		} else {
			const daemon = facts.docker.httpsProxy || facts.docker.httpProxy;
			evidence.push(ev('docker info: HTTPSProxy / HTTPProxy', daemon || '(none)'));
			if (!daemon) {
				problems.push({level: 'fail', text: 'the Docker daemon has no proxy: image pulls go out on the clearnet whatever the shell sets', fix: `set "proxies": {"http-proxy": "socks5://${facts.privacy.socks}", "https-proxy": "socks5://${facts.privacy.socks}"} in /etc/docker/daemon.json and restart Docker`});
			}
		}
		return fromProblems(problems, evidence, 'proxies point at Tor with remote DNS');
	},
};

export const giteaWebhookOnion: Check = {
	id: 'gitea.webhook-onion',
	title: 'Gitea can deliver webhooks to onion addresses',
	group: 'Privacy',
	run(facts) {
		const gitea = facts.docker?.containers.find(c => c.role === 'gitea') ?? null;
		if (!facts.privacy.tor) return ok(NOT_REQUIRED);
		if (!gitea && !facts.giteaIni) return ok('no Gitea in this stack');
		const env = gitea?.env ?? {};
		const fromEnv = (key: string) => env[`GITEA__webhook__${key}`] ?? env[`GITEA__WEBHOOK__${key}`];
		const ini = facts.giteaIni?.text ? readIni(facts.giteaIni.text) : [];
		const evidence: Evidence[] = [];
		const setting = (key: string): string | null => {
			const e = fromEnv(key);
			if (e !== undefined) {
				evidence.push(ev(`container ${gitea!.name}: GITEA__webhook__${key}`, e));
				return e;
			}
			const entry = iniValue(ini, 'webhook', key);
			if (entry) {
				evidence.push(ev(`${facts.giteaIni!.path}:${entry.line} [webhook] ${key}`, entry.value));
				return entry.value;
			}
			return null;
		};
		if (!facts.giteaIni?.text && Object.keys(env).every(k => !/^GITEA__webhook__/i.test(k))) {
			return unknown(`Gitea's app.ini not readable${facts.giteaIni ? ` (${facts.giteaIni.path}: ${facts.giteaIni.error})` : ''}`, 'set [doctor] gitea_app_ini to the app.ini path (in the Gitea data volume: gitea/conf/app.ini)');
		}
		const wrong = iniValue(ini, 'webhook', 'ALLOWED_HOSTS');
		const allowed = setting('ALLOWED_HOST_LIST');
		const proxyUrl = setting('PROXY_URL');
		const proxyHosts = setting('PROXY_HOSTS');
		const problems: string[] = [];
		const fixes: string[] = [];
		if (wrong) {
			evidence.push(ev(`${facts.giteaIni!.path}:${wrong.line} [webhook] ALLOWED_HOSTS`, wrong.value));
			problems.push('ALLOWED_HOSTS is not a Gitea setting (it is ignored)');
		}
		const hosts = (allowed ?? 'external').split(',').map(s => s.trim());
		if (!hosts.some(h => h === '*' || h === '*.onion')) {
			problems.push(`[webhook] ALLOWED_HOST_LIST is "${allowed ?? 'external (default)'}", which blocks .onion targets: deliveries fail silently`);
			fixes.push('ALLOWED_HOST_LIST = external,*.onion');
		}
		if (!proxyUrl) {
			problems.push('[webhook] PROXY_URL is not set: Gitea cannot reach .onion addresses without Tor');
			fixes.push(`PROXY_URL = socks5://${torContainers(facts)[0]?.name ?? 'tor'}:9050`);
		}
		if (proxyUrl && !(proxyHosts ?? '').split(',').some(h => ['**', '*', '*.onion'].includes(h.trim()))) {
			problems.push(`[webhook] PROXY_HOSTS is "${proxyHosts ?? ''}": onion targets do not use the proxy`);
			fixes.push('PROXY_HOSTS = *.onion');
		}
		if (problems.length === 0) return ok('onion targets allowed and sent through the proxy', evidence);
		return fail(problems.join('; '), evidence, `in app.ini under [webhook]: ${fixes.join(', ') || 'rename ALLOWED_HOSTS to ALLOWED_HOST_LIST'}; then restart Gitea`);
	},
};

export const gitIdentity: Check = {
	id: 'git.identity',
	title: 'Commits carry the pseudonymous identity',
	group: 'Privacy',
	run(facts) {
		const {gitName, gitEmail, normalizeTimezone} = facts.privacy;
		if (!gitName && !gitEmail && !normalizeTimezone) return ok('not required: no [privacy] git_name, git_email or normalize_timezone');
		if (facts.repos.length === 0) return unknown('no project repositories found', 'set [doctor] project_dirs (or WORKSPACE_BASE) to the folders holding the repositories');
		const evidence: Evidence[] = [];
		const bad: string[] = [];
		for (const repo of facts.repos) {
			if (repo.error) {
				evidence.push(ev(repo.path, repo.error));
				continue;
			}
			for (const c of repo.commits) {
				const who = [
					gitName && (c.authorName !== gitName || c.committerName !== gitName) ? `name ${c.authorName}/${c.committerName}` : null,
					gitEmail && (c.authorEmail !== gitEmail || c.committerEmail !== gitEmail) ? `email ${c.authorEmail}/${c.committerEmail}` : null,
					normalizeTimezone && (c.authorTz !== '+0000' || c.committerTz !== '+0000') ? `timezone ${c.authorTz}/${c.committerTz}` : null,
				].filter(Boolean);
				if (who.length > 0) {
					bad.push(repo.path);
					evidence.push(ev(repo.path, who.join(', ')));
					break;
				}
			}
		}
		if (facts.repos.every(r => r.error)) return unknown('no repository could be read', null, evidence);
		if (bad.length === 0) return ok(`recent commits in ${facts.repos.length} repositories use the configured identity`, evidence);
		return fail(
			`${bad.length} repositor${bad.length === 1 ? 'y has' : 'ies have'} commits that reveal another identity or timezone`,
			evidence,
			`in each: git config user.name "${gitName ?? '<name>'}" && git config user.email "${gitEmail ?? '<email>'}"${normalizeTimezone ? ' and commit with TZ=UTC (e.g. export TZ=UTC in the shell Aider and OpenHands run from)' : ''}; past commits keep theirs unless rewritten (git filter-repo)`,
		);
	},
};
