// The demo host's /proc/meminfo: a 128 GB unified-memory box whose used memory is what the
// simulated engines hold plus a base for the system (the format the Memory panel parses).

const KB_PER_GB = 1024 * 1024;
const BASE_USED_GB = 6;
const CACHED_GB = 3;

export function renderDemoMeminfo(totalGb: number, engineGb: number): string {
	const total = Math.round(totalGb * KB_PER_GB);
	const available = Math.max(0, Math.round((totalGb - BASE_USED_GB - engineGb) * KB_PER_GB));
	const cached = Math.round(CACHED_GB * KB_PER_GB);
	const line = (k: string, v: number) => `${`${k}:`.padEnd(16)}${String(v).padStart(10)} kB`;
	return [
		line('MemTotal', total),
		line('MemFree', Math.max(0, available - cached)),
		line('MemAvailable', available),
		line('Buffers', 0),
		line('Cached', cached),
		line('SwapTotal', 0),
		line('SwapFree', 0),
		'',
	].join('\n');
}
