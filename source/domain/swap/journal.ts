// The swap journal: one JSON line per swap (finished, failed, cancelled or refused) with its stages
// and timings; the last measured load time of each profile is read back from it.

export type SwapOutcome = 'swapped' | 'failed' | 'cancelled' | 'refused';

export interface JournalStage {
	title: string;
	state: string;
	ms: number | null;
	detail: string | null;
}

export interface SwapJournalEntry {
	at: string;
	from: string[];
	to: string;
	outcome: SwapOutcome;
	message: string;
	/** Start to serving, for a target that came up. */
	loadMs: number | null;
	stages: JournalStage[];
}

export function journalLine(entry: SwapJournalEntry): string {
	return `${JSON.stringify(entry)}\n`;
}

/** Latest measured load time per profile; lines that do not parse are skipped. */
export function lastLoadTimes(text: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		try {
			const entry = JSON.parse(line) as Partial<SwapJournalEntry>;
			if (typeof entry.to === 'string' && typeof entry.loadMs === 'number' && entry.loadMs > 0) out[entry.to] = entry.loadMs;
		} catch {
			// A torn or foreign line: the rest of the journal still counts.
		}
	}
	return out;
}
