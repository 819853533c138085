// One step as text, for the cockpit's job log and a headless command's step lines:
// "✓ stop gitea 1.2s: stop done". ASCII marks where the terminal cannot draw the others.

import {formatDuration} from '../format.js';
import {stepElapsed, type StepRecord, type StepState} from './record.js';

const MARKS: Record<StepState, [string, string]> = {
	pending: ['·', '.'],
	running: ['▶', '>'],
	done: ['✓', '+'],
	failed: ['✗', 'x'],
	cancelled: ['⊘', '-'],
	undoing: ['↺', '<'],
	undone: ['↩', '<'],
	'undo-failed': ['✗', 'x'],
};

/** What a state is called where a mark is not enough (headless output, logs). */
export const STATE_WORDS: Record<StepState, string> = {
	pending: 'not run',
	running: 'running',
	done: 'done',
	failed: 'failed',
	cancelled: 'cancelled',
	undoing: 'undoing',
	undone: 'undone',
	'undo-failed': 'undo failed',
};

export function stepMark(state: StepState, ascii = false): string {
	return MARKS[state][ascii ? 1 : 0];
}

export function stepText(step: StepRecord, now: number, ascii = false): string {
	const elapsed = stepElapsed(step, now);
	const time = elapsed === null ? '' : ` ${formatDuration(elapsed)}`;
	return `${stepMark(step.state, ascii)} ${step.title}${time}${step.detail ? `: ${step.detail}` : ''}`;
}
