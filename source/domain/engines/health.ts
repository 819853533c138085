// Rules over engine figures: the "sustained drop below half of expected" flag, the expected rate
// for an engine (its own setting, else its profile's), and the unreachable retry backoff.

export interface ExpectedSource {
	expectedTps?: number | undefined;
	profile?: string | undefined;
	model: string | null;
}

export interface ProfileLike {
	served_model_name: string;
	expected_tps?: number | undefined;
	engine?: string | undefined;
}

export function expectedRate(e: ExpectedSource, engineName: string, profiles: Readonly<Record<string, ProfileLike>>): number | null {
	if (e.expectedTps !== undefined) return e.expectedTps;
	if (e.profile && profiles[e.profile]?.expected_tps !== undefined) return profiles[e.profile]!.expected_tps!;
	for (const p of Object.values(profiles)) {
		if (p.expected_tps !== undefined && e.model !== null && p.served_model_name === e.model) return p.expected_tps;
	}
	for (const p of Object.values(profiles)) if (p.expected_tps !== undefined && p.engine === engineName) return p.expected_tps;
	return null;
}

/** The model an engine is configured to serve (its profile's served name), known before it answers. */
export function configuredModel(e: {profile?: string | undefined}, engineName: string, profiles: Readonly<Record<string, ProfileLike>>): string | null {
	if (e.profile && profiles[e.profile]) return profiles[e.profile]!.served_model_name;
	for (const p of Object.values(profiles)) if (p.engine === engineName && p.served_model_name) return p.served_model_name;
	return null;
}

/** Seconds below half the expected rate, while busy, before the row is flagged. */
export const SLOW_SUSTAIN_MS = 15_000;

/**
 * When the engine started being slow (busy and below half of expected), or null. An idle engine
 * produces no tokens and is not slow.
 */
export function nextSlowSince(prev: number | null, now: number, tps: number | null, expected: number | null, running: number | null): number | null {
	if (expected === null || tps === null || !(running !== null && running > 0)) return null;
	if (tps >= expected / 2) return null;
	return prev ?? now;
}

export function isSlow(slowSince: number | null, now: number): boolean {
	return slowSince !== null && now - slowSince >= SLOW_SUSTAIN_MS;
}

/**
 * An engine down this long with nothing on its host starting (no container, no swap) is asked only
 * every QUIET_RETRY_MS: on a box that serves one main model at a time the other profiles' engines
 * are down for hours, and asking each every second was a twentieth of the cockpit's steady CPU.
 */
export const QUIET_DOWN_MS = 60_000;
export const QUIET_RETRY_MS = 5_000;

/**
 * Retry delay after `failures` consecutive failures: 250 ms doubling, capped at 1 s so a server that
 * comes back is seen within 2 s; once it has been down and quiet for `quietMs` >= QUIET_DOWN_MS, 5 s.
 */
export function retryDelayMs(failures: number, quietMs = 0): number {
	if (quietMs >= QUIET_DOWN_MS) return QUIET_RETRY_MS;
	return Math.min(1000, 250 * 2 ** Math.max(0, failures - 1));
}
