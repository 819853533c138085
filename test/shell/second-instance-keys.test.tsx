// Keys typed into a rendered cockpit (test/support/render-frame.tsx). The "second cockpit in a test
// process ignores Enter" report came from a test that wrote ui.layout = 'phone' into the store of a
// 100×30 cockpit: App owns that field (it writes the planned layout on every plan change), so in the
// grid Enter zoomed the panel first, or opened the session when the key was delivered in the same
// tick as the store write, before the cockpit had rendered it. Keys must act on what is on screen.
import {describe, expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {setSessions, type SessionsState} from '../../source/store/slices/sessions.js';
import {initialUi} from '../../source/store/slices/ui.js';
import {renderCockpit, type RenderedCockpit} from '../support/render-frame.js';

type Row = Parameters<typeof setSessions>[1][number];
const row = (id: string): Row => ({id, dir: `/s/${id}`, title: `Session ${id}`, createdAt: null, updatedAt: null, eventCount: 3, agentState: null, model: null, findings: 0, rules: [], checkedAt: null, error: null});
const seed = (s: SessionsState) => setSessions(s, [row('a'), row('b')], 0);

async function until(what: string, probe: () => boolean, cockpit: RenderedCockpit, ms = 8000): Promise<void> {
	const end = Date.now() + ms;
	while (!probe()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await cockpit.settle();
	}
}

describe('keys in a rendered cockpit', () => {
	it('a second cockpit in the same process reacts to Enter (after the first was used and unmounted)', async () => {
		const first = await renderCockpit(46, 19);
		await first.type('?');
		expect(first.store.getState().ui.overlay).toBe('help');
		await first.type('\u001b');
		expect(first.store.getState().ui.overlay).toBe(null);
		first.unmount();

		const second = await renderCockpit(46, 19, {ui: initialUi(true)});
		try {
			update(second.store, 'ui', ui => ({...ui, focused: 'sessions'}));
			update(second.store, 'sessions', seed);
			await second.type('\r');
			expect(second.store.getState().sessions.view).toBe('events');
			await second.type('\u001b');
			expect(second.store.getState().sessions.view).toBe('list');
			await second.type('\r');
			expect(second.store.getState().sessions.view).toBe('events');
		} finally {
			second.unmount();
		}
	});

	it('a key typed right after a store write acts on the rendered cockpit, whether or not the test waited first', async () => {
		// 100×30 is a grid ('medium'): there Enter zooms the focused panel before the panel's own Enter.
		// Writing layout 'phone' into the store does not make it a phone layout; App plans it again.
		const outcome = async (waitFirst: boolean) => {
			const cockpit = await renderCockpit(100, 30);
			try {
				update(cockpit.store, 'sessions', seed);
				update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions', layout: 'phone'}));
				if (waitFirst) await cockpit.settle();
				await cockpit.type('\r');
				const {ui, sessions} = cockpit.store.getState();
				return {layout: ui.layout, zoomed: ui.zoomed, view: sessions.view};
			} finally {
				cockpit.unmount();
			}
		};
		const immediate = await outcome(false);
		const waited = await outcome(true);
		expect(waited).toEqual({layout: 'medium', zoomed: true, view: 'list'});
		expect(immediate).toEqual(waited);
	});

	it('a key typed while Ink is not listening to stdin is delivered once it listens again, as a real stream does', async () => {
		const cockpit = await renderCockpit(46, 19);
		try {
			// capture: App's useInput goes inactive (ink/build/hooks/use-input.js:29-37); with no Aider pane
			// on screen nothing else holds raw mode, so the count drops to 0 and Ink detaches its
			// 'readable' listener (ink/build/components/App.js:140-141 → disableRawMode, line 56).
			update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions', capture: true}));
			await cockpit.settle();
			await cockpit.type('?');
			expect(cockpit.store.getState().ui.overlay).toBe(null);
			update(cockpit.store, 'ui', ui => ({...ui, capture: false}));
			await until('the queued key', () => cockpit.store.getState().ui.overlay === 'help', cockpit);
		} finally {
			cockpit.unmount();
		}
	});
});
