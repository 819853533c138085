// `stackdeck term`: not built yet (issue #7). Says so instead of pretending.

export async function run(): Promise<number> {
	process.stderr.write('stackdeck term: not built yet (issue #7)\n');
	return 2;
}
