// What the Containers panel draws from outside and from a daemon that went quiet: log lines made
// printable and masked in the log viewer, and figures older than two refreshes marked stale with their age.
import {expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {appendLogLines, applyListing, applyStats, openLogs} from '../../source/store/slices/containers.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import type {ContainerStats} from '../../source/domain/containers/types.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';
import {plain, renderCockpit} from '../support/render-frame.js';

const ID = 'a'.repeat(64);
const info = infoFromInspect({Id: ID, Name: '/sglang', State: {Status: 'running'}, Config: {Image: 'lmsysorg/sglang:v0.5', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);
const sample = (at: number): ContainerStats => ({at, cpuPercent: 42.5, memUsage: 3 * 2 ** 30, memLimit: 64 * 2 ** 30, netRx: 0, netTx: 0, blkRead: 0, blkWrite: 0, cpuTotal: 0, systemCpu: 0, onlineCpus: 8});

it('the log viewer draws lines printable and with secrets masked', async () => {
	const cockpit = await renderCockpit(120, 30);
	try {
		update(cockpit.store, 'containers', c => openLogs(applyListing(c, [info], 1), ID));
		const pat = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';
		update(cockpit.store, 'containers', c =>
			appendLogLines(c, ID, [
				{stream: 'stdout', ts: null, text: `cloning with ${pat}\u001b]0;owned title\u0007 done`},
				{stream: 'stderr', ts: null, text: 'db at postgres://app:hunter2secret@db:5432/app \u001b[2J'},
			]),
		);
		await cockpit.settle();
		const frame = cockpit.frame().join('\n');
		expect(plain(frame)).toContain('cloning with');
		expect(plain(frame)).toContain('db at postgres://');
		expect(frame).not.toContain(pat);
		expect(frame).not.toContain('hunter2secret');
		expect(frame).not.toContain('\u001b]');
		expect(frame).not.toContain('\u001b[2J');
		expect(frame).not.toContain('owned title');
	} finally {
		cockpit.unmount();
	}
});

it('figures older than two refreshes are marked stale with their age, fresher ones are shown', async () => {
	const cockpit = await renderCockpit(120, 30);
	try {
		update(cockpit.store, 'containers', c => applyStats(applyListing(c, [info], 1), {[ID]: sample(10_000)}, {at: 10_000, refreshMs: 1000}));
		await cockpit.settle();
		const row = () => plain(cockpit.frame().join('\n')).split('\n').find(l => l.includes('sglang')) ?? '';
		expect(row()).toMatch(/\b43%/);
		// Two refreshes without an answer: still the latest figures.
		update(cockpit.store, 'containers', c => applyStats(c, {}, {at: 12_000, refreshMs: 1000}));
		await cockpit.settle();
		expect(row()).not.toContain('stale');
		// A third: stale, with how old the figures are.
		update(cockpit.store, 'containers', c => applyStats(c, {}, {at: 13_500, refreshMs: 1000}));
		await cockpit.settle();
		expect(row()).toMatch(/stale\s+3\.5\s?s ago/);
		expect(row()).not.toMatch(/\b43%/);
	} finally {
		cockpit.unmount();
	}
});

it('the detail view draws environment values printable, URL passwords and secret names masked', async () => {
	const cockpit = await renderCockpit(120, 40);
	try {
		const env = ['MODEL_NAME=qwen\u001b]0;owned title\u0007-coder\u001b[2J', 'DATABASE_URL=postgres://app:hunter2secret@db:5432/app', 'MYSQL_PWD=plainpw123', 'PLAIN=visible'];
		const withEnv = infoFromInspect({Id: ID, Name: '/sglang', State: {Status: 'running'}, Config: {Image: 'lmsysorg/sglang:v0.5', Env: env}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);
		update(cockpit.store, 'containers', c => ({...applyListing(c, [withEnv], 1), selected: ID, view: 'detail', detailOffset: 0}));
		update(cockpit.store, 'ui', ui => ({...ui, focused: 'containers', zoomed: true}));
		await cockpit.settle();
		const frame = cockpit.frame().join('\n');
		expect(plain(frame)).toContain('PLAIN=visible');
		expect(plain(frame)).toContain('MODEL_NAME=qwen-coder');
		expect(frame).not.toContain('\u001b]');
		expect(frame).not.toContain('\u001b[2J');
		expect(frame).not.toContain('hunter2secret');
		expect(frame).not.toContain('plainpw123');
	} finally {
		cockpit.unmount();
	}
});
