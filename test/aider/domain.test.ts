// The pure parts: the Aider command line and environment, the chat-history parser, and the
// keyboard filter that keeps the release chord and Ctrl-Z away from the child.

import {describe, expect, it} from 'vitest';
import {aiderArgs, aiderEnv, buildAiderLaunch} from '../../source/domain/aider/command-line.js';
import {parseChatHistory} from '../../source/domain/aider/history-parser.js';
import {resolveModelTarget} from '../../source/domain/aider/model-target.js';
import {parseTokenCount} from '../../source/domain/aider/tokens.js';
import {ctrlByte, initialInput, pasteBytes, splitInput} from '../../source/terminal-pane/input.js';

describe('Aider command line', () => {
	const target = resolveModelTarget({coder: {engine: 'vllm', served_model_name: 'qwen'}}, [{name: 'vllm', url: 'http://127.0.0.1:8000/'}]);
	it('points Aider at the active profile and keeps it from blocking', () => {
		expect(target).toEqual({ok: true, target: {profile: 'coder', apiBase: 'http://127.0.0.1:8000/v1', servedModel: 'qwen'}});
		if (!target.ok) return;
		const args = aiderArgs({config: {command: 'aider', command_args: [], extra_args: ['--dark-mode'], api_key: 'k'}, target: target.target, files: {chatHistory: '/h/c.md', inputHistory: '/h/i'}, chatFiles: ['a.py']});
		expect(args.slice(0, 4)).toEqual(['--model', 'openai/qwen', '--openai-api-base', 'http://127.0.0.1:8000/v1']);
		// The key is never on the command line (ps shows argv to every local user): it goes in the environment.
		expect(args.join(' ')).not.toContain('api-key');
		const launch = buildAiderLaunch({config: {command: 'aider', command_args: [], extra_args: [], api_key: 'k-secret'}, target: target.target, files: {chatHistory: '/h/c.md', inputHistory: '/h/i'}}, {});
		expect(launch.args).not.toContain('k-secret');
		expect(launch.env['AIDER_OPENAI_API_KEY']).toBe('k-secret');
		expect(args).toEqual(expect.arrayContaining(['--no-check-update', '--no-show-release-notes', '--no-analytics', '--no-show-model-warnings', '--chat-history-file', '/h/c.md', '--dark-mode']));
		expect(args.slice(-2)).toEqual(['--', 'a.py']);
	});
	it('sets TERM, no pager, no browser, offline cost map, and drops COLUMNS/LINES', () => {
		const env = aiderEnv({COLUMNS: '50', LINES: '20', TERM: 'screen', HOME: '/h'});
		expect(env).toMatchObject({TERM: 'xterm-256color', GIT_PAGER: 'cat', BROWSER: 'true', LITELLM_LOCAL_MODEL_COST_MAP: 'True', HOME: '/h'});
		expect(env['COLUMNS']).toBeUndefined();
		expect(env['LINES']).toBeUndefined();
	});
	it('names what is missing when no profile can be used', () => {
		const r = resolveModelTarget({}, []);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/\[profiles\.<name>\]/);
	});
});

describe('chat history parser', () => {
	const history = [
		'# aider chat started at 2026-01-01 12:00:00',
		'',
		'> aider --model openai/qwen  ',
		'',
		'#### add a test  ',
		'',
		'Sure, here it is.',
		'',
		'> Tokens: 4.5k sent, 429 received. Cost: $0.0018 message, $0.0018 session.  ',
		'> Applied edit to tests/test_x.py  ',
		'> Commit 1a2b3c4 feat: add test  ',
		'> litellm.APIConnectionError: APIConnectionError: OpenAIException - Connection error.  ',
		'> Retrying in 0.2 seconds...  ',
		'> Removed: 1a2b3c4 feat: add test  ',
	];
	it('reads tokens, cost, edits, commits, errors and undo', () => {
		const events = parseChatHistory(history);
		expect(events).toEqual(
			expect.arrayContaining([
				{kind: 'user', text: 'add a test'},
				{kind: 'assistant', text: 'Sure, here it is.'},
				{kind: 'tokens', sent: 4500, received: 429},
				{kind: 'cost', message: 0.0018, session: 0.0018},
				{kind: 'edit', file: 'tests/test_x.py'},
				{kind: 'commit', hash: '1a2b3c4', message: 'feat: add test'},
				{kind: 'error', text: 'Retrying in 0.2 seconds...'},
				{kind: 'undo', hash: '1a2b3c4', message: 'feat: add test'},
			]),
		);
		expect(parseTokenCount('12k')).toBe(12000);
	});
});

describe('pane keyboard filter', () => {
	const release = ctrlByte('ctrl+q')!;
	it('forwards Esc and Ctrl-C, swallows Ctrl-Z, and stops at the release chord', () => {
		const {actions} = splitInput(initialInput, `\u001B:q\u0003\u001Ax${release}ignored`, release);
		expect(actions).toEqual([{kind: 'send', data: '\u001B:q\u0003'}, {kind: 'swallowed', what: 'ctrl+z'}, {kind: 'send', data: 'x'}, {kind: 'release'}]);
	});
	it('collects an outer bracketed paste across chunks, release byte included', () => {
		const one = splitInput(initialInput, `a\u001B[200~line1\n${release}`, release);
		const two = splitInput(one.state, 'line2\u001B[201~b', release);
		expect([...one.actions, ...two.actions]).toEqual([{kind: 'send', data: 'a'}, {kind: 'paste', text: `line1\n${release}line2`}, {kind: 'send', data: 'b'}]);
		expect(pasteBytes('x\ny', true)).toBe('\u001B[200~x\ny\u001B[201~');
		expect(pasteBytes('x\ny', false)).toBe('x\ry');
	});
});
