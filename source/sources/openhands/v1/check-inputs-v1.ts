// V1 inputs of `check-session`: a conversation folder in any layout (SDK/CLI/agent server folder,
// its events/, an app-server v1/events/<conversation>/), a folder of them, an OpenHands persistence
// folder, or a file of V1 events (JSON array, {"history": [...]}, JSON lines, one event file).

import path from 'node:path';
import {readBaseState, type V1BaseState} from '../../../domain/openhands/v1/base-state.js';
import {looksLikeV1Event, parseV1Event, type V1EventFacts} from '../../../domain/openhands/v1/event.js';
import {V1ConversationReader} from './conversation-reader.js';
import {OpenHandsServer, RestConversationReader} from './rest.js';
import {conversationAt, conversationsUnder, v1Roots, type V1ConversationDir} from './layout.js';

export interface V1CheckInput {
	id: string;
	kind: 'v1';
	source: string;
	events: V1EventFacts[];
	problems: string[];
	baseState: V1BaseState | null;
	/** The SDK version the producer reported (agent server /server_info), when it did. */
	sdkVersion?: string | null;
}

export function fromConversation(conversation: V1ConversationDir): V1CheckInput {
	const snapshot = new V1ConversationReader(conversation).scanNow();
	return {
		id: conversation.id,
		kind: 'v1',
		source: conversation.dir,
		events: snapshot.events,
		problems: snapshot.problems.map(p => p.error),
		baseState: snapshot.baseState,
	};
}

/** The V1 conversations at `dir`: itself, the folders under it, or the V1 roots of a persistence folder. */
export function v1InputsAt(dir: string): V1CheckInput[] | null {
	const one = conversationAt(dir);
	if (one) return [fromConversation(one)];
	const under = conversationsUnder(dir);
	if (under.length > 0) return under.map(fromConversation);
	const roots = v1Roots(dir).flatMap(conversationsUnder);
	return roots.length > 0 ? roots.map(fromConversation) : null;
}

/** V1 conversations kept beside V0 sessions in a state folder (~/.openhands with both). */
export function v1InputsBeside(stateDir: string): V1CheckInput[] {
	return v1Roots(stateDir).flatMap(conversationsUnder).map(fromConversation);
}

export function isV1EventList(items: readonly unknown[]): boolean {
	return items.length > 0 && items.every(looksLikeV1Event);
}

/** A list of V1 events from a file, in the order written (a dump has no idx: the position is the id). */
export function fromV1Events(items: readonly unknown[], id: string, source: string, baseState: unknown = null): V1CheckInput {
	const events: V1EventFacts[] = [];
	const problems: string[] = [];
	items.forEach((item, index) => {
		const parsed = parseV1Event(item, index);
		if (parsed.ok) events.push(parsed.event);
		else problems.push(`${source}: item ${index}: ${parsed.error}`);
	});
	return {id, kind: 'v1', source, events, problems, baseState: baseState === null ? null : readBaseState(baseState)};
}

/** `event-00003-<uuid>.json` → 3, so a single event file keeps its place. */
export function idxOfFile(file: string): number {
	const match = /^event-(\d{5,})-/.exec(path.basename(file));
	return match ? Number(match[1]) : 0;
}

/** Every conversation of a running agent or app server, read over REST, with the server's SDK version. */
export async function v1InputsFromServer(server: OpenHandsServer): Promise<V1CheckInput[]> {
	const [version, conversations] = await Promise.all([server.sdkVersion(), server.conversations()]);
	const out: V1CheckInput[] = [];
	for (const c of conversations) {
		const reader = new RestConversationReader(server, c.id, {id: c.id, model: c.model, baseUrl: null, nativeToolCalling: true, executionStatus: c.status, leafEventId: null, title: c.title});
		const snapshot = await reader.scan();
		out.push({id: c.id, kind: 'v1', source: reader.dir, events: snapshot.events, problems: snapshot.problems.map(p => p.error), baseState: snapshot.baseState, sdkVersion: version});
	}
	return out;
}
