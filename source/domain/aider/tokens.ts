// Aider's number formats: `format_tokens` ("790", "4.2k", "12k") read back, and written the same way.

/** "4.2k" → 4200, "790" → 790, "12k" → 12000. NaN when the text is not a token count. */
export function parseTokenCount(text: string): number {
	const match = /^(\d+(?:\.\d+)?)(k?)$/.exec(text.trim());
	if (!match) return Number.NaN;
	const value = Number(match[1]);
	return Math.round(match[2] ? value * 1000 : value);
}

/** Aider's utils.format_tokens: <1000 as is, <10000 one decimal + k, else rounded k. */
export function formatTokenCount(count: number): string {
	if (count < 1000) return String(count);
	if (count < 10_000) return `${(count / 1000).toFixed(1)}k`;
	return `${Math.round(count / 1000)}k`;
}
