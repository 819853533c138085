// `npm run bench [-- ID...] [-- --json] [-- --long]`: runs the benchmarks and prints a Markdown
// table that goes into the README's performance section as it is. Flags other than --json become
// BenchOptions (parseOptions), so a new mode is one field and one line here. `-- --soak MINUTES`:
// the soak instead (soak.ts).

import {BENCHES} from './index.js';
import type {BenchOptions, BenchRow} from './types.js';

function parseOptions(args: string[]): BenchOptions {
	return {long: args.includes('--long')};
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const soak = args.indexOf('--soak');
	if (soak >= 0) {
		const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
		const {runSoak} = await import('./soak.js');
		const only = value('--soak-only');
		const report = await runSoak({minutes: Number(args[soak + 1] ?? 60), sampleSeconds: value('--soak-sample') ? Number(value('--soak-sample')) : undefined, only: only === 'cockpit' || only === 'demo' ? only : undefined});
		process.stdout.write(`${report}\n`);
		return;
	}
	const json = args.includes('--json');
	const options = parseOptions(args);
	const only = args.filter(a => !a.startsWith('--'));
	const chosen = only.length ? BENCHES.filter(b => only.includes(b.id)) : BENCHES;
	const rows: Array<BenchRow & {bench: string}> = [];
	for (const bench of chosen) {
		process.stderr.write(`bench ${bench.id}…\n`);
		try {
			for (const row of await bench.run(options)) rows.push({bench: bench.id, ...row});
		} catch (error) {
			rows.push({bench: bench.id, name: bench.id, value: 'failed', method: (error as Error).message});
		}
	}
	if (json) {
		process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
		return;
	}
	const lines = ['| benchmark | result | how |', '|---|---|---|', ...rows.map(r => `| ${r.name} | ${r.value} | ${r.method} |`)];
	process.stdout.write(`${lines.join('\n')}\n`);
}

void main().then(() => process.exit(0));
