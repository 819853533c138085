#!/usr/bin/env node
// `npm run lint:layers`: every import under source/ points down the layer table below (or stays in
// its own folder), no module-level `let`/`var` (services are handed in), and no import cycles.
// Imports are read with TypeScript's own scanner (static, type-only and dynamic import() alike),
// so no extra dependency. The same order is written in ARCHITECTURE.md; the check says when they differ.
//
//   node scripts/lint-layers.mjs [ROOT]   ROOT defaults to ./source (tests point it at fixture trees)

import {readFileSync, readdirSync, statSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';

/** Top to bottom: a folder may import its own files and any folder below it, never one above. */
export const LAYERS = [
	'cli',
	'bench',
	'runtime',
	'sim',
	'panels',
	'ui',
	'commands',
	'services',
	'actions',
	'jobs',
	'sources',
	'hosts',
	'terminal-pane',
	'store',
	'config',
	'theme',
	'terminal',
	'fs',
	'domain',
];

const EXTENSIONS = ['.ts', '.tsx'];

function listFiles(dir) {
	const out = [];
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...listFiles(full));
		else if (EXTENSIONS.some(e => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) out.push(full);
	}
	return out.sort();
}

/** './x.js' from a .ts file means x.ts, x.tsx, or x/index.ts(x). */
function resolveImport(from, spec) {
	const base = path.resolve(path.dirname(from), spec);
	const stem = base.replace(/\.(js|jsx|mjs|ts|tsx)$/, '');
	const candidates = [...EXTENSIONS.map(e => stem + e), ...EXTENSIONS.map(e => path.join(base, 'index' + e))];
	return candidates.find(c => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Folder (layer) of a file: its first path segment under root; a file at the root is its own name. */
function layerOf(root, file) {
	const rel = path.relative(root, file).split(path.sep);
	return rel.length > 1 ? rel[0] : rel[0].replace(/\.(ts|tsx)$/, '');
}

/** Module-level `let`/`var`: mutable state shared by every caller of the module. */
function topLevelMutables(file, text) {
	const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
	const found = [];
	for (const stmt of sf.statements) {
		if (!ts.isVariableStatement(stmt)) continue;
		if (stmt.declarationList.flags & ts.NodeFlags.Const) continue;
		const {line} = sf.getLineAndCharacterOfPosition(stmt.getStart(sf));
		for (const d of stmt.declarationList.declarations) found.push({line: line + 1, name: d.name.getText(sf)});
	}
	return found;
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(graph) {
	let index = 0;
	const stack = [];
	const onStack = new Set();
	const idx = new Map();
	const low = new Map();
	const out = [];
	const visit = v => {
		idx.set(v, index);
		low.set(v, index);
		index++;
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!idx.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v), low.get(w)));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
		}
		if (low.get(v) === idx.get(v)) {
			const scc = [];
			let w;
			do {
				w = stack.pop();
				onStack.delete(w);
				scc.push(w);
			} while (w !== v);
			if (scc.length > 1 || (graph.get(v) ?? new Set()).has(v)) out.push(scc.sort());
		}
	};
	for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
	return out;
}

/** Every problem under root, as lines naming the file and what to do. */
export function lintLayers(root) {
	const problems = [];
	const graph = new Map();
	const rank = new Map(LAYERS.map((name, i) => [name, i]));
	const rel = f => path.relative(root, f).split(path.sep).join('/');
	for (const file of listFiles(root)) {
		const text = readFileSync(file, 'utf8');
		const from = layerOf(root, file);
		if (!rank.has(from)) problems.push(`${rel(file)}: folder "${from}" is not in the layer table (scripts/lint-layers.mjs and ARCHITECTURE.md): add it where it belongs`);
		for (const m of topLevelMutables(file, text)) problems.push(`${rel(file)}:${m.line}: module-level mutable "${m.name}": keep state in the object that owns it (a service handed in, a closure)`);
		const edges = new Set();
		for (const {fileName} of ts.preProcessFile(text, true, true).importedFiles) {
			if (!fileName.startsWith('.')) continue;
			const target = resolveImport(file, fileName);
			if (!target || !target.startsWith(root + path.sep)) continue;
			edges.add(target);
			const to = layerOf(root, target);
			if (to === from || !rank.has(from) || !rank.has(to)) continue;
			if (rank.get(to) < rank.get(from)) problems.push(`${rel(file)}: imports ${rel(target)}: ${from} may not import ${to} (a layer above it)`);
		}
		graph.set(file, edges);
	}
	for (const scc of cycles(graph)) problems.push(`import cycle: ${scc.map(rel).join(' -> ')}`);
	return problems;
}

/** The order as ARCHITECTURE.md writes it: the line starting "Layers, top to bottom:". */
export function documentedLayers(markdown) {
	const m = /^Layers, top to bottom:\s*(.+)$/m.exec(markdown);
	return m ? m[1].replace(/`/g, '').split(/\s*>\s*/).map(s => s.trim().replace(/\.$/, '')) : null;
}

function main(argv) {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const repo = path.resolve(here, '..');
	const root = path.resolve(argv[0] ?? path.join(repo, 'source'));
	const problems = lintLayers(root);
	if (argv.length === 0) {
		const doc = documentedLayers(readFileSync(path.join(repo, 'ARCHITECTURE.md'), 'utf8'));
		if (!doc || doc.join(' > ') !== LAYERS.join(' > '))
			problems.push(`ARCHITECTURE.md's "Layers, top to bottom:" line (${doc ? doc.join(' > ') : 'missing'}) differs from scripts/lint-layers.mjs (${LAYERS.join(' > ')})`);
	}
	for (const p of problems) process.stderr.write(`lint:layers: ${p}\n`);
	if (problems.length === 0) process.stdout.write(`lint:layers: ${path.relative(process.cwd(), root) || '.'}: imports point down the layers, no cycles\n`);
	return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
