// A container removed while its logs are open keeps its lines on screen, with a note, at 46x19.
import {expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {appendLogLines, applyListing, removeContainer} from '../../source/store/slices/containers.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {renderCockpit, plain} from '../support/render-frame.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const container = (n: number, name: string, status: string, exitCode = 0) =>
	infoFromInspect({Id: String(n).padStart(64, '0'), Name: `/${name}`, State: {Status: status, ExitCode: exitCode}, Config: {Image: 'busybox:1.36', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);

it('a container removed while its logs are open keeps the lines shown, with a note', async () => {
	const cockpit = await renderCockpit(46, 19);
	try {
		const gone = container(5, 'echo-job', 'running');
		update(cockpit.store, 'containers', c => applyListing(c, [gone, container(6, 'other', 'running')], 1));
		await cockpit.settle();
		await cockpit.type('l');
		update(cockpit.store, 'containers', c => appendLogLines(c, gone.id, [{stream: 'stdout', ts: null, text: 'hello from the job'}, {stream: 'stderr', ts: null, text: 'last words'}]));
		await cockpit.settle();
		expect(cockpit.frame().map(plain).join('\n')).toContain('last words');
		update(cockpit.store, 'containers', c => removeContainer(c, gone.id, 2));
		await cockpit.settle();
		const text = cockpit.frame().map(plain).join('\n');
		expect(text).toMatch(/echo-job \[container removed\] 2 lines/);
		expect(text).toContain('hello from the job');
		expect(text).toContain('last words');
		// Esc leaves the log for the list, where it is gone.
		await cockpit.type('\u001B');
		expect(cockpit.store.getState().containers.view).toBe('list');
		expect(cockpit.frame().map(plain).join('\n')).not.toContain('echo-job');
	} finally {
		cockpit.unmount();
	}
});
