// The daemon's event log: container actions (create, start, kill, die, stop, restart) kept for
// `since` replays and streamed to subscribers, filtered by type, container, event, label and
// image, and written as Engine API 1.50 JSON (with the legacy status/id/from fields).

import {nowNs} from './clock.js';
import {anyMatch, labelMatch, type Filters} from './filters.js';

export interface DockerEvent {
	action: string;
	id: string;
	name: string;
	image: string;
	labels: Record<string, string>;
	/** Extra attributes: exitCode for die, signal for kill. */
	extra: Record<string, string>;
	ns: bigint;
}

const KEEP = 1000;

export class EventLog {
	private readonly history: DockerEvent[] = [];
	private readonly listeners = new Set<(event: DockerEvent) => void>();

	emit(event: Omit<DockerEvent, 'ns'>): DockerEvent {
		const full = {...event, ns: nowNs()};
		this.history.push(full);
		if (this.history.length > KEEP) this.history.splice(0, this.history.length - KEEP);
		for (const listener of this.listeners) listener(full);
		return full;
	}

	between(since: bigint | null, until: bigint | null): DockerEvent[] {
		return this.history.filter(e => (since === null || e.ns >= since) && (until === null || e.ns <= until));
	}

	subscribe(listener: (event: DockerEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

export function eventMatches(e: DockerEvent, filters: Filters): boolean {
	return (
		anyMatch(filters, 'type', t => t === 'container') &&
		anyMatch(filters, 'container', c => c === e.name || (c.length >= 1 && e.id.startsWith(c))) &&
		anyMatch(filters, 'event', a => a === e.action || e.action.startsWith(`${a}:`)) &&
		anyMatch(filters, 'image', i => i === e.image || e.image.startsWith(`${i}:`)) &&
		labelMatch(filters, {...e.labels, ...e.extra}) &&
		anyMatch(filters, 'scope', s => s === 'local')
	);
}

/** One event line; timeNano is written whole (a JSON number past 2^53, as Go writes it). */
export function eventJson(e: DockerEvent): string {
	const attributes = {...e.labels, ...e.extra, image: e.image, name: e.name};
	const head = {status: e.action, id: e.id, from: e.image, Type: 'container', Action: e.action, Actor: {ID: e.id, Attributes: attributes}, scope: 'local', time: Number(e.ns / 1_000_000_000n)};
	return `${JSON.stringify(head).slice(0, -1)},"timeNano":${e.ns.toString()}}`;
}
