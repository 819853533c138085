// Model servers to watch. With none listed, the usual loopback ports are probed and each server
// identifies its own kind.
import {z} from 'zod';

export const engineEntry = z.strictObject({
	name: z.string().min(1),
	url: z.url(),
	kind: z.enum(['auto', 'sglang', 'vllm', 'ollama', 'llamacpp']).default('auto'),
	expected_tps: z.number().positive().optional(),
	profile: z.string().optional(),
});

export const enginesSection = z
	.strictObject({
		list: z.array(engineEntry).default([]),
		probe: z.boolean().default(true),
		probe_ports: z.array(z.number().int().min(1).max(65535)).default([30000, 8000, 8001, 8080, 11434]),
		probe_host: z.string().default('127.0.0.1'),
	})
	.prefault({});
