// Masks secrets in an event before it is shown: values of secret-looking keys and strings that look
// like API keys or bearer tokens. Numbers (token counts) are left alone.

const SECRET_KEY = /(api[_-]?key|apikey|secret|password|passwd|authorization|auth[_-]?token|access[_-]?token|refresh[_-]?token|^token$|private[_-]?key|credential)/i;
const SECRET_VALUE = /\b(sk-[A-Za-z0-9_-]{12,}|ghp_[A-Za-z0-9]{20,}|gh[ousr]_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abpr]-[A-Za-z0-9-]{10,}|hf_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16})\b/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/g;

export const MASK = '********';

export function maskString(text: string): string {
	return text.replace(SECRET_VALUE, MASK).replace(BEARER, `$1${MASK}`);
}

export function maskSecrets(value: unknown, key = ''): unknown {
	if (typeof value === 'string') {
		if (SECRET_KEY.test(key) && value !== '' && value !== '<secret_hidden>') return MASK;
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
