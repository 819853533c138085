// The bundle has yoga-layout decode its WebAssembly in place instead of asking Node's fetch for its
// data: URL (scripts/yoga-no-fetch.mjs): reading the global fetch loads undici before the first
// frame. The patch must apply to the yoga that is installed, or the build fails; patched, yoga
// loads and lays out without ever reading fetch.
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a build script in plain JavaScript.
import {patchYoga} from '../../scripts/yoga-no-fetch.mjs';

const yogaWasm = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm.js');
// Beside yoga's own file; a per-run name, removed after.
const patchedFile = path.join(path.dirname(yogaWasm), `yoga-no-fetch-test-${process.pid}-${Date.now()}.js`);
afterAll(() => rmSync(patchedFile, {force: true}));

describe("yoga's WebAssembly in the bundle", () => {
	it('applies to the installed yoga, and refuses code it was not written for', () => {
		const source = readFileSync(yogaWasm, 'utf8');
		expect(patchYoga(source)).not.toContain('"function"!=typeof fetch?Promise');
		expect(() => patchYoga(source.replace('function ya(){', 'function yb(){'))).toThrow(/update scripts\/yoga-no-fetch\.mjs/);
	});

	it('loads and lays out a node without reading the global fetch', async () => {
		writeFileSync(patchedFile, patchYoga(readFileSync(yogaWasm, 'utf8')) as string);
		const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch')!;
		let reads = 0;
		Object.defineProperty(globalThis, 'fetch', {configurable: true, get: () => (reads++, descriptor.get ? descriptor.get.call(globalThis) : descriptor.value)});
		try {
			const loadYoga = ((await import(pathToFileURL(patchedFile).href)) as {default: () => Promise<unknown>}).default;
			// As yoga's own load.js does: the raw module, wrapped into its API.
			const wrap = ((await import(pathToFileURL(path.join(path.dirname(yogaWasm), '..', 'src', 'wrapAssembly.js')).href)) as {default: (lib: unknown) => {Node: {create(): {setWidth(w: number): void; calculateLayout(): void; getComputedWidth(): number}}}}).default;
			const yoga = wrap(await loadYoga());
			const node = yoga.Node.create();
			node.setWidth(42);
			node.calculateLayout();
			expect(node.getComputedWidth()).toBe(42);
		} finally {
			Object.defineProperty(globalThis, 'fetch', descriptor);
		}
		expect(reads).toBe(0);
	});
});
