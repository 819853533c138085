// What a user sees in the Throughput and Cache panels, with the engines slice filled by the real
// engines and disk sources from simulated SGLang and vLLM servers (their real wire formats), a
// closed port, and real cache folders: each engine's row (name, model, decode tok/s), the
// unreachable engine's "unreachable since …" line, the hit rates, the folder sizes and warnings,
// and a frame that stays inside the terminal at phone, 80×24 and wide sizes.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {update} from '../../source/store/index.js';
import {formatPercent, formatRate} from '../../source/domain/format.js';
import {plain, renderCockpit, visibleWidth, type RenderedCockpit} from '../support/render-frame.js';
import {buildEnginesState, SGLANG_MODEL, VLLM_MODEL, writeFiles, type BuiltState} from './engines-state.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stackdeck-views-'));
const CACHE_DIR = path.join(tmp, 'sglang-cache');
const LOG_DIR = path.join(tmp, 'logs');
const MISSING_DIR = path.join(tmp, 'missing');
let built: BuiltState;

beforeAll(async () => {
	writeFiles(CACHE_DIR, [4096, 4096, 2048]); // 10.0 KiB: over the 8 KiB warning
	writeFiles(LOG_DIR, [100]);
	built = await buildEnginesState({dirs: [CACHE_DIR, LOG_DIR, MISSING_DIR], warnGb: 8192 / 1024 ** 3});
});
afterAll(async () => {
	await built?.stop();
	rmSync(tmp, {recursive: true, force: true});
});

const SIZES = [
	[46, 19],
	[80, 24],
	[160, 48],
] as const;

async function show(cols: number, rows: number, panel: 'throughput' | 'cache', zoomed = false): Promise<{cockpit: RenderedCockpit; lines: string[]; text: string}> {
	const cockpit = await renderCockpit(cols, rows, {engines: built.engines});
	update(cockpit.store, 'ui', ui => ({...ui, focused: panel, zoomed}));
	await cockpit.settle();
	const lines = cockpit.frame().map(plain);
	return {cockpit, lines, text: lines.join('\n')};
}

function expectInsideTerminal(cockpit: RenderedCockpit, cols: number, rows: number): void {
	const frame = cockpit.frame();
	expect(frame.length, 'frame rows').toBeLessThanOrEqual(rows - 1);
	for (const line of frame) expect(visibleWidth(line), plain(line)).toBeLessThanOrEqual(cols);
}

/** The row of an engine: its name, the model (whole, or cut with "…" to at least 6 characters), then its rate. */
function engineRow(name: string, model: string, rate: string): RegExp {
	const cut = Array.from({length: model.length - 6}, (_, i) => model.slice(0, 6 + i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '…');
	return new RegExp(`${name}\\s+(?:${[model, ...cut].join('|')})\\s+${rate.replace('.', '\\.')}\\s`);
}

describe('Throughput panel', () => {
	it('the decode rates are the tokens served between two scrapes 10 s apart', () => {
		expect(built.generated).toEqual({sglang: 300, vllm: 400});
	});

	for (const [cols, rows] of SIZES) {
		it(`${cols}×${rows}: a row per engine with model and decode tok/s, and the unreachable one's line`, async () => {
			const {cockpit, text} = await show(cols, rows, 'throughput');
			try {
				expect(text).toMatch(engineRow('coder', SGLANG_MODEL, formatRate(built.generated.sglang / 10)));
				expect(text).toMatch(engineRow('mistral', VLLM_MODEL, formatRate(built.generated.vllm / 10)));
				expect(text).toMatch(/spare\s/);
				// The note wraps under its row where it does not fit: every word of it is readable.
				expect(text).toContain('unreachable since 12:03:07');
				expect(text).toContain('(ECONNREFUSED)');
				expect(text).toContain('Throughput 2/3');
				expectInsideTerminal(cockpit, cols, rows);
			} finally {
				cockpit.unmount();
			}
		});
	}

	it('phone (46×19) and wide (160×48) show the whole model names and the refused connection', async () => {
		for (const [cols, rows] of [SIZES[0], SIZES[2]]) {
			const {cockpit, text} = await show(cols, rows, 'throughput');
			try {
				expect(text).toMatch(new RegExp(`coder\\s+${SGLANG_MODEL}\\s+30\\.0\\s`));
				expect(text).toMatch(new RegExp(`mistral\\s+${VLLM_MODEL}\\s+40\\.0\\s`));
				expect(text).toContain('unreachable since 12:03:07 (ECONNREFUSED)');
			} finally {
				cockpit.unmount();
			}
		}
	});

	it('80×24 zoomed: the whole row with the expected rate', async () => {
		const {cockpit, text} = await show(80, 24, 'throughput', true);
		try {
			expect(text).toMatch(new RegExp(`coder\\s+${SGLANG_MODEL}\\s+30\\.0\\s.*\\s20\\.0`));
			expect(text).toMatch(new RegExp(`mistral\\s+${VLLM_MODEL}\\s+40\\.0\\s.*\\s30\\.0`));
			expect(text).toContain('unreachable since 12:03:07 (ECONNREFUSED)');
			expectInsideTerminal(cockpit, 80, 24);
		} finally {
			cockpit.unmount();
		}
	});
});

describe('Cache panel', () => {
	for (const [cols, rows] of SIZES) {
		it(`${cols}×${rows}: hit rates, folder sizes with the warning, a missing folder, inside the frame`, async () => {
			const {cockpit, lines, text} = await show(cols, rows, 'cache');
			try {
				expect(text).toContain(`coder: hit ${formatPercent(built.hitRatio.sglang)}`);
				expect(text).toContain(`mistral: prefix hit ${formatPercent(built.hitRatio.vllm)}`);
				expect(text).toContain('spare: unreachable since 12:03:07');
				expect(text).toContain('Cache 1 over');
				const cacheLine = lines.find(l => /cache: /.test(l) && l.includes('KiB'));
				expect(cacheLine, text).toBeDefined();
				expect(cacheLine).toMatch(/10\.0 KiB.* over the limit/);
				expect(text).toMatch(/logs: 100 B( in 1 file)?\b/);
				expect(text).toMatch(/missing: does not exist/);
				expectInsideTerminal(cockpit, cols, rows);
			} finally {
				cockpit.unmount();
			}
		});
	}

	it('160×48: the whole figures of each folder', async () => {
		const {cockpit, text} = await show(160, 48, 'cache', true);
		try {
			expect(text).toContain(`${CACHE_DIR}: 10.0 KiB in 3 files — over the limit`);
			expect(text).toMatch(new RegExp(`${LOG_DIR}: 100 B in 1 file\\b`));
			expect(text).toContain(`${MISSING_DIR}: does not exist`);
			expect(text).not.toContain(`${MISSING_DIR}: ${MISSING_DIR}`);
			expect(text).toContain(`coder: hit ${formatPercent(built.hitRatio.sglang)} (60s), ${formatPercent(built.hitRatio.sglang)} total · radix`);
		} finally {
			cockpit.unmount();
		}
	});
});
