// The one secret masker: by name (env variables, JSON keys, config keys) and by value pattern (API
// keys, tokens, URL passwords, Authorization headers, JWTs, PEM private keys, AWS secrets). Every
// view and every text output masks through here, so a pattern added once applies everywhere.

import type {EnvVar} from './containers/types.js';

export const MASK = '********';

/**
 * Names that hold secrets: containing KEY, TOKEN, SECRET, PASSWORD, PASSWD, PWD, CREDENTIAL, AUTH (not
 * AUTHOR) or COOKIE, and PAT as a whole word (GITHUB_PAT, SANDBOX_ENV_GITHUB_PAT, "pat"; not PATH).
 */
const SECRET_NAME = /key|token|secret|passw(or)?d|pwd|credential|auth(?!or)|cookie|(^|[_.-])pat($|[_.-])/i;
/** Names that contain a secret-ish word but hold none. */
const PLAIN_NAME = /^(key_?bindings?|keys?|tokens?_(sent|received|per_second|count)|max_tokens|.*_tokens|prompt_tokens|completion_tokens|total_tokens|cache_\w*tokens?|num_\w+|\w+_keys?_count)$/i;

export function isSecretName(name: string): boolean {
	return SECRET_NAME.test(name) && !PLAIN_NAME.test(name);
}

const VALUE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
	// PEM private keys, whole (or to the end of the text when cut).
	[/-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g, `-----BEGIN $1PRIVATE KEY-----${MASK}-----END $1PRIVATE KEY-----`],
	// Provider keys and tokens with a recognisable prefix.
	[/\b(sk-[A-Za-z0-9_-]{12,}|github_pat_[A-Za-z0-9_]{20,}|gh[pousr]_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abpr]-[A-Za-z0-9-]{10,}|hf_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16})\b/g, MASK],
	// JWTs: header.payload.signature, the first two base64url JSON objects.
	[/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, MASK],
	// Authorization headers of every scheme (Bearer, Basic, token, ...), and bare "Bearer x".
	[/\b(Authorization\s*[:=]\s*["']?)([A-Za-z]+\s+)?[^\s"',;]{6,}/gi, `$1$2${MASK}`],
	[/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/g, `$1${MASK}`],
	// Passwords in URLs: scheme://user:password@host.
	[/\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi, `$1${MASK}@`],
	// key=value and key: value pairs whose key names a secret (query strings, CLI flags, env dumps, YAML).
	[/\b([A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|(?<![A-Za-z])pat)["']?\s*[=:]\s*["']?)(?!\*{8})(?![\d.,]+[kKmMbB]?(?![^\s"'&,;}]))[^\s"'&,;}]{3,}/gi, `$1${MASK}`],
	// AWS secret access keys: 40 base64 characters, mixed case with a digit or / or + (not a 40-hex SHA).
	[/(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]{0,39}[A-Z])(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, MASK],
];

/** Quick test before the patterns run: most text holds none of these. */
const MAYBE = /-----BEGIN|sk-|_pat_|gh[pousr]_|glpat-|xox|hf_|AKIA|ASIA|eyJ|auth|bearer|:\/\/|[=:]|[A-Za-z0-9/+]{40}/i;

/** Mask every secret-shaped value in free text. */
export function maskString(text: string): string {
	if (!MAYBE.test(text)) return text;
	let out = text;
	for (const [pattern, replacement] of VALUE_PATTERNS) out = out.replace(pattern, replacement);
	return out;
}

/** Mask a parsed JSON value: secret-named keys wholly, every other string by pattern. Numbers stay. */
export function maskSecrets(value: unknown, key = ''): unknown {
	if (typeof value === 'string') {
		if (key !== '' && isSecretName(key) && value !== '' && value !== '<secret_hidden>') return MASK;
		return maskString(value);
	}
	if (Array.isArray(value)) return value.map(v => maskSecrets(v, key));
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = maskSecrets(v, k);
		return out;
	}
	return value;
}

/** Docker's "NAME=value" list to masked records: secret names wholly, other values by pattern. */
export function maskEnv(list: readonly string[] | null | undefined): EnvVar[] {
	return (list ?? []).map(entry => {
		const eq = entry.indexOf('=');
		const name = eq >= 0 ? entry.slice(0, eq) : entry;
		const value = eq >= 0 ? entry.slice(eq + 1) : '';
		if (isSecretName(name)) return {name, value: value === '' ? '' : MASK, masked: value !== ''};
		const shown = maskString(value);
		return {name, value: shown, masked: shown !== value};
	});
}
