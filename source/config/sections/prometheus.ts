// A Prometheus server that already scrapes the engines: when set, engine figures are read from it
// (instant queries of its HTTP API) instead of scraping each engine's /metrics.
import {z} from 'zod';

export const prometheusSection = z
	.strictObject({
		url: z.url().optional(),
		/** The `instance` label of an engine when it is not the engine URL's host:port. */
		instances: z.record(z.string(), z.string()).default({}),
		timeout_ms: z.number().int().min(200).max(30_000).default(2000),
	})
	.prefault({});
