// `nvidia-smi --query-gpu=name,memory.total,memory.used,utilization.gpu --format=csv,noheader,nounits`
// output → plain records. On a DGX Spark (GB10) memory reads "[N/A]" or "Not Supported": that is
// unified memory, not zero.

export interface GpuReading {
	name: string;
	/** Bytes; null when the driver does not report it (unified memory). */
	totalBytes: number | null;
	usedBytes: number | null;
	unified: boolean;
	utilization: number | null;
}

export const NVIDIA_SMI_ARGS = ['--query-gpu=name,memory.total,memory.used,utilization.gpu', '--format=csv,noheader,nounits'];

const MIB = 1024 * 1024;

function field(text: string | undefined): number | null {
	if (text === undefined) return null;
	const t = text.trim();
	if (/n\/a|not supported|unknown|err/i.test(t)) return null;
	const n = Number(t.replace(/[^\d.]/g, ''));
	return t !== '' && Number.isFinite(n) ? n : null;
}

export function parseNvidiaSmi(output: string): GpuReading[] {
	const gpus: GpuReading[] = [];
	for (const line of output.split('\n')) {
		if (!line.trim()) continue;
		const [name, total, used, util] = line.split(',');
		const totalMiB = field(total);
		const usedMiB = field(used);
		gpus.push({
			name: (name ?? '').trim() || 'GPU',
			totalBytes: totalMiB === null ? null : totalMiB * MIB,
			usedBytes: usedMiB === null ? null : usedMiB * MIB,
			unified: totalMiB === null,
			utilization: field(util),
		});
	}
	return gpus;
}
