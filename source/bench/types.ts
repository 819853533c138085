// A benchmark: one or more rows for the README's performance table.

export interface BenchRow {
	/** What was measured, e.g. "parse 1 MB /metrics body". */
	name: string;
	/** The figure as shown, e.g. "3.1 ms/parse" or "0.12x of docker stats". */
	value: string;
	/** How it was measured, in a few words. */
	method: string;
	/** Raw numbers for --json. */
	raw?: Record<string, number>;
}

/** Flags of `npm run bench` a benchmark may read (each mode one field). */
export interface BenchOptions {
	/** --long: the long variant where there is one (terminal: RSS at 10 minutes too). */
	long?: boolean;
}

export interface Bench {
	id: string;
	/** Resolves with rows; a bench that cannot run here returns a row that says why. */
	run(options?: BenchOptions): Promise<BenchRow[]>;
}
