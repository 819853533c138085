// Python's number formatting where Aider's output depends on it.

/** Python's '%.1f' (round half to even): 0.25 prints as 0.2, as Aider shows it. */
export function pyFixed1(x: number): string {
	const scaled = x * 10;
	const floor = Math.floor(scaled);
	const diff = scaled - floor;
	const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
	return (rounded / 10).toFixed(1);
}
