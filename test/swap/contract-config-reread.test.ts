// OpenHands' config.toml is polled every tick for the model contract: it is read again only when it
// changed (stat first), and every kind of edit a user or a swap makes is seen at the next poll.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {changedTextReader} from '../../source/fs/changed-text.js';
import {RECENT_MS} from '../../source/fs/stamp.js';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'sd-changed-text-'));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A reader's clock RECENT_MS past now: the files these tests just wrote count as quiet. */
const LATER = () => Date.now() + RECENT_MS + 1000;

describe('reading a polled file only when it changed', () => {
	it('keeps the text of a quiet file and reads it again after an in-place edit of the same size', async () => {
		const file = path.join(dir, 'quiet.toml');
		writeFileSync(file, 'model = "openai/aaaa"\n');
		const reader = changedTextReader(file, 1024, LATER);
		expect(await reader.read()).toEqual({ok: true, text: 'model = "openai/aaaa"\n', fresh: true});
		expect(await reader.read()).toEqual({ok: true, text: 'model = "openai/aaaa"\n', fresh: false});
		// Same size, and its old mtime put back: the ctime still moves.
		const {atime, mtime} = statSync(file);
		writeFileSync(file, 'model = "openai/bbbb"\n');
		utimesSync(file, atime, mtime);
		expect(await reader.read()).toMatchObject({ok: true, text: 'model = "openai/bbbb"\n', fresh: true});
	});

	it('does not trust the stamp of a file changed just now: a same-size edit right after a read is seen', async () => {
		const file = path.join(dir, 'racy.toml');
		writeFileSync(file, 'model = "openai/cccc"\n');
		const reader = changedTextReader(file, 1024);
		expect(await reader.read()).toMatchObject({text: 'model = "openai/cccc"\n', fresh: true});
		writeFileSync(file, 'model = "openai/dddd"\n');
		expect(await reader.read()).toMatchObject({text: 'model = "openai/dddd"\n', fresh: true});
		// Still recent: read again rather than kept.
		expect(await reader.read()).toMatchObject({text: 'model = "openai/dddd"\n', fresh: true});
		// Quiet for RECENT_MS (the reader's clock moved on): kept.
		const later = changedTextReader(file, 1024, () => Date.now() + RECENT_MS + 1000);
		expect(await later.read()).toMatchObject({fresh: true});
		expect(await later.read()).toMatchObject({text: 'model = "openai/dddd"\n', fresh: false});
	});

	it('sees a file replaced by rename (as the swap writes it), then gone, then back', async () => {
		const file = path.join(dir, 'swapped.toml');
		writeFileSync(file, 'model = "openai/eeee"\n');
		const reader = changedTextReader(file, 1024, LATER);
		await reader.read();
		expect(await reader.read()).toMatchObject({fresh: false});
		const next = path.join(dir, 'swapped.toml.tmp');
		writeFileSync(next, 'model = "openai/ffff"\n');
		renameSync(next, file);
		expect(await reader.read()).toMatchObject({text: 'model = "openai/ffff"\n', fresh: true});
		rmSync(file);
		expect(await reader.read()).toMatchObject({ok: false, kind: 'missing'});
		writeFileSync(file, 'model = "openai/gggg"\n');
		expect(await reader.read()).toMatchObject({text: 'model = "openai/gggg"\n', fresh: true});
	});

	it('refuses a FIFO at the path without waiting for a writer', async () => {
		const file = path.join(dir, 'fifo.toml');
		execFileSync('mkfifo', [file]);
		const reader = changedTextReader(file, 1024);
		expect(await reader.read()).toMatchObject({ok: false, kind: 'not-regular'});
	});
});
