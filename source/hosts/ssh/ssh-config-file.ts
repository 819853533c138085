// The user's ~/.ssh/config, then the system's /etc/ssh/ssh_config (ssh reads both, the user's first),
// tokenised by the ssh-config package (quoting, `=` or space separators, several patterns per Host)
// into blocks the domain resolves. Include is followed (relative to ~/.ssh or /etc/ssh, `*`/`?` in
// the file name), as ssh does, up to a depth of 16. Only regular files are read, with a size limit: a FIFO or a
// device named there must not hang a connect. Missing files are normal; others are reported.

import {closeSync, constants, fstatSync, openSync, readdirSync, readSync} from 'node:fs';
import {basename, dirname, isAbsolute, join} from 'node:path';
import {parse, LineType, type Line} from 'ssh-config';
import {sshPatternMatches, type SshConfigBlock} from '../../domain/containers/ssh-config.js';

export const SYSTEM_SSH_CONFIG = '/etc/ssh/ssh_config';
const MAX_BYTES = 1024 * 1024;

export interface SshConfigFiles {
	blocks: SshConfigBlock[];
	/** Files that exist but could not be used, with why. */
	problems: string[];
}

export function readSshConfig(home: string, systemFile: string | null = SYSTEM_SSH_CONFIG): SshConfigFiles {
	const blocks: SshConfigBlock[] = [];
	const problems: string[] = [];
	const tilde = (p: string) => (p === '~' ? home : p.startsWith('~/') ? join(home, p.slice(2)) : p);
	const readOne = (path: string, shown: string, base: string, depth: number): SshConfigBlock[] => {
		let text: string | null;
		try {
			text = readRegular(path);
		} catch (error) {
			problems.push(`${shown} unreadable (${(error as NodeJS.ErrnoException).code || (error as Error).message})`);
			return [];
		}
		if (text === null) return [];
		try {
			return toBlocks(parse(text), (target, within) => {
				if (depth >= 16) {
					problems.push(`${shown}: Include nested too deep`);
					return [];
				}
				const included: SshConfigBlock[] = [];
				for (const file of expandInclude(tilde(target), base))
					for (const block of readOne(file, file, base, depth + 1)) included.push(block.kind === 'all' && within ? {...within, options: block.options} : block);
				return included;
			});
		} catch (error) {
			problems.push(`${shown} not understood (${(error as Error).message})`);
			return [];
		}
	};
	blocks.push(...readOne(join(home, '.ssh', 'config'), '~/.ssh/config', join(home, '.ssh'), 0));
	if (systemFile) blocks.push(...readOne(systemFile, systemFile, dirname(systemFile), 0));
	return {blocks, problems};
}

/** Include's files: relative to the config's folder, `*`/`?` matched in the last part, in name order. */
function expandInclude(target: string, base: string): string[] {
	const path = isAbsolute(target) ? target : join(base, target);
	const name = basename(path);
	if (!/[*?]/.test(name)) return [path];
	try {
		return readdirSync(dirname(path))
			.filter(entry => !entry.startsWith('.') && sshPatternMatches(name, entry))
			.sort()
			.map(entry => join(dirname(path), entry));
	} catch {
		return [];
	}
}

/** The file's text, null when it does not exist; non-blocking open so a FIFO cannot hang us. */
function readRegular(path: string): string | null {
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return null;
		throw error;
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), {code: 'not a regular file'});
		if (stat.size > MAX_BYTES) throw Object.assign(new Error('over 1 MiB'), {code: `over ${MAX_BYTES} bytes`});
		const buffer = Buffer.alloc(stat.size);
		let read = 0;
		while (read < buffer.length) {
			const n = readSync(fd, buffer, read, buffer.length - read, read);
			if (n === 0) break;
			read += n;
		}
		return buffer.subarray(0, read).toString('utf8');
	} finally {
		closeSync(fd);
	}
}

const words = (value: string | {val: string}[]): string[] => (typeof value === 'string' ? [value] : value.map(v => v.val));

/** Blocks in file order; `include` gives an Include's blocks (`within`: the Host/Match it sits in). */
function toBlocks(lines: readonly Line[], include: (target: string, within: SshConfigBlock | null) => SshConfigBlock[]): SshConfigBlock[] {
	const blocks: SshConfigBlock[] = [{kind: 'all', patterns: [], options: []}];
	const add = (block: SshConfigBlock, options: readonly Line[]) => {
		for (const inner of options) {
			if (inner.type !== LineType.DIRECTIVE) continue;
			const key = inner.param.toLowerCase();
			if (key === 'include') {
				for (const target of words(inner.value)) {
					blocks.push(...include(target, block.kind === 'all' ? null : block));
					// What follows the Include in the same block still belongs to it.
					block = {...block, options: []};
					blocks.push(block);
				}
			} else block.options.push({key, value: words(inner.value).join(' ')});
		}
	};
	const top: Line[] = [];
	for (const line of lines) {
		if (line.type === LineType.DIRECTIVE && 'config' in line && /^(host|match)$/i.test(line.param)) {
			add(blocks[blocks.length - 1]!, top.splice(0));
			const block: SshConfigBlock = {kind: line.param.toLowerCase() as 'host' | 'match', patterns: words(line.value), options: []};
			blocks.push(block);
			add(block, line.config);
		} else top.push(line);
	}
	add(blocks[blocks.length - 1]!, top);
	return blocks;
}
