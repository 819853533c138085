// The demo's OpenHands state: four V0 conversations, each showing one case the sessions panel
// must handle (clean; system,user,user from prompt extensions; an error observation right after a
// tool result; a live session that keeps growing), and one V1 conversation in the CLI layout
// beside them (a follow-up after the finish tool: user after tool, which the Mistral server rejects).

import {randomBytes} from 'node:crypto';
import * as ev from './events.js';
import {SessionWriter} from './session-writer.js';
import {writeDemoV1Conversation} from './v1-conversation.js';

export const OPENHANDS_VERSION = '0.48.0';
const MODEL = 'openai/mistral-small-4';
const RESPONSE_MODEL = 'mistral-small-4';
/** The live session stops growing after this many events (the demo must not fill the disk). */
export const LIVE_MAX_EVENTS = 400;

export interface DemoSessions {
	clean: string;
	promptExtensions: string;
	errorAfterTool: string;
	live: string;
	/** The V1 conversation's folder name under conversations/. */
	v1: string;
	/** Appends the next step of the live session; false once it reached LIVE_MAX_EVENTS. */
	stepLive(): boolean;
}

function newId(): string {
	return randomBytes(16).toString('hex');
}

function opening(s: SessionWriter): void {
	s.add(id => ev.agentStateChanged(id, s, 'loading'));
	s.advance(2500);
	s.add(id => ev.systemAction(id, s, OPENHANDS_VERSION));
	s.add(id => ev.changeAgentState(id, s, 'awaiting_user_input'));
	s.add(id => ev.agentStateChanged(id, s, 'awaiting_user_input'));
	s.advance(8000);
}

function toolPair(s: SessionWriter, thought: string, command: string, output: string, gapMs = 2200): void {
	const exitCode = 0;
	s.advance(gapMs);
	const turn = s.turn(RESPONSE_MODEL, thought, 4200 + s.count * 90, 60 + (s.count % 7) * 11, 3900 + s.count * 80);
	const callId = `call_${randomBytes(6).toString('hex')}`;
	const action = s.add(id => ev.runAction(id, s, command, turn, callId, s.totals));
	s.advance(gapMs > 0 ? 400 : 0);
	s.add(id => ev.runObservation(id, s, action, command, output, exitCode, turn, callId));
}

function finish(s: SessionWriter, text: string): void {
	s.advance(1800);
	const turn = s.turn(RESPONSE_MODEL, 'The change is in place and the tests pass.', 5200 + s.count * 90, 70, 5000);
	s.add(id => ev.finishAction(id, s, text, turn, `call_${randomBytes(6).toString('hex')}`, s.totals));
	s.add(id => ev.agentStateChanged(id, s, 'finished'));
}

function promptWithRecall(s: SessionWriter, text: string, date: string): void {
	s.add(id => ev.userMessage(id, s, text));
	const recall = s.add(id => ev.recallAction(id, s, text, 'workspace_context'));
	s.add(id => ev.agentStateChanged(id, s, 'running'));
	s.add(id => ev.recallObservation(id, s, recall, date, 'stackdeck-demo/todo-api'));
}

export function writeDemoSessions(stateDir: string, now = new Date()): DemoSessions {
	const hour = 3600 * 1000;
	const date = now.toISOString().slice(0, 10);

	// 1. Clean: prompt extensions off, so no recall turn; roles alternate.
	const clean = new SessionWriter(stateDir, newId(), 'Fix the failing users test', MODEL, new Date(now.getTime() - 3 * hour));
	opening(clean);
	clean.add(id => ev.userMessage(id, clean, 'The users test fails with a 500. Find out why and fix it.'));
	clean.add(id => ev.agentStateChanged(id, clean, 'running'));
	toolPair(clean, "I'll run the test suite first to see the failure.", 'npm test -- users', 'FAIL test/users.test.ts\n  returns 404 for a missing user\n    expected 404, received 500');
	toolPair(clean, 'The handler does not check for a missing user; I will add the check.', "sed -i 's/return res.json(user);/if (!user) return res.status(404).end();\\n  return res.json(user);/' src/routes/users.ts && npm test -- users", 'PASS test/users.test.ts (3 tests)');
	clean.advance(1500);
	clean.turn(RESPONSE_MODEL, null, 5400, 40, 5300);
	clean.add(id => ev.agentMessage(id, clean, 'Fixed: the users route now answers 404 for a missing user, and the test passes.'));
	clean.add(id => ev.agentStateChanged(id, clean, 'awaiting_user_input'));
	clean.writeMetadata();

	// 2. Prompt extensions on: user message then the workspace-context recall -> system, user, user.
	const ext = new SessionWriter(stateDir, newId(), 'Add a health endpoint', MODEL, new Date(now.getTime() - 2 * hour));
	opening(ext);
	promptWithRecall(ext, 'Add a /health endpoint to the todo API, with a test.', date);
	toolPair(ext, "I'll look at how routes are registered.", 'grep -n "app.get" src/server.ts', "12:app.get('/todos', listTodos);\n13:app.get('/todos/:id', getTodo);");
	toolPair(ext, 'Adding the route and a test.', "printf \"app.get('/health', (_req, res) => res.json({ok: true}));\\n\" >> src/server.ts && npm test", 'PASS test/health.test.ts\nPASS test/todos.test.ts');
	finish(ext, 'Added GET /health returning {ok: true}, with a test.');
	ext.writeMetadata();

	// 3. An invalid tool call: ErrorObservation (no cause, no tool_call_metadata) right after a tool result.
	const err = new SessionWriter(stateDir, newId(), 'Rename the retry helper', MODEL, new Date(now.getTime() - 1 * hour));
	opening(err);
	err.add(id => ev.userMessage(id, err, 'Rename retry() to withRetry() everywhere.'));
	err.add(id => ev.agentStateChanged(id, err, 'running'));
	toolPair(err, 'Finding every use of retry().', 'grep -rn "retry(" src test', 'src/util/retry.ts:1:function retry(fn, attempts = 3) {\nsrc/db/pool.ts:8:  return retry(() => pool.connect());');
	err.advance(1900);
	err.add(id => ev.errorObservation(id, err, "Parameter 'command' is expected to be one of ['view', 'create', 'str_replace', 'insert', 'undo_edit']."));
	toolPair(err, 'Using sed instead.', "sed -i 's/\\bretry(/withRetry(/g' src/util/retry.ts src/db/pool.ts && npm test", 'PASS (12 tests)');
	finish(err, 'Renamed retry() to withRetry() in both files; tests pass.');
	err.writeMetadata();

	// V1 (CLI layout): the SDK sends the follow-up right after the finish result.
	const v1 = writeDemoV1Conversation(stateDir, new Date(now.getTime() - 30 * 60 * 1000));

	// 4. Live: keeps growing while the demo runs.
	const live = new SessionWriter(stateDir, newId(), 'Speed up the todo list query', MODEL, new Date(now.getTime() - 60 * 1000));
	opening(live);
	live.syncToNow();
	promptWithRecall(live, 'The /todos list is slow with 10k rows. Profile it and make it faster.', date);
	live.writeMetadata();
	let step = 0;
	const commands = [
		['npm run bench -- todos', 'todos list: p50 412 ms, p95 890 ms'],
		['grep -n "SELECT" src/db/todos.ts', '4:  const rows = await db.query("SELECT * FROM todos");'],
		['psql -c "EXPLAIN ANALYZE SELECT * FROM todos ORDER BY created_at"', 'Seq Scan on todos  (cost=0.00..1834.00 rows=10000)'],
		['npm test', 'PASS (14 tests)'],
	] as const;

	return {
		clean: clean.id,
		promptExtensions: ext.id,
		errorAfterTool: err.id,
		live: live.id,
		v1,
		stepLive() {
			if (live.count + 4 > LIVE_MAX_EVENTS) return false;
			live.syncToNow();
			step += 1;
			if (step % 6 === 0) {
				live.turn(RESPONSE_MODEL, null, 6000 + step * 120, 50, 5800 + step * 110);
				live.add(id => ev.agentMessage(id, live, `Checkpoint ${step / 6}: the list query now uses an index; p50 is down ${10 + step}%.`));
				live.add(id => ev.agentStateChanged(id, live, 'awaiting_user_input'));
				live.add(id => ev.userMessage(id, live, 'Keep going: try keyset pagination too.'));
				live.add(id => ev.agentStateChanged(id, live, 'running'));
			} else {
				const [command, output] = commands[step % commands.length]!;
				toolPair(live, `Step ${step}: checking ${command.split(' ')[0]}.`, command, output, 0);
				live.syncToNow();
			}
			live.writeMetadata();
			return true;
		},
	};
}
