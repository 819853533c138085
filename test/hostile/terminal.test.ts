// Terminals that cannot do what a full-screen UTF-8 cockpit needs: under LANG=C (ASCII mode) no
// frame carries a non-ASCII character, whatever the panels or outside strings hold; TERM=dumb is
// refused with a pointer to `stackdeck status`.
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import {defaultConfig} from '../../source/config/schema.js';
import {update} from '../../source/store/index.js';
import {createOpenhandsSource} from '../../source/sources/openhands/openhands-source.js';
import {plain, renderCockpit} from '../support/render-frame.js';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';
import {localHost} from '../support/host.js';

it('ASCII mode (LANG=C): every glyph of every frame is ASCII, session titles and badges included', async () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'sd-ascii-'));
	const state = path.join(tmp, 'state');
	cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'openhands', 'state'), state, {recursive: true});
	const meta = path.join(state, 'sessions', '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f', 'metadata.json');
	writeFileSync(meta, readFileSync(meta, 'utf8').replace('List the files', 'Liste – fichiers · modèle… › 日本'));
	const cockpit = await renderCockpit(120, 36, {}, {ascii: true});
	const config = defaultConfig();
	config.openhands.state_dir = state;
	const source = createOpenhandsSource({store: cockpit.store, config, refreshMs: 1000, env: {HOME: tmp}, host: localHost()}, 200);
	await source.start?.();
	try {
		const frames: string[] = [];
		frames.push(cockpit.frame().join('\n'));
		update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions', zoomed: true}));
		for (let i = 0; i < 60 && !plain(cockpit.frame().join('\n')).includes('Liste'); i++) await cockpit.settle();
		frames.push(cockpit.frame().join('\n'));
		await cockpit.type('\r');
		await cockpit.settle();
		frames.push(cockpit.frame().join('\n'));
		await cockpit.type('?');
		frames.push(cockpit.frame().join('\n'));
		expect(plain(frames[1]!)).toContain('Liste - fichiers . mod?le~ > ??');
		for (const frame of frames) {
			const odd = [...new Set(plain(frame).match(/[^\u0000-\u007f]/gu) ?? [])];
			expect(odd, plain(frame).split("\n").filter(l => /[^\u0000-\u007f]/u.test(l)).join("\n")).toEqual([]);
		}
	} finally {
		source.stop?.();
		cockpit.unmount();
		rmSync(tmp, {recursive: true, force: true});
	}
}, 120_000);

it('TERM=dumb: the cockpit is refused with a message pointing at stackdeck status', () => {
	const r = spawnSync(process.execPath, [STACKDECK_BIN], {encoding: 'utf8', env: {...process.env, TERM: 'dumb'}, timeout: 30_000});
	expect(r.status).toBe(2);
	expect(r.stderr).toContain('TERM=dumb cannot show the full-screen cockpit; run `stackdeck status`');
	expect(r.stdout).not.toContain('\u001b[?1049h');
}, 60_000);
