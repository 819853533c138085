// What the Containers panel says must be readable whole on a phone: an unreachable daemon's message
// (which ends with what to do) wraps instead of being cut, and a daemon on another host is named.
import {describe, expect, it} from 'vitest';
import {wrapWords} from '../../source/domain/format.js';
import {update} from '../../source/store/index.js';
import {applyDown, applyListing, setConnecting} from '../../source/store/slices/containers.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {plain, renderCockpit, visibleWidth} from '../support/render-frame.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const MESSAGE = 'Docker daemon at tcp://10.0.0.7:2375 unreachable: connection refused; start dockerd there listening on that port (-H tcp://…) or fix DOCKER_HOST';

describe('wrapWords', () => {
	it('wraps at spaces, cuts words longer than a line, and marks what does not fit', () => {
		expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
		expect(wrapWords('abcdefghij xy', 4)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
		expect(wrapWords('one two three four', 9, 2)).toEqual(['one two', 'three…']);
		expect(wrapWords('one two three four', 5, 2)).toEqual(['one', 'two…']);
		expect(wrapWords('', 10)).toEqual([]);
	});
});

describe('Containers panel messages at 46x19', () => {
	it('an unreachable daemon’s message is shown whole, what to do included', async () => {
		const cockpit = await renderCockpit(46, 19);
		try {
			update(cockpit.store, 'containers', c => applyDown(c, MESSAGE, Date.parse('2026-11-23T12:03:07Z')));
			await cockpit.settle();
			const frame = cockpit.frame().map(plain);
			// Inside the panel's border: the wrapped rows read as one sentence.
			const text = frame.map(l => l.replace(/^[\s│]+|[\s│]+$/g, '')).join(' ');
			expect(text).toContain('start dockerd there listening on that port');
			expect(text).toContain('or fix DOCKER_HOST');
			expect(text).toMatch(/down since \d\d:\d\d:\d\d; retrying/);
			expect(cockpit.frame().every(l => visibleWidth(l) <= 46)).toBe(true);
			expect(cockpit.frame().length).toBeLessThanOrEqual(18);
		} finally {
			cockpit.unmount();
		}
	});

	it('names a remote daemon above its containers, keeping the counts and columns', async () => {
		const cockpit = await renderCockpit(46, 19);
		try {
			const info = infoFromInspect({Id: 'a'.repeat(64), Name: '/gitea', State: {Status: 'running'}, Config: {Image: 'gitea/gitea:1.22', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);
			update(cockpit.store, 'containers', c => applyListing(setConnecting(c, 'ssh://root@spark.lan'), [info], 1));
			await cockpit.settle();
			const text = cockpit.frame().map(plain).join('\n');
			// At phone width the endpoint gives way (cut with …) before the counts and columns do.
			expect(text).toMatch(/│ssh:\/\/root@\S+ · 1\/1 up\s+CPU\s+MEM│/);
		} finally {
			cockpit.unmount();
		}
	});
});
