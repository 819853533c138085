// A benchmark shares the engine with whatever else is running: the same probe reads slower with three
// requests in flight than on an idle engine, so its result says what load it was measured under.

/** Requests the engine's last metrics scrape reported when the benchmark started (null: not reported). */
export interface BenchLoad {
	running: number;
	queued: number;
}

/** The load from the row's last figures; null when the engine reports none (Ollama, not scraped yet). */
export function benchLoadOf(figures: {running: number | null; queued: number | null} | null): BenchLoad | null {
	if (!figures || figures.running === null) return null;
	return {running: Math.max(0, Math.round(figures.running)), queued: Math.max(0, Math.round(figures.queued ?? 0))};
}

/** "measured with 3 requests already running (2 queued)", "measured on an idle engine", or '' when unknown. */
export function benchLoadText(load: BenchLoad | null | undefined): string {
	if (!load) return '';
	if (load.running === 0 && load.queued === 0) return 'measured on an idle engine';
	const running = `measured with ${load.running} request${load.running === 1 ? '' : 's'} already running`;
	return load.queued > 0 ? `${running} (${load.queued} queued)` : running;
}
