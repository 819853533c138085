// Python's number formatting where Aider's output depends on it.

/**
 * Python's '%.1f': the exact binary value correctly rounded, halves to even. JS toFixed also rounds
 * the exact value (0.05 → 0.1, 0.35 → 0.3, as Python) but breaks exact ties upward; an exact tie at
 * one decimal is an odd number of quarters (0.25, 0.75, 1.25…), and Python takes the even digit.
 */
export function pyFixed1(x: number): string {
	const quarters = x * 4; // exact: a power of two
	if (Number.isInteger(quarters) && quarters % 2 !== 0) {
		const down = Math.floor(x * 10); // x * 10 = 2.5 * quarters, exact
		return ((down % 2 === 0 ? down : down + 1) / 10).toFixed(1);
	}
	return x.toFixed(1);
}
