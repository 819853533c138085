// zod 4 exports all of its 48 locales through `z.locales`, and its classic API imports that index,
// so the bundle carried every language's error messages (244 KB of the 477 KB zod chunk compiled
// before the first frame) while the config errors are English: zod sets `en` itself. The bundle's
// locales index exports `en` alone. It fails the build on a zod whose index does not export `en`
// as this one does.

import {readFile} from 'node:fs/promises';
import path from 'node:path';

const EN = 'export { default as en } from "./en.js";';

/** The locales index with `en` alone; throws when the index is not the one this was written for. */
export function englishOnly(source) {
	if (!source.split('\n').includes(EN)) throw new Error('zod/v4/locales/index.js does not export en as zod 4.1 does: update scripts/zod-locales.mjs for the new zod');
	return `${EN}\n`;
}

export const zodLocalesPlugin = {
	name: 'zod-locales',
	setup(build) {
		build.onLoad({filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/}, async args => ({
			contents: englishOnly(await readFile(args.path, 'utf8')),
			loader: 'js',
			resolveDir: path.dirname(args.path),
		}));
	},
};
