// Which software-agent-sdk rules rebuild the message list: the SDK version decides whether adjacent
// user messages are merged (v1.26.0, PR #3450), and the agent's LLM settings whether tool results
// go as `user` text (native_tool_calling false). The version is known from a running agent
// server's /server_info; a folder on disk does not record it, so the rules applied are named.

export interface SdkRules {
	/** The SDK version the rules follow, e.g. "1.26.0"; null when not known. */
	version: string | null;
	/** Where the version came from, or what was assumed: shown beside every result. */
	from: string;
	mergeUserMessages: boolean;
	nativeToolCalling: boolean;
}

/** The first SDK release that merges adjacent plain user messages. */
export const MERGE_USERS_SINCE = '1.26.0';

/** "v1.26.0", "1.26", "1.43.1rc2" → [1, 26, 0]; null when there is no leading number. */
export function parseVersion(text: string): number[] | null {
	const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
	return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : null;
}

export function versionAtLeast(version: string, floor: string): boolean {
	const a = parseVersion(version);
	const b = parseVersion(floor)!;
	if (!a) return true;
	for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
	return true;
}

/**
 * The rules for `version` (null: unknown, the newest rules are applied and said so; the user picks
 * another with --sdk-version or `[openhands] sdk_version`).
 */
export function sdkRules(version: string | null, from: string | null, nativeToolCalling = true): SdkRules {
	const mergeUserMessages = version === null || versionAtLeast(version, MERGE_USERS_SINCE);
	const words = version === null ? `SDK version not recorded; rules of SDK >= ${MERGE_USERS_SINCE} applied (choose with --sdk-version or [openhands] sdk_version)` : `SDK ${version} (${from ?? 'given'})`;
	return {version, from: words, mergeUserMessages, nativeToolCalling};
}

/** One line naming the rules, for the CLI and the panel. */
export function describeRules(rules: SdkRules): string {
	return `${rules.from}: ${rules.mergeUserMessages ? 'adjacent user messages merged' : 'adjacent user messages sent apart'}${rules.nativeToolCalling ? '' : ', tool results sent as user text (native_tool_calling false)'}`;
}
