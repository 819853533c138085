// The layer check (`npm run lint:layers`): run as npm runs it, on small fixture trees and on the project.

import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {REPO_ROOT as REPO} from '../support/paths.js';

const SCRIPT = path.join(REPO, 'scripts', 'lint-layers.mjs');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'layers');

function lint(...args: string[]): {code: number | null; out: string} {
	const r = spawnSync(process.execPath, [SCRIPT, ...args], {cwd: REPO, encoding: 'utf8'});
	return {code: r.status, out: `${r.stdout}${r.stderr}`};
}

describe('lint:layers', () => {
	it('fails on a module that imports from a layer above it, naming both', () => {
		const r = lint(path.join(FIXTURES, 'upward'));
		expect(r.code).toBe(1);
		expect(r.out).toContain('domain/shape.ts: imports store/slice.ts: domain may not import store');
	});

	it('fails on an import cycle, listing its files', () => {
		const r = lint(path.join(FIXTURES, 'cycle'));
		expect(r.code).toBe(1);
		expect(r.out).toContain('import cycle: store/a.ts -> store/b.ts');
	});

	it('fails on a module-level mutable', () => {
		const r = lint(path.join(FIXTURES, 'mutable'));
		expect(r.code).toBe(1);
		expect(r.out).toContain('actions/handle.ts:2: module-level mutable "current"');
	});

	it('fails on a folder the layer table does not place', () => {
		const r = lint(path.join(FIXTURES, 'unknown'));
		expect(r.code).toBe(1);
		expect(r.out).toContain('folder "gadgets" is not in the layer table');
	});

	it('passes on a tree whose imports point down', () => {
		const r = lint(path.join(FIXTURES, 'clean'));
		expect(r.out).not.toContain('may not import');
		expect(r.code).toBe(0);
	});

	it('passes on the project, whose ARCHITECTURE.md lists the same layers', () => {
		const r = lint();
		expect(r.out).toContain('imports point down the layers, no cycles');
		expect(r.code).toBe(0);
	});
});
