// What the marks and short words a panel shows mean, by the panel's help group: help lists them
// under the panel's keys, so nothing on screen needs the README to decode.

/** One help row: the mark or word, what it means. */
export interface LegendLine {
	keys: string;
	text: string;
}

export const LEGENDS: Readonly<Record<string, readonly LegendLine[]>> = {
	Containers: [
		{keys: '● / ·', text: 'running / not running'},
		{keys: 'name:tag !', text: 'unpinned tag (latest or none): pin a version to know what runs'},
		{keys: 'exited (137)', text: 'stopped, with its exit code (137: killed, 143: SIGTERM, 1: an error)'},
		{keys: 'CPU MEM', text: 'share of one core (100% = one core) and memory in use; "stale": old figures'},
		{keys: 'by name', text: 'the order (o); "N hidden": stopped containers left out (a)'},
	],
	Throughput: [
		{keys: 'TOK/S', text: 'decode tokens per second, all requests together'},
		{keys: '60s', text: 'the last 60 s of TOK/S'},
		{keys: 'TTFT', text: 'time to first token, median of recent requests'},
		{keys: 'R/Q', text: 'requests running / waiting in the queue'},
		{keys: 'EXP', text: 'expected tok/s (engines.list expected_tps); under half of it is flagged'},
		{keys: '–', text: 'no reading yet, or the engine does not report it'},
	],
	Sessions: [
		{keys: '! column', text: 'findings in the session (✓ none, ? unreadable, … still reading)'},
		{keys: '! on an event', text: 'the event has a finding; ? it could not be read'},
		{keys: 'assistant+tc', text: 'an assistant message carrying tool calls'},
		{keys: 'role -', text: 'not sent to the model; … still being read'},
	],
	Doctor: [{keys: '✗ ! ? ✓', text: 'failed, warning, could not tell, passed'}],
};

/** `!` means three things in three places; help says each where it is. */
export const BANG_MEANINGS: readonly LegendLine[] = [
	{keys: '!N on a tab', text: 'N things there need you: engines down, failing containers, findings, checks to fix'},
	{keys: '! key', text: 'the jobs and notices log'},
	{keys: '! in a panel', text: "that panel's own mark: see its keys below (unpinned tag, finding, warning)"},
];
