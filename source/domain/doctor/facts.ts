// Everything the Doctor's checks look at, collected once per run by sources/doctor. Plain data:
// each group says why it could not be read (`error`) instead of pretending to an empty answer.

export interface FileFact {
	path: string;
	/** The file's text, or null with `error` saying why (missing, unreadable, not a regular file). */
	text: string | null;
	error: string | null;
}

export interface ContainerFact {
	name: string;
	/** Image as written in the container's config, with tag. */
	image: string;
	state: string;
	role: string | null;
	/** Architecture of the container's image ("arm64", "amd64"), null when not known. */
	imageArch: string | null;
	/** Environment, raw: checks must mask values before they become evidence. */
	env: Record<string, string>;
	mounts: {source: string; destination: string; readOnly: boolean; type: string}[];
	extraHosts: string[];
	networkMode: string;
	logDriver: string;
	logOptions: Record<string, string>;
	/** Ports the container listens on and where they are published on the host (null: not published). */
	ports: {container: number; host: number | null}[];
}

export interface DockerFacts {
	endpoint: string;
	/** Null when the Engine API answered. */
	error: string | null;
	/** Host architecture as the daemon reports it, normalised ("arm64", "amd64"). */
	arch: string | null;
	defaultLogDriver: string | null;
	/** The daemon's own proxy (what image pulls use). */
	httpProxy: string;
	httpsProxy: string;
	rootDir: string | null;
	containers: ContainerFact[];
}

export interface EngineFact {
	url: string;
	kind: string | null;
	/** Null when it answered /v1/models. */
	error: string | null;
	served: string[];
	version: string | null;
	/** SGLang's server arguments where it reports them (/server_info). */
	toolCallParser: string | null | undefined;
	metricsEnabled: boolean | null;
}

export interface MemoryFact {
	path: string;
	error: string | null;
	totalBytes: number;
	availableBytes: number;
	cachedBytes: number;
	swapUsedBytes: number;
}

export interface DiskFact {
	/** What the folder is for: "Docker data (/var)", "OpenHands state". */
	label: string;
	path: string;
	error: string | null;
	freeBytes: number;
	totalBytes: number;
}

export interface FolderFact {
	path: string;
	error: string | null;
	bytes: number;
	/** The walk stopped at its budget: bytes is a lower bound. */
	partial: boolean;
}

export interface PathFact {
	path: string;
	error: string | null;
	exists: boolean;
	/** The first component on the way that is a symlink, with its target. */
	symlink: {at: string; target: string} | null;
	uid: number | null;
	gid: number | null;
	mode: number | null;
}

export interface SocksFact {
	address: string;
	/** The SOCKS5 server's method-selection reply as hex ("0500"), or null. */
	reply: string | null;
	error: string | null;
}

export interface CommitFact {
	authorName: string;
	authorEmail: string;
	committerName: string;
	committerEmail: string;
	/** Offsets as git records them: "+0000", "+0200". */
	authorTz: string;
	committerTz: string;
}

export interface RepoFact {
	path: string;
	error: string | null;
	commits: CommitFact[];
}

export interface ProfileFact {
	name: string;
	served: string;
	memoryGb: number | null;
	engine: string | null;
	container: string | null;
}

export interface PrivacyRequirements {
	/** All traffic through Tor: proxies, onion webhooks and the SOCKS port are checked. */
	tor: boolean;
	socks: string;
	/** Pseudonymous identity for commits, when set. */
	gitName: string | null;
	gitEmail: string | null;
	normalizeTimezone: boolean;
}

/** The [[hosts]] entry the facts were read on (absent for this machine's implicit host). */
export interface HostScope {
	/** Its name, as findings carry it. */
	name: string;
	/** Its files can be read (over ssh, or here for a unix:// daemon on this machine). */
	files: boolean;
}

export interface DoctorFacts {
	at: number;
	/** Set when the facts are a [[hosts]] entry's: a missing input is "not configured for" that host. */
	host?: HostScope | null;
	docker: DockerFacts | null;
	/** OpenHands' config.toml, when it was found (configured or mounted into the container). */
	openhandsConfig: FileFact | null;
	/** The OpenHands app container's name, when there is one. */
	openhandsContainer: string | null;
	stateDir: PathFact | null;
	workspace: PathFact | null;
	engines: EngineFact[];
	profiles: ProfileFact[];
	memory: MemoryFact | null;
	disks: DiskFact[];
	folders: FolderFact[];
	warnFolderBytes: number;
	privacy: PrivacyRequirements;
	socks: SocksFact | null;
	/** Proxy variables of the environment Aider and package managers start from (the cockpit's). */
	proxyEnv: Record<string, string>;
	giteaIni: FileFact | null;
	repos: RepoFact[];
	projectPaths: string[];
	aider: {command: string; version: string | null; error: string | null; conf: FileFact | null};
	/** Sessions the Sessions panel found a server would reject (cockpit only; null headless). */
	sessionsRejected: {count: number; example: string} | null;
}
