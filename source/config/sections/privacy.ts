// What the stack promises about privacy. The Doctor's Tor, proxy, Gitea-webhook and commit-identity
// checks are pass/fail for a stack that asks for them, and "not required" for one that does not.
import {z} from 'zod';

export const privacySection = z
	.strictObject({
		/** Everything goes through Tor: the SOCKS port must answer, proxies must use socks5h. */
		tor: z.boolean().default(false),
		/** Tor's SOCKS address, host:port. */
		socks: z.string().regex(/^[^\s:]+:\d+$/, 'host:port, e.g. 127.0.0.1:9050').default('127.0.0.1:9050'),
		git_name: z.string().optional(),
		git_email: z.string().optional(),
		/** Commit timestamps in UTC (+0000), so commits do not tell the author's timezone. */
		normalize_timezone: z.boolean().default(false),
	})
	.prefault({});
