// The one line that says a job is running: its title, the step it is on, how long that step has
// taken, and how to cancel it; fitted to the width (the step's title gives way first).

import {formatDuration} from '../format.js';
import {cellWidth, truncateCells} from '../list/cells.js';
import {currentStep, stepElapsed, type JobRecord} from './record.js';

export function progressLine(record: JobRecord, now: number, width: number, cancelHint: string, others = 0): string {
	const at = currentStep(record);
	const position = at ? ` ${at.index + 1}/${record.steps.length}` : '';
	const undoing = at?.step.state === 'undoing' ? 'undo: ' : '';
	const elapsed = ` ${formatDuration((at ? stepElapsed(at.step, now) : null) ?? now - record.startedAt)}`;
	const more = others > 0 ? ` +${others}` : '';
	const head = `▶ ${record.title}${position}`;
	const tail = `${elapsed}${more} · ${cancelHint}`;
	const stepText = at ? ` ${undoing}${at.step.title}${at.step.detail ? ` (${at.step.detail})` : ''}` : '';
	const room = width - cellWidth(head) - cellWidth(tail);
	if (room >= 6) return head + truncateCells(stepText, room) + tail;
	return truncateCells(head + tail, width);
}
