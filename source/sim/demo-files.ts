// The demo's files on disk: small cache and log folders for the cache panel, and a git-initialised
// project for Aider to work in.

import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

export function writeCacheDirs(workDir: string): string[] {
	const cache = path.join(workDir, 'sglang-cache');
	const logs = path.join(workDir, 'logs');
	mkdirSync(cache, {recursive: true});
	mkdirSync(logs, {recursive: true});
	for (let i = 0; i < 4; i++) writeFileSync(path.join(cache, `page-${i}.bin`), Buffer.alloc(256 * 1024, i));
	writeFileSync(path.join(logs, 'openhands.log'), 'INFO demo log line\n'.repeat(2000));
	return [cache, logs];
}

/** A small project with one commit; returns its path and a notice when git was not usable. */
export function writeDemoProject(workDir: string): {dir: string; notice?: string} {
	const dir = path.join(workDir, 'todo-api');
	mkdirSync(path.join(dir, 'src'), {recursive: true});
	writeFileSync(path.join(dir, 'README.md'), '# todo-api\n\nA tiny demo project for `stackdeck demo`.\n');
	writeFileSync(
		path.join(dir, 'src', 'todos.js'),
		"// In-memory todo list.\nconst todos = [];\n\nexport function addTodo(title) {\n\tconst todo = {id: todos.length + 1, title, done: false};\n\ttodos.push(todo);\n\treturn todo;\n}\n\nexport function listTodos() {\n\treturn [...todos];\n}\n",
	);
	writeFileSync(path.join(dir, 'src', 'server.js'), "import {listTodos} from './todos.js';\n\nexport function handle(path) {\n\treturn path === '/todos' ? listTodos() : null;\n}\n");
	const env = {...process.env, GIT_AUTHOR_NAME: 'stackdeck demo', GIT_AUTHOR_EMAIL: 'demo@localhost', GIT_COMMITTER_NAME: 'stackdeck demo', GIT_COMMITTER_EMAIL: 'demo@localhost'};
	try {
		const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, env, stdio: 'ignore'});
		git('init', '-q');
		git('add', '.');
		git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Initial todo API');
		return {dir};
	} catch (error) {
		return {dir, notice: `demo project ${dir}: git init/commit failed (${(error as Error).message.split('\n')[0]}); Aider may refuse it; install git to fix`};
	}
}
