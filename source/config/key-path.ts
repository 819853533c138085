// Config key paths written as TOML writes dotted keys: a segment that is not a bare key is quoted
// (`profiles."qwen2.5-32b".engine`), so a profile with a dot in its name is one segment, not two.

const BARE = /^[A-Za-z0-9_-]+$/;

export function keyPath(segments: readonly string[]): string {
	return segments.map(s => (BARE.test(s) ? s : JSON.stringify(s))).join('.');
}

export function splitKeyPath(path: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < path.length) {
		if (path[i] === '"') {
			// JSON string rules are TOML basic-string rules for the escapes keyPath writes.
			let j = i + 1;
			while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
			out.push(JSON.parse(path.slice(i, j + 1)) as string);
			i = j + 2; // past the quote and the dot
		} else {
			const dot = path.indexOf('.', i);
			out.push(path.slice(i, dot < 0 ? path.length : dot));
			i = dot < 0 ? path.length : dot + 1;
		}
	}
	return out;
}
