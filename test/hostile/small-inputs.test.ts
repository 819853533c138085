// Small malformed inputs with lasting effects: a bad Aider token line, a keybindings file that
// unbinds quit, and Aider's cost printed on a second, unprefixed line.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {parseChatHistory} from '../../source/domain/aider/history-parser.js';
import {loadKeybindings} from '../../source/commands/keybindings-file.js';
import {allCommands} from '../../source/runtime/commands.js';

it('a malformed token line ("1. received") is not a token report, so totals stay numbers', () => {
	const events = parseChatHistory(['#### hi', '> Tokens: 12k sent, 1. received.', '> Tokens: 790 sent, 47 received.']);
	const tokens = events.filter(e => e.kind === 'tokens');
	expect(tokens).toEqual([{kind: 'tokens', sent: 790, received: 47}]);
	expect(tokens.every(e => e.kind === 'tokens' && Number.isFinite(e.sent) && Number.isFinite(e.received))).toBe(true);
});

it('reads the cost from the second line when Aider splits tokens and cost over two lines', () => {
	const events = parseChatHistory(['#### hi', 'reply text', '> Tokens: 12k sent, 2.1k cache write, 9.8k cache hit, 310 received.', 'Cost: $0.0034 message, $0.0123 session.  ', '', '#### next']);
	expect(events).toContainEqual({kind: 'cost', message: 0.0034, session: 0.0123});
	expect(events.filter(e => e.kind === 'assistant').map(e => e.kind === 'assistant' && e.text)).toEqual(['reply text']);
});

it('a keybindings file with an empty key list for app.quit is refused, naming the fix', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'sd-keys-'));
	try {
		const file = path.join(dir, 'keybindings.json');
		writeFileSync(file, JSON.stringify({'app.quit': []}));
		expect(() => loadKeybindings(file, allCommands())).toThrow(/"app\.quit": an empty list would leave no key to quit/);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});
