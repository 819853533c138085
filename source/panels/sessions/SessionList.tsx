// The session list: newest first, one row per session (updated, events, agent state, findings
// badge, model on a wide panel, title), the state folder in use on top and the selected session's
// id/model/created below.

import React from 'react';
import {Line, Span} from '../../ui/widgets/Line.js';
import type {SessionsState} from '../../store/slices/sessions.js';
import {wrapWords} from '../../domain/format.js';
import {listWindow, pad, shortDate} from './window.js';

const STATE_LABELS: Record<string, string> = {awaiting_user_input: 'awaiting', awaiting_user_confirmation: 'confirm?', rate_limited: 'ratelimit', user_confirmed: 'confirmed', user_rejected: 'rejected'};

function shortState(state: string | null): string {
	return state ? (STATE_LABELS[state] ?? state) : '?';
}

const MODEL_WIDTH = 28;

/** "openai/mistral-small-4" → "mistral-small-4": the provider prefix is the same on every row. */
function shortModel(model: string | null): string {
	return model ? (model.split('/').at(-1) ?? model) : '?';
}

export function SessionList({s, width, height}: {s: SessionsState; width: number; height: number}) {
	const rows: React.ReactNode[] = [];
	const ext = `prompt extensions ${s.promptExtensions ? 'on' : 'off'}`;
	rows.push(
		<Line key="dir" tone={s.stateDir ? 'muted' : 'warn'}>
			{s.stateDir ? `${s.stateDir} (${s.stateDirOrigin}) · ${ext}` : (s.error ?? 'looking for the OpenHands state folder…')}
		</Line>,
	);
	if (s.stateDir && s.error) rows.push(<Line key="err" tone="error">{s.error}</Line>);
	if (s.stateDir && s.sessions.length === 0) rows.push(<Line key="none" tone="muted">{`no OpenHands sessions yet in ${s.stateDir} (sessions/, conversations/, v1/events/)`}</Line>);
	const footer = s.sessions.length > 0 ? 2 : 0;
	const room = Math.max(0, height - rows.length - 1 - footer);
	if (s.sessions.length > 0) {
		// Wide terminals have room for the model on every row (a phone shows it for the selected one).
		const showModel = width >= 90;
		rows.push(<Line key="head" tone="muted" bold>{pad(` updated     events state      !  ${showModel ? pad('model', MODEL_WIDTH + 1) : ''}title`, width)}</Line>);
		const {start, end} = listWindow(s.sessions.length, s.cursor, room);
		for (let i = start; i < end; i++) {
			const r = s.sessions[i]!;
			const selected = i === s.cursor;
			// An unreadable session is never shown as clean.
			const badge = r.error ? ' ? ' : r.findings === null ? ' … ' : r.findings === 0 ? ' ✓ ' : pad(` ${r.findings}`, 3);
			rows.push(
				<Line key={r.id} inverse={selected} tone={selected ? 'selectionText' : 'text'}>
					{`${selected ? '›' : ' '}${pad(shortDate(r.updatedAt), 11)} ${String(r.eventCount).padStart(6)} ${pad(shortState(r.agentState), 10)} `}
					<Span tone={r.error || r.findings ? 'error' : r.findings === 0 ? 'ok' : 'muted'} bold={Boolean(r.findings)} inverse={selected}>
						{badge}
					</Span>
					{` ${showModel ? `${pad(shortModel(r.model), MODEL_WIDTH)} ` : ''}${r.title ?? r.id}`}
				</Line>,
			);
		}
		const sel = s.sessions[s.cursor];
		if (sel) {
			rows.push(
				<Line key="sel1" tone="muted">{`${sel.id} · ${sel.model ?? 'model ?'}`}</Line>,
				<Line key="sel2" tone={sel.error ? 'error' : 'muted'}>
					{sel.error ?? `created ${shortDate(sel.createdAt)} · ${sel.findings ? [...new Set(sel.rules)].join(', ') : 'Enter: events'}`}
				</Line>,
			);
		}
	}
	return <>{rows.slice(0, height)}</>;
}
