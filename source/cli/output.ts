// Every text a command prints goes through here: strings from outside (titles, folder names, env,
// event text, URLs) are made printable and secrets masked, in text and in JSON alike.

import {maskSecrets} from '../domain/secrets.js';
import {safeLines} from '../domain/text/safe.js';

export function writeText(lines: readonly string[] | string, stream: NodeJS.WritableStream = process.stdout): void {
	const text = typeof lines === 'string' ? lines : lines.join('\n');
	stream.write(`${safeLines(text)}\n`);
}

/** JSON: secret-named keys and secret-shaped values masked; JSON.stringify escapes control characters,
 * and the bytes of a file name that are not UTF-8 as \udcXX (see fs/raw-names.ts), so they can be had back. */
export function writeJson(value: unknown, stream: NodeJS.WritableStream = process.stdout): void {
	stream.write(`${JSON.stringify(maskSecrets(value), null, 2)}\n`);
}
