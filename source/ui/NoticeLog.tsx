// The `!` overlay: running jobs with every step, then the last notices, newest first, word-wrapped so
// a long message reads whole on a phone. Scrolled (one notice a row) and filtered with the keys every
// list shares; Esc closes.

import React, {useMemo} from 'react';
import {Box} from 'ink';
import {formatClock, wrapWords} from '../domain/format.js';
import {stepText} from '../domain/jobs/step-text.js';
import {runningJobs} from '../store/slices/jobs.js';
import type {Notice} from '../store/slices/ui.js';
import type {JobRecord} from '../domain/jobs/record.js';
import type {Token} from '../theme/tokens.js';
import {useAppState, useTheme} from './context.js';
import {Line} from './widgets/Line.js';
import {useScroll} from './list/use-list.js';
import {FilterLine} from './list/FilterLine.js';

export interface LogLine {
	text: string;
	tone: Token;
}

const TONE: Record<Notice['level'], Token> = {info: 'text', ok: 'ok', warn: 'warn', error: 'error'};

export function noticeText(n: Notice): string {
	return `${formatClock(n.at)} ${n.text}`;
}

/** Newest first: the order the log shows and its list adapter counts. */
export function newestFirst(notices: readonly Notice[]): Notice[] {
	return [...notices].reverse();
}

export function jobLines(running: readonly JobRecord[], width: number, now: number, ascii = false): LogLine[] {
	const lines: LogLine[] = [];
	const wrap = (text: string, tone: Token, indent = '') => wrapWords(text, width - indent.length).forEach(t => lines.push({text: indent + t, tone}));
	for (const job of running) {
		wrap(`running: ${job.title}`, 'info');
		for (const step of job.steps) wrap(stepText(step, now, ascii), step.state === 'failed' || step.state === 'undo-failed' ? 'error' : 'text', '  ');
	}
	return lines;
}

export function NoticeLog({width, height}: {width: number; height: number}) {
	const {glyphs} = useTheme();
	const jobs = useAppState(s => s.jobs);
	const notices = useAppState(s => s.ui.notices);
	const offset = useAppState(s => s.ui.logOffset);
	const ordered = useMemo(() => newestFirst(notices), [notices]);
	const top = useMemo(() => jobLines(runningJobs(jobs), width, Date.now(), glyphs.ascii), [jobs, width, glyphs.ascii]);
	const view = useScroll('log', ordered, noticeText, offset, Math.max(1, height - 1 - top.length));
	const lines: LogLine[] = [...top];
	if (ordered.length === 0) lines.push({text: 'No notices yet.', tone: 'muted'});
	for (const i of view.shown) {
		const n = ordered[i]!;
		for (const text of wrapWords(noticeText(n), width)) lines.push({text, tone: TONE[n.level]});
	}
	const room = Math.max(0, height - 1 - (view.filter || view.editing ? 1 : 0));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Line tone="accent" bold>{`Notices ${view.matched ? view.top + 1 : 0}-${view.top + view.shown.length} of ${view.matched}, newest first (↑↓ / Esc)`}</Line>
			{lines.slice(0, room).map((l, i) => (
				<Line key={i} tone={l.tone}>
					{l.text}
				</Line>
			))}
			<FilterLine width={width} view={view} noun="notices" />
		</Box>
	);
}
