import {defineConfig} from 'vitest/config';

// Integration tests start servers, ptys and containers: run files one at a time per worker, with
// generous timeouts, and never retry (a flaky test must be fixed, not hidden).
export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
		maxWorkers: 2,
		reporters: ['default'],
	},
});
