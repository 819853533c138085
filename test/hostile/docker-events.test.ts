// The Docker events stream arrives in chunks that may split a line, and a multi-byte character, anywhere.
import {expect, it} from 'vitest';
import {createLineSplitter} from '../../source/sources/docker/event-lines.js';

it('decodes a multi-byte character split across chunks, and lines split anywhere', () => {
	const event = JSON.stringify({Type: 'container', Action: 'create', Actor: {ID: 'abc', Attributes: {name: 'modèle-日本-🚀'}}});
	const bytes = Buffer.from(`${event}\n${event}\n`, 'utf8');
	for (let cut = 1; cut < bytes.length; cut++) {
		const lines: string[] = [];
		const feed = createLineSplitter(l => lines.push(l));
		feed(bytes.subarray(0, cut));
		feed(bytes.subarray(cut));
		expect(lines, `cut at byte ${cut}`).toEqual([event, event]);
	}
});
