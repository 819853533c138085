// `stackdeck check-session`: not built yet (issue #6). Says so instead of pretending.

export async function run(): Promise<number> {
	process.stderr.write('stackdeck check-session: not built yet (issue #6)\n');
	return 2;
}
