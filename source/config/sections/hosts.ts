// More boxes to watch beside this one: each [[hosts]] entry becomes a Host with its own Docker
// endpoint, engines, memory and sessions; [local] enabled = false drops the implicit local host.
import {z} from 'zod';

/** A host id: shown in a column and typed after --host, so short and plain. */
const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

/** Commands reach the host: over `ssh`, the ssh:// Docker connection, or here for a unix:// daemon. */
export function runsCommands(h: {ssh?: string | undefined; docker_host?: string | undefined}): boolean {
	return h.ssh !== undefined || /^(ssh|unix):\/\//i.test(h.docker_host?.trim() ?? '');
}

export const hostEntry = z
	.strictObject({
		name: z
			.string()
			.regex(HOST_NAME, 'letters, digits, "-", "_" or "." (32 at most)')
			.refine(n => n !== 'local', '"local" is this machine\'s host; pick another name'),
		/** ssh://user@host[:port], tcp://host:2376 (TLS with tls_* or tls_verify) or unix:///path; none: no containers. */
		docker_host: z.string().min(1).optional(),
		/** tcp:// with TLS: the CA that signed the daemon's certificate, and this client's certificate and key. */
		tls_ca: z.string().min(1).optional(),
		tls_cert: z.string().min(1).optional(),
		tls_key: z.string().min(1).optional(),
		/** tcp:// over TLS, checking the daemon's certificate (needs tls_ca). */
		tls_verify: z.boolean().default(false),
		/** Its engines' base URLs, reached from this machine. */
		engines: z.array(z.url()).default([]),
		/** Also probe its usual engine ports (on probe_host, default the docker/ssh host name). */
		probe: z.boolean().default(false),
		probe_host: z.string().min(1).optional(),
		/** [user@]host[:port] for its memory and folder sizes, read with commands over SSH. */
		ssh: z.string().min(1).optional(),
		/** Its cache and log folders, absolute paths there, sized with its own find (default: [cache] dirs when it runs commands). */
		cache_dirs: z.array(z.string().min(1).refine(p => p.startsWith('/'), 'an absolute path on that host ("/data/...")')).optional(),
		/** A folder of its over this many GB is flagged (default: [cache] warn_gb): boxes differ in disk. */
		cache_warn_gb: z.number().positive().optional(),
		/** Its /proc/meminfo-format file (read over ssh, or here for a unix:// host). */
		meminfo_path: z.string().min(1).default('/proc/meminfo'),
		/** Its OpenHands state folder. */
		state_dir: z.string().min(1).optional(),
		/** OpenHands' config.toml on that host, for the Doctor (default: the openhands container's mount, else state_dir/config.toml). */
		openhands_config: z.string().regex(/^\//, 'an absolute path on that host').optional(),
		/** A Prometheus server that scrapes this host's engines and node_exporter. */
		prometheus: z.url().optional(),
	})
	.refine(h => (h.tls_cert === undefined) === (h.tls_key === undefined), {message: 'tls_cert and tls_key go together', path: ['tls_cert']})
	.refine(h => !h.tls_verify || h.tls_ca !== undefined, {message: 'tls_verify needs tls_ca (the CA that signed the daemon\'s certificate)', path: ['tls_ca']})
	.refine(h => !h.cache_dirs?.length || runsCommands(h), {
		message: 'folders are sized with commands on that host: set ssh = "user@host" (or an ssh:// or unix:// docker_host)',
		path: ['cache_dirs'],
	});

export type HostEntry = z.infer<typeof hostEntry>;

export const hostsSection = z
	.array(hostEntry)
	.default([])
	.refine(list => new Set(list.map(h => h.name)).size === list.length, 'two [[hosts]] share a name; each needs its own');

/** The implicit local host: on unless switched off (a laptop watching only remote boxes). */
export const localSection = z
	.strictObject({
		enabled: z.boolean().default(true),
	})
	.prefault({});
