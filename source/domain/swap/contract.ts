// The contract between OpenHands and the serving engine (the seeds stress it): OpenHands' model
// must be `openai/<served name>` and its base URL must reach the engine from inside its container
// (host.docker.internal). Compares what OpenHands is set to with what serves, naming both sides.

export interface ClientSetting {
	model: string | null;
	baseUrl: string | null;
	/** Where the values came from ("config.toml [llm]", "LLM_MODEL env"). */
	source: string;
}

export interface ServingSide {
	profile: string;
	servedModel: string;
	/** The engine's URL as this host reaches it. */
	url: string;
}

export interface ContractState {
	state: 'met' | 'differs' | 'unknown';
	expected: {model: string; baseUrl: string} | null;
	actual: ClientSetting | null;
	text: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0']);

/** The model and base URL OpenHands needs for this engine. */
export function expectedFor(serving: ServingSide): {model: string; baseUrl: string} {
	let base = serving.url.replace(/\/+$/, '').replace(/\/v1$/, '');
	try {
		const u = new URL(base);
		if (LOOPBACK.has(u.hostname)) u.hostname = 'host.docker.internal';
		base = u.toString().replace(/\/+$/, '');
	} catch {
		// Not a URL: compared as text.
	}
	return {model: `openai/${serving.servedModel}`, baseUrl: `${base}/v1`};
}

function sameBase(actual: string, expected: string, engineUrl: string): boolean {
	const norm = (s: string) => s.replace(/\/+$/, '').replace(/\/v1$/, '');
	try {
		const a = new URL(norm(actual));
		const e = new URL(norm(expected));
		const engine = new URL(engineUrl);
		const port = (u: URL) => u.port || (u.protocol === 'https:' ? '443' : '80');
		if (port(a) !== port(e)) return false;
		if (a.hostname === e.hostname) return true;
		// A container on the host network (or a LAN address) reaches the engine at its own address.
		return a.hostname === engine.hostname || (LOOPBACK.has(a.hostname) && LOOPBACK.has(engine.hostname));
	} catch {
		return norm(actual) === norm(expected);
	}
}

export function checkContract(actual: ClientSetting | null, serving: ServingSide | null): ContractState {
	const expected = serving ? expectedFor(serving) : null;
	if (!actual) return {state: 'unknown', expected, actual, text: 'OpenHands config not found: set [openhands] config_toml'};
	const mine = `${actual.model ?? '(no model)'} @ ${actual.baseUrl ?? '(no base_url)'}`;
	if (!serving || !expected) return {state: 'unknown', expected, actual, text: `OpenHands ${mine}; no profile serves now`};
	const modelOk = actual.model === expected.model;
	const baseOk = actual.baseUrl !== null && sameBase(actual.baseUrl, expected.baseUrl, serving.url);
	if (modelOk && baseOk) return {state: 'met', expected, actual, text: `OpenHands ${mine} = ${serving.profile}: met`};
	return {state: 'differs', expected, actual, text: `OpenHands ${mine} (${actual.source}) but ${serving.profile} needs ${expected.model} @ ${expected.baseUrl}`};
}
