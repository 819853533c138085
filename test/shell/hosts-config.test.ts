// [[hosts]] and [local] as a user writes them: what each entry's sources read, and the mistakes
// reported with the key at fault before the cockpit starts.

import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadConfig} from '../../source/config/load.js';
import {entrySshCommand, hostConfig} from '../../source/config/host-config.js';
import {tempDir} from '../support/temp-dir.js';

const dir = tempDir('stackdeck-hosts-config-');
function load(text: string) {
	const file = path.join(dir, `c${Math.random().toString(36).slice(2)}.toml`);
	writeFileSync(file, text);
	return loadConfig({path: file, origin: '--config'}).config;
}
const error = (text: string) => {
	try {
		load(text);
	} catch (e) {
		return (e as Error).message;
	}
	return null;
};

describe('[[hosts]]', () => {
	it('gives each entry its own engines, Docker, memory file, state folder and Prometheus', () => {
		const config = load(
			[
				'[prometheus]',
				'url = "http://global:9090"',
				'[[hosts]]',
				'name = "spark2"',
				'docker_host = "ssh://me@spark2"',
				'engines = ["http://spark2:30000", "http://10.0.0.9:8001"]',
				'state_dir = "/data/openhands-state"',
				'[[hosts]]',
				'name = "lab"',
				'prometheus = "http://prom:9090"',
				'',
			].join('\n'),
		);
		expect(config.local.enabled).toBe(true);
		const spark2 = hostConfig(config, config.hosts[0]!);
		// Engines on the host's own name are named by port; others keep host:port. No probing unless asked.
		expect(spark2.engines.list.map(e => [e.name, e.url])).toEqual([
			[':30000', 'http://spark2:30000'],
			['10.0.0.9:8001', 'http://10.0.0.9:8001'],
		]);
		expect(spark2.engines).toMatchObject({probe: false, probe_host: 'spark2'});
		expect(spark2.docker.enabled).toBe(true);
		expect(spark2.openhands.state_dir).toBe('/data/openhands-state');
		expect(spark2.memory.meminfo_path).toBe('/proc/meminfo');
		expect(spark2.prometheus.url).toBe('http://global:9090');
		const lab = hostConfig(config, config.hosts[1]!);
		expect(lab.docker.enabled).toBe(false);
		expect(lab.prometheus.url).toBe('http://prom:9090');
		// No ssh or docker_host: its name is its host name (node_exporter's instance, probing).
		expect(lab.engines.probe_host).toBe('lab');
	});

	it('gives each entry its cache folders: its own cache_dirs, else [cache] dirs where commands reach it', () => {
		const config = load(
			[
				'[cache]',
				'dirs = ["/data/cache"]',
				'hicache_dir = "/data/hicache"',
				'[[hosts]]',
				'name = "own"',
				'ssh = "me@own"',
				'cache_dirs = ["/srv/models", "/srv/logs"]',
				'cache_warn_gb = 500',
				'[[hosts]]',
				'name = "viassh"',
				'docker_host = "ssh://me@viassh"',
				'[[hosts]]',
				'name = "tcponly"',
				'docker_host = "tcp://tcponly:2376"',
				'[[hosts]]',
				'name = "off"',
				'ssh = "me@off"',
				'cache_dirs = []',
				'',
			].join('\n'),
		);
		const cache = (i: number) => hostConfig(config, config.hosts[i]!).cache;
		// Its own list, without the shared HiCache folder (another box's layout).
		expect(cache(0)).toMatchObject({dirs: ['/srv/models', '/srv/logs'], hicache_dir: undefined, warn_gb: 500});
		// Its own limit for a folder's warning; the others keep [cache] warn_gb.
		expect(cache(1).warn_gb).toBe(2);
		// Commands over the ssh:// Docker connection: the same stack's folders as this machine's.
		expect(cache(1)).toMatchObject({dirs: ['/data/cache'], hicache_dir: '/data/hicache'});
		// Nothing runs commands there: no folders, so no rows that can only fail.
		expect(cache(2)).toMatchObject({dirs: [], hicache_dir: undefined});
		expect(cache(3).dirs).toEqual([]);
	});

	it('reports the mistakes by key', () => {
		expect(error('[[hosts]]\nname = "a"\nssh = "me@a"\ncache_dirs = ["data/cache"]\n')).toMatch(/hosts\[0\]\.cache_dirs\[0\]: an absolute path on that host/);
		expect(error('[[hosts]]\nname = "a"\ndocker_host = "tcp://a:2376"\ncache_dirs = ["/data"]\n')).toMatch(/hosts\[0\]\.cache_dirs: folders are sized with commands on that host: set ssh/);
		expect(error('[[hosts]]\nname = "a"\ncache_dirs = "/data"\n')).toMatch(/hosts\[0\]\.cache_dirs: /);
		expect(error('[[hosts]]\nname = "a"\ndocker_host = "unix:///run/a.sock"\ncache_dirs = ["/data"]\n')).toBeNull();
		expect(error('[[hosts]]\nname = "local"\n')).toMatch(/hosts\[0\]\.name: "local" is this machine's host/);
		expect(error('[[hosts]]\nname = "a b"\n')).toMatch(/hosts\[0\]\.name: letters, digits/);
		expect(error('[[hosts]]\nname = "a"\n[[hosts]]\nname = "a"\n')).toMatch(/hosts: two \[\[hosts\]\] share a name/);
		expect(error('[[hosts]]\nname = "a"\ndocker_host = "tcp://a:2376"\ntls_cert = "/c.pem"\n')).toMatch(/tls_cert and tls_key go together/);
		expect(error('[[hosts]]\nname = "a"\ntls_verify = true\n')).toMatch(/tls_verify needs tls_ca/);
		expect(error('[[hosts]]\nname = "a"\nengines = ["not a url"]\n')).toMatch(/hosts\[0\]\.engines\[0\]/);
		expect(error('[[hosts]]\nname = "a"\nsocket = "/x"\n')).toMatch(/unknown key "socket"/);
		expect(error('[local]\nenabled = false\n')).toMatch(/local\.enabled: with the local host disabled, at least one \[\[hosts\]\] entry is needed/);
		expect(error('[local]\nenabled = false\n[[hosts]]\nname = "b"\n')).toBeNull();
		expect(error('[[hosts]]\nname = "a"\nopenhands_config = "oh/config.toml"\n')).toMatch(/hosts\[0\]\.openhands_config: an absolute path on that host/);
		expect(error('[[hosts]]\nname = "a"\nopenhands_config = "/data/oh/config.toml"\n')).toBeNull();
	});

	it('gives the user’s own ssh command for an entry, from ssh or an ssh:// docker_host', () => {
		const [a, b, c] = load('[[hosts]]\nname = "a"\nssh = "me@box:2222"\n[[hosts]]\nname = "b"\ndocker_host = "ssh://me@box"\n[[hosts]]\nname = "c"\ndocker_host = "tcp://box:2376"\n').hosts;
		expect(entrySshCommand(a!)).toBe('ssh -p 2222 me@box');
		expect(entrySshCommand(b!)).toBe('ssh me@box');
		expect(entrySshCommand(c!)).toBeNull();
	});
});
