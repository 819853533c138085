// The README's screen captures, taken from the built cockpit: `stackdeck demo` in a real
// pseudo-terminal at 46x19 (a phone in Termux) and at 160x48 (a tmux pane), read back through a
// headless xterm. Prints them; with --write it replaces the blocks between the README's
// `<!-- screen COLSxROWS -->` and `<!-- /screen -->` markers. Run `npm run build` first.
//
//   node scripts/screenshots.mjs [--write]

import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'stackdeck.js');
const readme = path.join(root, 'README.md');
const WAIT_MS = 60_000;

/** What each capture shows, and when it is ready: the demo's engines read and its broken model crashed. */
const served = text => /sglang\s+mistral\S*\s+\d+\.\d\s+\d+ms/.test(text);
const SHOTS = [
	{cols: 46, rows: 19, keys: ['2'], ready: text => served(text) && /╭─ 2 Throughput/.test(text)},
	// Settled: container stats in, the doctor's checks done, the crash notice cleared.
	{cols: 160, rows: 48, keys: ['1'], ready: text => served(text) && /sglang:\S+\s+\d/.test(text) && /Doctor \d+ to fix/.test(text) && !/broken-model exited/.test(text.split('\n')[0])},
];

async function capture({cols, rows, keys, ready}) {
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-screenshots-'));
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true, scrollback: 0});
	const env = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', HOME: tmp, XDG_CONFIG_HOME: tmp, TMPDIR: tmp};
	for (const name of ['NO_COLOR', 'COLUMNS', 'LINES']) delete env[name];
	const child = pty.spawn(process.execPath, [bin, 'demo'], {name: 'xterm-256color', cols, rows, cwd: root, env});
	let pending = Promise.resolve();
	child.onData(data => {
		pending = pending.then(() => new Promise(resolve => term.write(data, resolve)));
	});
	// Answer the cockpit's terminal queries as a real terminal does.
	term.onData(data => child.write(data));
	const exited = new Promise(resolve => child.onExit(resolve));
	const lines = () => {
		const buffer = term.buffer.active;
		return Array.from({length: rows}, (_, i) => buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
	};
	const until = async (test, what) => {
		const deadline = Date.now() + WAIT_MS;
		for (;;) {
			await pending;
			if (test(lines().join('\n'))) return;
			if (Date.now() > deadline) throw new Error(`${cols}x${rows}: no ${what} after ${WAIT_MS} ms; screen:\n${lines().join('\n')}`);
			await new Promise(r => setTimeout(r, 100));
		}
	};
	try {
		// The demo's broken model dies at start and its notice holds the header until a key is
		// pressed: wait for it (Containers `!1` on the tab strip), then the keys clear it.
		await until(() => /(?:^|\s)1(?: \S+)? !\d+/.test(lines().at(-2) ?? ''), 'crash of broken-model');
		for (const key of keys) child.write(key);
		await until(ready, 'figures');
		return lines().join('\n').replace(/\s+$/, '');
	} finally {
		child.kill('SIGTERM');
		await exited;
		rmSync(tmp, {recursive: true, force: true});
	}
}

const write = process.argv.includes('--write');
let text = readFileSync(readme, 'utf8');
for (const shot of SHOTS) {
	const screen = await capture(shot);
	const size = `${shot.cols}x${shot.rows}`;
	if (!write) {
		process.stdout.write(`${size}\n${screen}\n\n`);
		continue;
	}
	const block = new RegExp(`(<!-- screen ${size} -->\\n)[\\s\\S]*?(<!-- /screen -->)`);
	if (!block.test(text)) throw new Error(`README.md has no <!-- screen ${size} --> block`);
	text = text.replace(block, (_, open, close) => `${open}\`\`\`\n${screen}\n\`\`\`\n${close}`);
}
if (write) writeFileSync(readme, text);
