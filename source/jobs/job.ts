// The one contract for everything that changes the world (container actions, config rewrites,
// cache flushes, model swaps, Doctor fixes): a plan to confirm, steps that report progress, an
// AbortSignal, and undo for the steps that have one. The cockpit and the headless commands run
// the same jobs; only what listens to the record differs.

export interface StepContext {
	/** Aborted when the user cancels: a step must honour it (the runner waits for the step to settle). */
	signal: AbortSignal;
	/** Progress within the step, shown beside its title ("3/8 shards", "2 requests running"). */
	progress(detail: string): void;
	/** A line worth showing the user (a log tail, a server's answer). */
	log(line: string): void;
}

export interface Step {
	title: string;
	/** Does the work; the returned text is the step's result detail. Throw to fail the job. */
	run(ctx: StepContext): Promise<string | void>;
	/**
	 * Puts back what `run` changed. Runs, newest first, for every step that finished and for the
	 * step that was interrupted, when a later step fails or the job is cancelled: it must be safe
	 * after a partial run. Its signal is a fresh one (the cancelled signal would stop the undo).
	 */
	undo?(ctx: StepContext): Promise<string | void>;
}

export interface Job {
	/** What kind of change, for journals and tests: "container.restart", "swap", "doctor.fix". */
	kind: string;
	/** Short and specific: "restart sglang", "swap to qwen3-coder-next". */
	title: string;
	hostId: string;
	/** What it acts on (a container id, an engine name), so a list can mark that row while it runs. */
	target?: string;
	/** Changes the outside world: refused in read-only mode before any step runs. */
	mutating: boolean;
	/** What it will change, one line each, shown in the confirmation before anything moves. */
	plan: string[];
	steps: Step[];
	/** The sentence for a finished job (default: "<title>: done"). */
	summary?(record: {steps: readonly {title: string; detail: string | null}[]}): string;
}
