// Space by content on screen: the built bin/stackdeck on the demo stack in a real pty, read back
// through a real terminal emulator. At 120x40 (a tmux pane) no panel is cut while another shows
// blank rows; at 46x19 (Termux) the Ollama hint under its row is readable whole.
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoScreen, untilBrokenModelCrashed, type DemoScreen} from '../support/demo-screen.js';

const WAIT = 40_000;
let demo: DemoScreen | undefined;

afterEach(async () => {
	await demo?.close();
	demo = undefined;
});

interface Box {
	digit: number;
	title: string;
	x: number;
	top: number;
	/** Rows inside the border, as drawn. */
	inner: string[];
}

/** The panels on screen, read from their rounded borders ("╭─ 3 Memory ──╮" … "╰──╯"). */
function boxes(lines: string[]): Box[] {
	const out: Box[] = [];
	lines.forEach((line, top) => {
		for (let x = line.indexOf('╭'); x >= 0; x = line.indexOf('╭', x + 1)) {
			const right = line.indexOf('╮', x);
			const head = /^╭─ (\d) (\S+)/.exec(line.slice(x));
			if (right < 0 || !head) continue;
			const inner: string[] = [];
			for (let y = top + 1; y < lines.length && (lines[y] ?? '')[x] !== '╰'; y++) inner.push((lines[y] ?? '').slice(x + 1, right).padEnd(right - x - 1));
			out.push({digit: Number(head[1]), title: head[2]!, x, top, inner});
		}
	});
	return out;
}

function blankAtBottom(box: Box): number {
	let n = 0;
	for (let i = box.inner.length - 1; i >= 0 && box.inner[i]!.trim() === ''; i--) n++;
	return n;
}

const text = (box: Box | undefined) => (box?.inner ?? []).join('\n');

/**
 * What each panel shows when nothing of it is cut, on the demo: its last group or line. The Doctor's
 * list and the selected check's evidence are longer than a whole column at this size, so it is
 * checked by taking its column whole instead.
 */
const WHOLE: Record<string, (t: string) => boolean> = {
	Containers: t => ['OpenHands (1)', 'SGLang (1)', 'vLLM (2)', 'Ollama (1)', 'Gitea (1)', 'Tor (1)', 'code-server (1)'].every(g => t.includes(g)) && /code-server:\S+/.test(t),
	Throughput: t => /to measure/.test(t) && /OpenHands ✓/.test(t),
	Memory: t => /ollama: qwen2\.5:32b/.test(t),
	Cache: t => /\/logs: /.test(t),
	Sessions: t => ['Speed up the todo', 'Add pagination', 'Rename the retry', 'Add a health', 'Fix the failing'].every(s => t.includes(s)) && /created \d/.test(t),
	Aider: t => /stackdeck term -- CMD/.test(t),
};

const allWhole = (lines: string[]) => {
	const shown = boxes(lines);
	return Object.entries(WHOLE).every(([title, whole]) => whole(text(shown.find(b => b.title === title))));
};

describe('space by content on the demo', () => {
	it('120x40: every panel that fits a column is whole, while spare rows show as blank rows at the bottom of others', async () => {
		demo = startDemoScreen('stackdeck-e2e-grid-', 120, 40);
		const s = demo.s;
		await untilBrokenModelCrashed(s, WAIT);
		// The sessions, the checks and the engines are read (their badges), then every panel is drawn whole.
		await s.waitFor(l => /5 Sessions !\d+/.test(l[l.length - 2] ?? '') && /7 Doctor !\d+/.test(l[l.length - 2] ?? ''), WAIT, 'sessions and checks read');
		await s.waitFor(allWhole, WAIT, 'every panel but the Doctor whole');
		const lines = s.lines();
		const shown = boxes(lines);
		expect(shown.map(b => b.digit).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
		for (const [title, whole] of Object.entries(WHOLE)) expect(whole(text(shown.find(b => b.title === title))), `${title} whole:\n${lines.join('\n')}`).toBe(true);
		// Spare rows exist (the demo has fewer rows to show than three columns hold), and show as blank
		// rows at the bottom of whole panels: none of the panels above is short of a row.
		const spare = shown.filter(b => blankAtBottom(b) > 0);
		expect(spare.length).toBeGreaterThan(0);
		// The one panel cut, the Doctor, has a column to itself and uses every row of it.
		const doctor = shown.find(b => b.title === 'Doctor')!;
		expect(shown.filter(b => b.x === doctor.x)).toEqual([doctor]);
		expect(blankAtBottom(doctor)).toBe(0);
		expect(doctor.inner.length).toBe(40 - 1 - 2 - 2);
		// Panel 1 is top left.
		expect(shown.find(b => b.x === 0 && b.top === 1)?.digit).toBe(1);
	}, 90_000);

	it('46x19: the Ollama hint under its row reads whole, wrapped inside the panel', async () => {
		demo = startDemoScreen('stackdeck-e2e-phone-hint-', 46, 19);
		const s = demo.s;
		await s.waitFor(l => /Containers|1 /.test(l[l.length - 2] ?? ''), WAIT, 'the tab strip');
		s.write('2');
		await s.waitFor(l => /ollama\s+qwen2\.5:32b/.test(l.join('\n')) && /to measure/.test(l.join('\n')), WAIT, 'the Ollama row and its hint');
		const lines = s.lines();
		const panel = boxes(lines).find(b => b.title === 'Throughput');
		expect(panel, lines.join('\n')).toBeDefined();
		const words = panel!.inner.map(l => l.trim()).join(' ');
		expect(words).toContain('no Prometheus metrics in Ollama: press b to measure');
		// No row of it is cut with an ellipsis, and nothing is drawn past the terminal's edge.
		for (const l of panel!.inner) expect(l).not.toMatch(/Ollama.*…/);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(46);
		expect(lines.length).toBeLessThanOrEqual(19);
	}, 90_000);
});
