// Which files are in the chat, read from Aider's chat history lines as the title line counts them.
import {describe, expect, it} from 'vitest';
import {parseChatHistory, type ParseCarry} from '../../source/domain/aider/history-parser.js';
import {nextChatFiles} from '../../source/domain/aider/chat-files.js';

const files = (lines: string[], carry: ParseCarry = {}, before: readonly string[] = []) => nextChatFiles(before, parseChatHistory(lines, carry));

describe('files in the chat from the history', () => {
	it('follows launch files, /add, /drop, /reset and read-only files', () => {
		expect(files(['> Added src/a.py to the chat.  ', '> Added docs/x.md to the chat (read-only).  ', '#### /add b.py  ', '> Added b.py to the chat  '])).toEqual(['src/a.py', 'docs/x.md', 'b.py']);
		expect(files(['> Removed b.py from the chat  ', '> Removed read-only file /home/u/repo/docs/x.md from the chat  '], {}, ['src/a.py', 'docs/x.md', 'b.py'])).toEqual(['src/a.py']);
		expect(files(['> Dropping all files from the chat session.  '], {}, ['a', 'b'])).toEqual([]);
		expect(files(['> All files dropped and chat history cleared.  '], {}, ['a'])).toEqual([]);
		expect(files(['', '# aider chat started at 2026-01-01 10:00:00', ''], {}, ['a'])).toEqual([]);
	});

	it('does not take /run output for a file', () => {
		expect(files(['> Added 12 lines of output to the chat.  ', '> Added 1 line of output to the chat.  '])).toEqual([]);
	});

	it('adds the subject of a yes to "Add file to the chat?", also when the answer comes in a later read', () => {
		const carry: ParseCarry = {};
		const first = files(['The code is in src/util.js.', '', '> src/util.js  '], carry);
		expect(first).toEqual([]);
		expect(files(['> Add file to the chat? (Y)es/(N)o [Yes]: y  '], carry, first)).toEqual(['src/util.js']);
		expect(files(['> lib/x.js  ', '> Add file to the chat? (Y)es/(N)o/(D)on\'t ask again [Yes]: n  '])).toEqual([]);
		expect(files(['> lib/x.js  ', '> Add file to the chat? (Y)es/(N)o/(A)ll/(S)kip all/(D)on\'t ask again [Yes]: a  '])).toEqual(['lib/x.js']);
		// Other questions with a yes add nothing.
		expect(files(['> ls  ', '> Run shell command? (Y)es/(N)o [Yes]: y  '])).toEqual([]);
	});
});
