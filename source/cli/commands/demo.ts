// `stackdeck demo`: not built yet (issue #3). Says so instead of pretending.

export async function run(): Promise<number> {
	process.stderr.write('stackdeck demo: not built yet (issue #3)\n');
	return 2;
}
