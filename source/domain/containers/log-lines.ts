// Log lines: the stack's known failures (from the seeds) recognised in a line, the Docker timestamp
// prefix split off, and long lines folded to the view width.

export interface KnownFailure {
	id: string;
	pattern: RegExp;
	/** What the line means, shown next to it. */
	hint: string;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [
	{id: 'sglang-version', pattern: /sglang.*(version mismatch|incompatible version)|version mismatch.*sglang/i, hint: 'SGLang version mismatch: pin the image to the version OpenHands expects'},
	{id: 'tool-call-format', pattern: /Invalid tool call format/i, hint: 'the model emitted a malformed tool call: check the tool-call parser / chat template'},
	{id: 'file-not-text', pattern: /File is not text/i, hint: 'a binary file reached the editor tool'},
	{id: 'roles-alternate', pattern: /roles must alternate/i, hint: 'the chat template needs alternating roles: set enable_prompt_extensions = false'},
	{id: 'bad-request', pattern: /BadRequestError/, hint: 'the model server rejected the request: compare LLM_MODEL with served_model_name'},
];

export function classifyLogLine(text: string): KnownFailure | null {
	for (const failure of KNOWN_FAILURES) if (failure.pattern.test(text)) return failure;
	return null;
}

/** Split Docker's RFC3339Nano prefix (`timestamps=true`) from the text. */
export function splitTimestamp(line: string): {ts: string | null; text: string} {
	const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) (.*)$/s.exec(line);
	return m ? {ts: m[1]!, text: m[2]!} : {ts: null, text: line};
}

/** Fold one line into rows of at most `width` characters (at least one row). */
/** How many rows foldLine makes of `text`, without building them (for a scroll range over a whole log). */
export function foldedRows(text: string, width: number): number {
	const clean = text.replace(/\t/g, '  ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
	return Math.max(1, Math.ceil(clean.length / Math.max(1, width)));
}

export function foldLine(text: string, width: number): string[] {
	const w = Math.max(1, width);
	const clean = text.replace(/\t/g, '  ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
	if (clean.length <= w) return [clean];
	const rows: string[] = [];
	for (let i = 0; i < clean.length; i += w) rows.push(clean.slice(i, i + w));
	return rows;
}

/** Split a chunk of demuxed output into complete lines, carrying the unterminated tail over. */
export function splitLines(carry: string, chunk: string): {lines: string[]; carry: string} {
	const text = carry + chunk;
	const parts = text.split('\n');
	const rest = parts.pop() ?? '';
	return {lines: parts.map(p => (p.endsWith('\r') ? p.slice(0, -1) : p)), carry: rest};
}
