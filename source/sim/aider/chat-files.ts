// Which files /add and /drop pick: glob patterns (relative to the repo root, `*` within a folder,
// `**` across folders), and what /add says about each file it matched.

const WILDCARD = /[*?[\]]/;

export function hasWildcard(word: string): boolean {
	return WILDCARD.test(word);
}

/** A glob as a regular expression over repo-relative paths. */
export function globRegex(pattern: string): RegExp {
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i]!;
		if (c === '*') {
			if (pattern[i + 1] === '*') {
				re += '.*';
				i++;
				if (pattern[i + 1] === '/') i++;
			} else re += '[^/]*';
		} else if (c === '?') re += '[^/]';
		else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
	}
	return new RegExp(`^${re}$`);
}

export function matchGlob(pattern: string, files: readonly string[]): string[] {
	const re = globRegex(pattern);
	return files.filter(f => re.test(f));
}

/** The repo files inside a folder (repo-relative). */
export function filesUnder(folder: string, files: readonly string[]): string[] {
	const prefix = `${folder}/`;
	return files.filter(f => f.startsWith(prefix));
}

/** What /add says when a glob matches no repo file (`full` is the absolute pattern). */
export function wildcardNoMatch(full: string): string {
	return `No match, and cannot create file with wildcard characters: ${full}`;
}

/** The confirm /add asks when a plain name matches nothing: create it? (`full` is the absolute path). */
export function createQuestion(word: string, full: string): string {
	return `No files matched '${word}'. Do you want to create ${full}?`;
}

export type AddOutcome = {added: true; message: string} | {added: false; error: string};

/** What /add does with one matched file: already in the chat, refused as gitignored, or added. */
export function addOutcome(rel: string, chatFiles: readonly string[], gitignored: boolean): AddOutcome {
	if (chatFiles.includes(rel)) return {added: false, error: `${rel} is already in the chat as an editable file`};
	if (gitignored) return {added: false, error: `Can't add ${rel} which is in gitignore`};
	return {added: true, message: `Added ${rel} to the chat`};
}

/** The chat files one /drop word names: the file itself, or every match of a glob. */
export function dropMatches(rel: string, wildcard: boolean, chatFiles: readonly string[]): string[] {
	const re = wildcard ? globRegex(rel) : undefined;
	return chatFiles.filter(f => (re ? re.test(f) : f === rel));
}
