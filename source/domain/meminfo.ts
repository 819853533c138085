// Parser for /proc/meminfo: host memory as the kernel reports it. On a DGX Spark the GPU shares this
// memory (unified), so MemAvailable is the number that says whether the next model will fit.

export interface MemInfo {
	totalBytes: number;
	availableBytes: number;
	usedBytes: number;
	freeBytes: number;
	cachedBytes: number;
	swapTotalBytes: number;
	swapUsedBytes: number;
}

export class MemInfoError extends Error {}

const REQUIRED = ['MemTotal', 'MemAvailable'] as const;

/**
 * Parse the text of /proc/meminfo. Lines look like `MemTotal:  131072000 kB`.
 * Throws MemInfoError naming the missing or malformed field; never returns NaN.
 */
export function parseMeminfo(text: string, source = '/proc/meminfo'): MemInfo {
	const fields = new Map<string, number>();
	for (const line of text.split('\n')) {
		const match = /^([A-Za-z0-9_()]+):\s+(\d+)(?:\s+(kB))?\s*$/.exec(line.trim());
		if (!match) continue;
		const value = Number(match[2]);
		fields.set(match[1]!, match[3] ? value * 1024 : value);
	}
	for (const key of REQUIRED) {
		if (!fields.has(key)) {
			throw new MemInfoError(`${source}: field ${key} is missing or malformed; is this a Linux /proc/meminfo?`);
		}
	}
	const total = fields.get('MemTotal')!;
	const available = fields.get('MemAvailable')!;
	if (available > total) {
		throw new MemInfoError(`${source}: MemAvailable (${available}) is larger than MemTotal (${total})`);
	}
	const swapTotal = fields.get('SwapTotal') ?? 0;
	const swapFree = fields.get('SwapFree') ?? swapTotal;
	return {
		totalBytes: total,
		availableBytes: available,
		usedBytes: total - available,
		freeBytes: fields.get('MemFree') ?? available,
		cachedBytes: (fields.get('Cached') ?? 0) + (fields.get('Buffers') ?? 0),
		swapTotalBytes: swapTotal,
		swapUsedBytes: Math.max(0, swapTotal - swapFree),
	};
}
