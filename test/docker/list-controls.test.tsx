// The Containers list at 46x19: `o` cycles the order inside each group (named in the header), `a`
// hides stopped containers (counted in the header).
import {expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {applyListing, applyStats} from '../../source/store/slices/containers.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {renderCockpit, plain} from '../support/render-frame.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';
import type {ContainerStats} from '../../source/domain/containers/types.js';

const container = (n: number, name: string, status: string, exitCode = 0) =>
	infoFromInspect({Id: String(n).padStart(64, '0'), Name: `/${name}`, State: {Status: status, ExitCode: exitCode}, Config: {Image: 'busybox:1.36', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);
const stats = (cpu: number, mem: number): ContainerStats => ({at: 1, cpuPercent: cpu, memUsage: mem, memLimit: 8e9, netRx: 0, netTx: 0, blkRead: 0, blkWrite: 0, cpuTotal: 0, systemCpu: 0, onlineCpus: 1});

const rowsOf = (frame: string[]) => frame.map(plain).filter(l => /alpha|bravo|charlie|delta/.test(l)).map(l => /(alpha|bravo|charlie|delta)/.exec(l)![1]);

it('exit codes, o sorts (the header says by what), a hides stopped containers (the header counts them)', async () => {
	const cockpit = await renderCockpit(46, 19);
	try {
		update(cockpit.store, 'containers', c =>
			applyStats(
				applyListing(c, [container(1, 'alpha', 'running'), container(2, 'bravo', 'exited', 137), container(3, 'charlie', 'running'), container(4, 'delta', 'exited', 1)], 1),
				{[String(1).padStart(64, '0')]: stats(2, 4e9), [String(3).padStart(64, '0')]: stats(80, 1e9)},
			),
		);
		await cockpit.settle();
		let frame = cockpit.frame().map(plain);
		expect(frame.find(l => l.includes('bravo'))).toMatch(/exited \(137\)/);
		expect(frame.find(l => l.includes('delta'))).toMatch(/exited \(1\)/);
		expect(frame.join('\n')).toMatch(/2\/4 up · by name/);
		expect(rowsOf(frame)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);

		await cockpit.type('o');
		frame = cockpit.frame().map(plain);
		expect(frame.join('\n')).toMatch(/· by state/);
		expect(rowsOf(frame)).toEqual(['alpha', 'charlie', 'bravo', 'delta']);
		await cockpit.type('o');
		frame = cockpit.frame().map(plain);
		expect(frame.join('\n')).toMatch(/· by cpu/);
		expect(rowsOf(frame)).toEqual(['charlie', 'alpha', 'bravo', 'delta']);
		await cockpit.type('o');
		frame = cockpit.frame().map(plain);
		expect(frame.join('\n')).toMatch(/· by mem/);
		expect(rowsOf(frame)).toEqual(['alpha', 'charlie', 'bravo', 'delta']);

		await cockpit.type('a');
		frame = cockpit.frame().map(plain);
		expect(frame.join('\n')).toMatch(/2\/4 up, 2 hidden · by mem/);
		expect(rowsOf(frame)).toEqual(['alpha', 'charlie']);
		await cockpit.type('a');
		expect(rowsOf(cockpit.frame().map(plain))).toHaveLength(4);
		expect(cockpit.frame().every(l => plain(l).length <= 46)).toBe(true);
	} finally {
		cockpit.unmount();
	}
});
