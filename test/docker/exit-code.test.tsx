// A stopped container's row says how it ended, exit code included, at phone width.
import {expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {applyListing} from '../../source/store/slices/containers.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {renderCockpit, plain} from '../support/render-frame.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const container = (n: number, name: string, status: string, exitCode = 0) =>
	infoFromInspect({Id: String(n).padStart(64, '0'), Name: `/${name}`, State: {Status: status, ExitCode: exitCode}, Config: {Image: 'busybox:1.36', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);

it('exited containers show their exit code in the list and the detail', async () => {
	const cockpit = await renderCockpit(46, 19);
	try {
		update(cockpit.store, 'containers', c => applyListing(c, [container(1, 'alpha', 'running'), container(2, 'bravo', 'exited', 137), container(3, 'delta', 'exited', 1)], 1));
		await cockpit.settle();
		const frame = cockpit.frame().map(plain);
		expect(frame.find(l => l.includes('bravo'))).toMatch(/bravo:1\.36\s+exited \(137\)/);
		expect(frame.find(l => l.includes('delta'))).toMatch(/exited \(1\)/);
		expect(frame.every(l => l.length <= 46)).toBe(true);
		await cockpit.type('j');
		await cockpit.type('\r');
		expect(cockpit.frame().map(plain).join('\n')).toMatch(/State\s+exited \(137\)/);
	} finally {
		cockpit.unmount();
	}
});
