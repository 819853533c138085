// The Containers views tell the Docker source which rows are on screen: the list its visible rows,
// the detail view its one container, and nothing once another panel takes the phone's screen, so
// dockerd is not asked for stats nobody sees.
import {expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {applyListing} from '../../source/store/slices/containers.js';
import {focusPanel} from '../../source/store/slices/ui.js';
import {infoFromInspect} from '../../source/domain/containers/inspect.js';
import {renderCockpit} from '../support/render-frame.js';
import {LOCAL_HOST_ID} from '../../source/domain/host-id.js';

const container = (n: number) =>
	infoFromInspect({Id: String(n).padStart(64, '0'), Name: `/worker-${n}`, State: {Status: 'running'}, Config: {Image: 'busybox:1.36', Env: []}, HostConfig: {LogConfig: {Type: 'local', Config: {}}}}, LOCAL_HOST_ID);

it('stats are asked for the rows on screen, the detail’s container, and nothing when the panel is away', async () => {
	const cockpit = await renderCockpit(46, 19);
	try {
		update(cockpit.store, 'containers', c => applyListing(c, Array.from({length: 40}, (_, i) => container(i)), 1));
		await cockpit.settle();
		const visible = () => cockpit.store.getState().containers.visibleIds;
		expect(visible().length).toBeGreaterThan(3);
		expect(visible().length).toBeLessThan(19);

		await cockpit.type('\r');
		const selected = cockpit.store.getState().containers.selected;
		expect(cockpit.store.getState().containers.view).toBe('detail');
		expect(visible()).toEqual([selected]);

		update(cockpit.store, 'ui', ui => focusPanel(ui, 'memory'));
		await cockpit.settle();
		expect(visible()).toEqual([]);
	} finally {
		cockpit.unmount();
	}
});
