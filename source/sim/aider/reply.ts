// What a reply suggests besides edits: repo files it mentions (Aider offers to add them) and fenced
// shell blocks (Aider offers to run them).

/** Files of the repo that the reply names and that are not in the chat yet (nor just edited). */
export function mentionedFiles(reply: string, repoFiles: readonly string[], chatFiles: readonly string[], edited: readonly string[]): string[] {
	const words = new Set(reply.split(/\s+/).map(w => w.replace(/^[`'"(]+|[`'",.:;!?)]+$/g, '')));
	return repoFiles.filter(f => words.has(f) && !chatFiles.includes(f) && !edited.includes(f));
}

/** Fenced shell blocks (```bash / ```sh / ```shell) in the reply: their commands, comments and blank lines left out. */
export function shellSuggestions(reply: string): string[][] {
	const blocks: string[][] = [];
	const re = /^```(?:bash|sh|shell)[ \t]*\n([\s\S]*?)^```/gm;
	for (let m = re.exec(reply); m; m = re.exec(reply)) {
		const lines = m[1]!
			.split('\n')
			.map(l => l.trim())
			.filter(l => l && !l.startsWith('#'));
		if (lines.length) blocks.push(lines);
	}
	return blocks;
}
