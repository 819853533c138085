// Headless demos standing in for the boxes of a [[hosts]] config: each in its own TMPDIR (its own
// Docker Engine API socket and ports), its config read back, and the entry a user would write for it.

import {mkdtempSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse as parseToml} from 'smol-toml';
import {startHeadlessDemo, type HeadlessDemo} from '../../source/bench/headless-demo.js';

/** The part of a demo's config.toml a [[hosts]] entry needs. */
export interface DemoConfig {
	docker: {host: string};
	engines: {list: {name: string; url: string}[]};
	memory: {meminfo_path: string};
	openhands: {state_dir: string};
}

/** Start one headless demo under `dir`, named for the host it plays. */
export async function startDemoHost(dir: string, name: string): Promise<{demo: HeadlessDemo; config: DemoConfig}> {
	const tmp = mkdtempSync(path.join(dir, `${name}-tmp-`));
	const demo = await startHeadlessDemo(undefined, {TMPDIR: tmp});
	return {demo, config: parseToml(readFileSync(demo.configPath, 'utf8')) as unknown as DemoConfig};
}

/** The [[hosts]] entry for one demo, as a user writes it for a box beside this one. */
export function hostEntry(name: string, c: DemoConfig, extra: string[] = []): string[] {
	return [
		'[[hosts]]',
		`name = "${name}"`,
		`docker_host = "${c.docker.host}"`,
		`engines = [${c.engines.list.map(e => `"${e.url}"`).join(', ')}]`,
		`meminfo_path = "${c.memory.meminfo_path}"`,
		`state_dir = "${c.openhands.state_dir}"`,
		...extra,
		'',
	];
}
