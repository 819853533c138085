// yoga-layout 3.2.1 (Ink's layout engine) decodes its WebAssembly from a base64 data: URL inside
// the bundle, and asks `fetch` for it whenever a global fetch exists. On Node that first read of the
// global loads Node's fetch (undici): about 0.1 s of CPU before the first frame, for a URL it could
// decode in place. The bundle makes it decode in place, as it does where no fetch exists.

import {readFile} from 'node:fs/promises';

const ORIGINAL = 'function ya(){return w||"function"!=typeof fetch?Promise.resolve().then(function(){return wa()})';
const PATCHED = 'function ya(){return true?Promise.resolve().then(function(){return wa()})';

/** yoga's module with the in-place decode; throws when its code is not the one this was written for. */
export function patchYoga(source) {
	if (source.split(ORIGINAL).length !== 2) throw new Error('yoga-layout/dist/binaries/yoga-wasm-base64-esm.js is not the yoga 3.2.1 this bundle patches: update scripts/yoga-no-fetch.mjs for the new yoga');
	return source.replace(ORIGINAL, PATCHED);
}

export const yogaNoFetchPlugin = {
	name: 'yoga-no-fetch',
	setup(build) {
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => ({contents: patchYoga(await readFile(args.path, 'utf8')), loader: 'js'}));
	},
};
