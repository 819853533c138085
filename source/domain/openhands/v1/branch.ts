// The active branch of a V1 conversation (SDK >= v1.31 conversation tree): walk parent_id from
// base_state's leaf_event_id to the root; events without parent_id (legacy) hang on the previous
// event. Without a leaf, every event is on the branch, in order.

import type {V1EventFacts} from './event.js';

const ROOT = '__root__';

/** UUIDs on the active branch, or null when every event is (no leaf recorded). */
export function activeBranch(events: readonly V1EventFacts[], leafEventId: string | null): Set<string> | null {
	if (!leafEventId) return null;
	const index = new Map(events.map((e, i) => [e.uuid, i]));
	if (!index.has(leafEventId)) return null;
	const on = new Set<string>();
	let at: number | undefined = index.get(leafEventId);
	while (at !== undefined && at >= 0 && !on.has(events[at]!.uuid)) {
		const event = events[at]!;
		on.add(event.uuid);
		if (event.parentId === ROOT) break;
		at = event.parentId === null ? at - 1 : index.get(event.parentId);
	}
	return on;
}
