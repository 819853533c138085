// Aider's "Waiting for <model>" spinner (waiting.py): in pretty mode only, after 0.5 s, a 10-cell
// ░/█ scanner redrawn every 0.1 s with the cursor hidden; stopping clears the line.

import type {Ui} from './ui.js';
import {out} from './ui.js';

/** One spinner frame, its visible part cut to the terminal width less 2 (the 7 characters of `\r` and hide-cursor not counted). */
export function spinnerFrame(frame: number, model: string, width: number): string {
	const bar = '░'
		.repeat(10)
		.split('')
		.map((c, i) => (i === frame % 10 ? '█' : c))
		.join('');
	return `\r\u001B[?25l${bar} Waiting for ${model}`.slice(0, Math.max(2, width - 2) + 7);
}

export class Spinner {
	private timer: NodeJS.Timeout | undefined;
	private frame = 0;

	constructor(
		private readonly ui: Ui,
		private readonly model: string,
	) {
		if (ui.args.pretty) this.timer = setTimeout(() => this.spin(), 500);
	}

	private spin(): void {
		out(spinnerFrame(this.frame, this.model, this.ui.width));
		this.frame++;
		this.timer = setTimeout(() => this.spin(), 100);
	}

	stop(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (this.ui.args.pretty && this.frame > 0) out(`\r${' '.repeat(Math.max(0, this.ui.width - 1))}\r\u001B[?25h`);
		this.frame = 0;
	}
}
