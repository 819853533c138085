// Which model an Aider session talks to: the active profile's engine URL and served model name.
// The active profile is the one named (--profile / [aider] profile), else the first profile whose
// engine is listed, else the first engine that names a profile.

export interface ProfileLike {
	engine?: string | undefined;
	served_model_name: string;
	/** The server's own URL when no watched engine serves it (a swap profile). */
	url?: string | undefined;
}

export interface EngineLike {
	name: string;
	url: string;
	profile?: string;
}

export interface ModelTarget {
	profile: string;
	/** OpenAI-compatible base, always ending in /v1. */
	apiBase: string;
	servedModel: string;
}

export type TargetResult = {ok: true; target: ModelTarget} | {ok: false; error: string};

export function openAiBase(url: string): string {
	const trimmed = url.replace(/\/+$/, '');
	return /\/v1$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

export function resolveModelTarget(
	profiles: Readonly<Record<string, ProfileLike>>,
	engines: readonly EngineLike[],
	wanted?: string,
): TargetResult {
	const names = Object.keys(profiles);
	const engineFor = (profile: ProfileLike) => (profile.engine ? engines.find(e => e.name === profile.engine) : undefined);
	if (wanted) {
		const profile = profiles[wanted];
		if (!profile) return {ok: false, error: `model profile "${wanted}" is not in [profiles]; known: ${names.join(', ') || 'none'}`};
		const url = engineFor(profile)?.url ?? profile.url;
		if (!url) return {ok: false, error: `profile "${wanted}" names engine "${profile.engine ?? '(none)'}", which is not in [[engines.list]]: add it with its url, or give the profile a url`};
		return {ok: true, target: {profile: wanted, apiBase: openAiBase(url), servedModel: profile.served_model_name}};
	}
	for (const name of names) {
		const url = engineFor(profiles[name]!)?.url ?? profiles[name]!.url;
		if (url) return {ok: true, target: {profile: name, apiBase: openAiBase(url), servedModel: profiles[name]!.served_model_name}};
	}
	for (const engine of engines) {
		const profile = engine.profile ? profiles[engine.profile] : undefined;
		if (profile) return {ok: true, target: {profile: engine.profile!, apiBase: openAiBase(engine.url), servedModel: profile.served_model_name}};
	}
	return {
		ok: false,
		error: 'no model profile to point Aider at: add [profiles.<name>] with engine and served_model_name, and the engine to [[engines.list]]',
	};
}
