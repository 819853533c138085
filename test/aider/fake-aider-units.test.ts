// The fake Aider's pure rules, checked against what ../shared/research/aider.md documents for real
// Aider: /add and /drop matching and wording, the gitignore refusal, mentioned files and suggested
// shell blocks, confirm answers, command prefixes, the cost line, Python number formats, and the
// rows rich's Live display repaints. The pty tests cover the same code end to end; these pin the edges.

import {afterAll, describe, expect, it} from 'vitest';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {addOutcome, createQuestion, dropMatches, filesUnder, globRegex, hasWildcard, matchGlob, wildcardNoMatch} from '../../source/sim/aider/chat-files.js';
import {isGitignored} from '../../source/sim/aider/git.js';
import {mentionedFiles, shellSuggestions} from '../../source/sim/aider/reply.js';
import {confirmQuestion, isYes, parseAnswer, yesAlwaysAnswer} from '../../source/sim/aider/confirm.js';
import {resolveCommand} from '../../source/sim/aider/commands.js';
import {costsFromMetadata, formatCost, messageCost, tokensLine} from '../../source/sim/aider/cost.js';
import {pyFixed1} from '../../source/sim/aider/py-format.js';
import {LIVE_LINES, liveFrame, wrapRows} from '../../source/sim/aider/live-repaint.js';
import {spinnerFrame} from '../../source/sim/aider/spinner.js';
import {outputLineCount} from '../../source/sim/aider/shell.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fake-aider-units-'));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

const FILES = ['README.md', 'a.txt', 'src/app.ts', 'src/util/str.ts', 'docs/x.md'];

describe('/add and /drop: which files a word picks', () => {
	it('matches globs against repo paths: * and ? stay in one folder, ** crosses folders', () => {
		expect(matchGlob('*.txt', FILES)).toEqual(['a.txt']);
		expect(matchGlob('src/*.ts', FILES)).toEqual(['src/app.ts']);
		expect(matchGlob('src/**/*.ts', FILES)).toEqual(['src/app.ts', 'src/util/str.ts']);
		expect(matchGlob('**/*.md', FILES)).toEqual(['README.md', 'docs/x.md']);
		expect(matchGlob('?.txt', FILES)).toEqual(['a.txt']);
		// Regex characters in names are literal.
		expect(globRegex('a.txt').test('aXtxt')).toBe(false);
		expect(matchGlob('*.(ts)', ['x.(ts)', 'x.ts'])).toEqual(['x.(ts)']);
	});

	it('treats * ? [ ] as wildcards and nothing else', () => {
		expect(['*.ts', 'a?.md', 'x[1].txt'].map(hasWildcard)).toEqual([true, true, true]);
		expect(['a.txt', 'src/app.ts', 'my-file_1.md'].map(hasWildcard)).toEqual([false, false, false]);
	});

	it('takes a folder as the repo files under it, not files that only share the prefix', () => {
		expect(filesUnder('src', [...FILES, 'srcfile.ts'])).toEqual(['src/app.ts', 'src/util/str.ts']);
	});

	it('words the no-match cases as Aider does', () => {
		expect(wildcardNoMatch('/repo/z*')).toBe('No match, and cannot create file with wildcard characters: /repo/z*');
		expect(createQuestion('new.txt', '/repo/new.txt')).toBe("No files matched 'new.txt'. Do you want to create /repo/new.txt?");
	});

	it('says a file is already in the chat before asking git about gitignore, and refuses ignored ones', () => {
		expect(addOutcome('a.txt', ['a.txt'], true)).toEqual({added: false, error: 'a.txt is already in the chat as an editable file'});
		expect(addOutcome('build.log', [], true)).toEqual({added: false, error: "Can't add build.log which is in gitignore"});
		expect(addOutcome('a.txt', [], false)).toEqual({added: true, message: 'Added a.txt to the chat'});
	});

	it('counts as gitignored an untracked ignored file, but not a tracked one that a pattern matches', () => {
		const repo = path.join(tmp, 'ignore');
		execFileSync('git', ['init', '-q', repo]);
		writeFileSync(path.join(repo, '.gitignore'), '*.log\nbuild/\n');
		writeFileSync(path.join(repo, 'tracked.log'), 'x\n');
		writeFileSync(path.join(repo, 'other.log'), 'x\n');
		writeFileSync(path.join(repo, 'a.txt'), 'x\n');
		execFileSync('git', ['-C', repo, 'add', '-f', 'tracked.log', 'a.txt', '.gitignore']);
		expect(isGitignored(repo, 'other.log')).toBe(true);
		expect(isGitignored(repo, 'build/out.js')).toBe(true);
		expect(isGitignored(repo, 'tracked.log')).toBe(false);
		expect(isGitignored(repo, 'a.txt')).toBe(false);
		expect(isGitignored(undefined, 'other.log')).toBe(false); // no repo, no gitignore
	});

	it('drops the named file or every chat file a glob matches', () => {
		const chat = ['a.txt', 'src/app.ts', 'src/util/str.ts'];
		expect(dropMatches('src/app.ts', false, chat)).toEqual(['src/app.ts']);
		expect(dropMatches('src/*', true, chat)).toEqual(['src/app.ts']);
		expect(dropMatches('src/**', true, chat)).toEqual(['src/app.ts', 'src/util/str.ts']);
		expect(dropMatches('nope.txt', false, chat)).toEqual([]);
	});
});

describe('what a reply suggests', () => {
	it('offers repo files the reply names (quoted or followed by punctuation), not ones in the chat or just edited', () => {
		const reply = 'Look at `src/app.ts`, and "README.md". Also (docs/x.md) and a.txt: src/util/str.ts.';
		expect(mentionedFiles(reply, FILES, ['README.md'], ['a.txt'])).toEqual(['src/app.ts', 'src/util/str.ts', 'docs/x.md']);
		expect(mentionedFiles('app.ts is not a repo path', FILES, [], [])).toEqual([]);
	});

	it('finds bash/sh/shell blocks only, one suggestion per block, without comments and blank lines', () => {
		const reply = ['```bash', '# install', 'npm ci', '', 'npm test', '```', '```python', 'print(1)', '```', '```sh', 'ls', '```', '```shell', '# only a comment', '```'].join('\n');
		expect(shellSuggestions(reply)).toEqual([['npm ci', 'npm test'], ['ls']]);
		expect(shellSuggestions('no blocks here')).toEqual([]);
	});
});

describe('confirm questions', () => {
	it('asks in Aider\'s format with Yes as the default', () => {
		expect(confirmQuestion('Add file to the chat?')).toBe('Add file to the chat? (Y)es/(N)o [Yes]: ');
	});

	it('takes any prefix of yes/no/skip/all in any case, the default for nothing, and nothing else', () => {
		expect(['y', 'YES', ' ye ', 'n', 'No', 's', 'skip', 'a', 'ALL'].map(parseAnswer)).toEqual(['y', 'y', 'y', 'n', 'n', 's', 's', 'a', 'a']);
		expect(parseAnswer('')).toBe('y');
		expect(parseAnswer('   ')).toBe('y');
		expect(parseAnswer('maybe')).toBeUndefined();
		expect(parseAnswer('yess')).toBeUndefined();
	});

	it('--yes-always says no only to questions that need an explicit yes; (A)ll is no yes for those', () => {
		expect(yesAlwaysAnswer(false)).toBe('y');
		expect(yesAlwaysAnswer(true)).toBe('n');
		expect(isYes('a', false)).toBe(true);
		expect(isYes('a', true)).toBe(false);
		expect(isYes('s', false)).toBe(false);
	});
});

describe('chat commands', () => {
	it('takes an unambiguous prefix, says which commands an ambiguous one could be, and names an invalid one', () => {
		expect(resolveCommand('/tok')).toEqual({command: '/tokens'});
		expect(resolveCommand('/a')).toEqual({command: '/add'});
		expect(resolveCommand('/exit')).toEqual({command: '/exit'});
		expect(resolveCommand('/d')).toEqual({error: 'Ambiguous command: /diff, /drop'});
		expect(resolveCommand('/r')).toEqual({error: 'Ambiguous command: /reset, /run'});
		expect(resolveCommand('/x')).toEqual({error: 'Invalid command: /x'});
	});
});

describe('tokens and cost', () => {
	it('reads litellm per-token costs for the model, 0 for a missing model or field', () => {
		const metadata = {'openai/qwen-coder': {input_cost_per_token: 0.0000015, output_cost_per_token: '0.000002'}, other: {input_cost_per_token: 1}};
		expect(costsFromMetadata(metadata, 'openai/qwen-coder')).toEqual({input: 0.0000015, output: 0.000002});
		expect(costsFromMetadata(metadata, 'unknown')).toEqual({input: 0, output: 0});
		expect(costsFromMetadata({m: {max_tokens: 8192}}, 'm')).toEqual({input: 0, output: 0});
		expect(costsFromMetadata(null, 'm')).toEqual({input: 0, output: 0});
	});

	it('formats cost like format_cost: 0.00, 2 decimals from a cent, else 2 significant digits', () => {
		expect(formatCost(0)).toBe('0.00');
		expect(formatCost(0.01)).toBe('0.01');
		expect(formatCost(1.234)).toBe('1.23');
		expect(formatCost(0.0018)).toBe('0.0018');
		expect(formatCost(0.0034)).toBe('0.0034');
		expect(formatCost(0.000123)).toBe('0.00012');
	});

	it('adds the Cost part only when the model has an input cost', () => {
		const costs = {input: 0.0000004, output: 0.0000008};
		const cost = messageCost(costs, 4500, 429);
		expect(tokensLine(4500, 429, costs, cost, cost)).toBe('Tokens: 4.5k sent, 429 received. Cost: $0.0021 message, $0.0021 session.');
		expect(tokensLine(790, 47, {input: 0, output: 0.1}, 4.7, 4.7)).toBe('Tokens: 790 sent, 47 received.');
		expect(tokensLine(12_345, 1000, costs, 0, 0.5)).toBe('Tokens: 12k sent, 1.0k received. Cost: $0.00 message, $0.50 session.');
	});

	it("prints Python's %.1f for the retry delays and /run's token counts (exact halves round to even)", () => {
		const delays = [0.25, 0.5, 1, 2, 4, 8, 16, 32];
		expect(delays.map(pyFixed1)).toEqual(['0.2', '0.5', '1.0', '2.0', '4.0', '8.0', '16.0', '32.0']);
		expect([0.75, 1.25, 1.234, 0].map(pyFixed1)).toEqual(['0.8', '1.2', '1.2', '0.0']);
		// Values printed by python3 -c "print('%.1f' % x)": not ties in binary, so not half-to-even.
		expect([0.05, 0.35, 0.15, 0.25, 2.5, 0.45].map(pyFixed1)).toEqual(['0.1', '0.3', '0.1', '0.2', '2.5', '0.5']);
	});

	it("counts /run's output lines as Aider does: none for no output, blank lines inside counted", () => {
		expect(outputLineCount('')).toBe(0);
		expect(outputLineCount('\r\n')).toBe(0);
		expect(outputLineCount('one\r\n')).toBe(1);
		expect(outputLineCount('one\r\n\r\ntwo\r\n')).toBe(3);
	});
});

describe('the streamed reply and the spinner', () => {
	const plain = (row: string) => row;

	it('wraps the reply into rows of the terminal width, counting characters not UTF-16 units', () => {
		expect(wrapRows('abcdef\n\nxy', 4)).toEqual(['abcd', 'ef', '', 'xy']);
		expect(wrapRows('😀😀😀', 2)).toEqual(['😀😀', '😀']);
		expect(wrapRows('', 10)).toEqual(['']);
	});

	it('keeps the last six rows live, prints older ones once, and erases only what it drew', () => {
		const rows = Array.from({length: 9}, (_, i) => `r${i}`);
		const first = liveFrame(rows, {stable: 0, drawn: 0}, false, plain);
		expect(first.state).toEqual({stable: 9 - LIVE_LINES, drawn: LIVE_LINES});
		expect(first.bytes).toBe(`\r${rows.map(r => `${r}\r\n`).join('')}`);
		const next = liveFrame([...rows, 'r9'], first.state, false, plain);
		expect(next.state).toEqual({stable: 4, drawn: LIVE_LINES});
		expect(next.bytes).toBe(`\r${'\u001B[1A\u001B[2K'.repeat(LIVE_LINES)}${['r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'].map(r => `${r}\r\n`).join('')}`);
	});

	it('at the end prints everything for good, without trailing blank rows', () => {
		const end = liveFrame(['a', 'b', '', ''], {stable: 0, drawn: 4}, true, plain);
		expect(end.bytes).toBe(`\r${'\u001B[1A\u001B[2K'.repeat(4)}a\r\nb\r\n`);
		expect(end.state).toEqual({stable: 2, drawn: 0});
	});

	it('moves the spinner block one cell per frame and cuts the line to the width less 2', () => {
		expect(spinnerFrame(0, 'm', 80)).toBe('\r\u001B[?25l█░░░░░░░░░ Waiting for m');
		expect(spinnerFrame(11, 'm', 80)).toBe('\r\u001B[?25l░█░░░░░░░░ Waiting for m');
		expect(spinnerFrame(0, 'openai/qwen-coder', 20)).toBe('\r\u001B[?25l█░░░░░░░░░ Waiting'); // 18 visible columns
	});
});
