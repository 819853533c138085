// `stackdeck bench`: not built yet (issue #4). Says so instead of pretending.

export async function run(): Promise<number> {
	process.stderr.write('stackdeck bench: not built yet (issue #4)\n');
	return 2;
}
