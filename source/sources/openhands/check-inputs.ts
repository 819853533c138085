// What `check-session PATH` can read, turned into sessions to check: a state folder (sessions/),
// one session folder, an events/ folder, a trajectory (JSON array of events), an evaluation output
// (object or JSON lines with `history`), or an LLM completion log (`messages`). Errors name the file.

import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {fsPath, readdirRaw} from '../../fs/raw-names.js';
import {parseCompletionLog} from '../../domain/openhands/completion-log.js';
import {parseEvent, type EventFacts} from '../../domain/openhands/event.js';
import type {LlmMessage} from '../../domain/openhands/messages.js';
import {EventDirReader} from './event-dir.js';
import {MAX_INPUT_BYTES, readJsonFile} from './read-json.js';
import {fromV1Events, idxOfFile, isV1EventList, v1InputsAt, v1InputsBeside, type V1CheckInput} from './v1/check-inputs-v1.js';
import {looksLikeV1Event, parseV1Event} from '../../domain/openhands/v1/event.js';

export type CheckInput =
	| {id: string; kind: 'events'; source: string; events: EventFacts[]; problems: string[]; unreadable?: string}
	| {id: string; kind: 'log'; source: string; messages: LlmMessage[]; problems: string[]}
	| V1CheckInput;

export class InputError extends Error {}

async function isDir(p: string): Promise<boolean> {
	return stat(fsPath(p)).then(s => s.isDirectory(), () => false);
}

async function fromEventsDir(dir: string, id: string): Promise<CheckInput> {
	try {
		const snapshot = await new EventDirReader(dir).scan();
		return {id, kind: 'events', source: dir, events: [...snapshot.events], problems: snapshot.problems.map(p => p.error)};
	} catch (error) {
		// An events folder we may not list: say so; it is not a session with 0 events.
		const message = (error as Error).message;
		return {id, kind: 'events', source: dir, events: [], problems: [message], unreadable: message};
	}
}

/**
 * V0 events carry a numeric id, a source and extras; a list with none of those (some evaluation and
 * resolver outputs write such lists) is no session in a known format, and checking it would report
 * findings that are not there.
 */
function recognisedV0(items: unknown[]): boolean {
	return items.some(item => item !== null && typeof item === 'object' && ('id' in item || 'source' in item || 'extras' in item));
}

function fromEventArray(items: unknown[], id: string, source: string): CheckInput {
	if (isV1EventList(items)) return fromV1Events(items, id, source);
	if (items.length > 0 && !recognisedV0(items)) {
		throw new InputError(`${source}: not a session in any known format (a list of ${items.length} item(s) with no "id", "source" or "extras": not OpenHands V0 or V1 events); not checked`);
	}
	const events: EventFacts[] = [];
	const problems: string[] = [];
	items.forEach((item, index) => {
		const parsed = parseEvent(item, index);
		if (parsed.ok) events.push(parsed.event);
		else problems.push(`${source}: item ${index}: ${parsed.error}`);
	});
	return {id, kind: 'events', source, events, problems};
}

function looksLikeMessages(items: unknown[]): boolean {
	const first = items[0];
	return Boolean(first && typeof first === 'object' && 'role' in first && !('action' in first) && !('observation' in first));
}

function fromValue(value: unknown, file: string, fallbackId: string): CheckInput[] {
	if (Array.isArray(value)) {
		if (value.length > 0 && looksLikeMessages(value)) return fromValue({messages: value}, file, fallbackId);
		return [fromEventArray(value, fallbackId, file)];
	}
	if (value && typeof value === 'object') {
		const o = value as Record<string, unknown>;
		if (Array.isArray(o['messages'])) {
			const log = parseCompletionLog(o);
			if (!log.ok) throw new InputError(`${file}: ${log.error}`);
			return [{id: fallbackId, kind: 'log', source: file, messages: log.messages, problems: []}];
		}
		if (Array.isArray(o['history'])) {
			const id = typeof o['instance_id'] === 'string' || typeof o['instance_id'] === 'number' ? String(o['instance_id']) : fallbackId;
			return [fromEventArray(o['history'], id, file)];
		}
		if (Array.isArray(o['trajectory'])) return [fromEventArray(o['trajectory'], fallbackId, file)];
		if (Array.isArray(o['events'])) return [fromEventArray(o['events'], fallbackId, file)];
		if ('action' in o || 'observation' in o) return [fromEventArray([o], fallbackId, file)];
		if (looksLikeV1Event(o)) {
			const parsed = parseV1Event(o, idxOfFile(file));
			return [{...fromV1Events([], fallbackId, file), events: parsed.ok ? [parsed.event] : []}];
		}
	}
	throw new InputError(
		`${file}: JSON, but not an OpenHands trajectory (array of events), evaluation output (object with "history"), or completion log (object with "messages")`,
	);
}

export async function loadCheckInputs(target: string, maxBytes = MAX_INPUT_BYTES): Promise<CheckInput[]> {
	const resolved = path.resolve(target);
	let info;
	try {
		info = await stat(resolved);
	} catch (error) {
		throw new InputError(`${resolved}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
	if (info.isDirectory()) {
		const sessions = path.join(resolved, 'sessions');
		if (await isDir(sessions)) {
			let entries;
			try {
				entries = await readdirRaw(sessions);
			} catch (error) {
				throw new InputError(`${sessions}: cannot read the sessions folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check its permissions`);
			}
			const names = entries.filter(d => d.isDirectory).map(d => d.name).sort();
			const out: CheckInput[] = [];
			for (const name of names) out.push(await fromEventsDir(path.join(sessions, name, 'events'), name));
			return [...out, ...v1InputsBeside(resolved)];
		}
		const v1 = v1InputsAt(resolved);
		if (v1) return v1;
		if (await isDir(path.join(resolved, 'events'))) return [await fromEventsDir(path.join(resolved, 'events'), path.basename(resolved))];
		const names = await readdir(resolved);
		if (names.some(n => /^\d+\.json$/.test(n))) {
			const id = path.basename(resolved) === 'events' ? path.basename(path.dirname(resolved)) : path.basename(resolved);
			return [await fromEventsDir(resolved, id)];
		}
		throw new InputError(
			`${resolved}: ${names.length === 0 ? 'empty folder' : 'no OpenHands events here'}; give a state folder (with sessions/), a session folder (with events/), an events/ folder, a V1 conversation folder (base_state.json + events/event-NNNNN-<uuid>.json, or v1/events/<conversation>/), or a JSON file`,
		);
	}
	const read = await readJsonFile(resolved, maxBytes, true);
	if (!read.ok) throw new InputError(read.error);
	const base = path.basename(resolved).replace(/\.jsonl?$/, '');
	if (read.lines) {
		if (isV1EventList(read.lines)) return [fromV1Events(read.lines, base, resolved)];
		return read.lines.flatMap((line, n) => {
			try {
				return fromValue(line, `${resolved} line ${n + 1}`, `${base}:${n + 1}`);
			} catch (error) {
				throw new InputError((error as Error).message);
			}
		});
	}
	return fromValue(read.value, resolved, base);
}
