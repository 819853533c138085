// `stackdeck check-session PATH`: rebuilds the LLM message list OpenHands V0 would send for each
// session in PATH and reports the orderings a model server would reject. Exit 0 no findings,
// 1 findings, 2 input unreadable.

import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {checkEvents, checkMessages, type CheckResult} from '../../domain/openhands/check.js';
import {RULE_FAMILIES, SERVER_LABELS} from '../../domain/openhands/finding.js';
import {describe} from '../../domain/openhands/messages.js';
import {readTomlValue} from '../../domain/openhands/toml-edit.js';
import {InputError, loadCheckInputs, type CheckInput} from '../../sources/openhands/check-inputs.js';
import {parseCommand} from '../parse.js';

const HELP = `usage: stackdeck check-session PATH [--json] [--rules strict|mistral|all] [--prompt-extensions on|off]

PATH is an OpenHands state folder (with sessions/), one session folder, an events/ folder, a
trajectory file (JSON array of events), an evaluation output (JSON object or JSON lines with a
"history" array), or an LLM completion log (an object with a "messages" array).

  --rules strict     HF chat-template servers (SGLang, vLLM hf mode, llama.cpp)
  --rules mistral    mistral-common (vLLM --tokenizer-mode mistral, Mistral API)
  --rules all        both (default)
  --prompt-extensions on|off
                     how OpenHands builds the messages; default: [agent] enable_prompt_extensions
                     from PATH/config.toml when PATH is a state folder, else on (OpenHands' default)

Exit 0: no findings. 1: findings. 2: PATH cannot be read (the message names the file).`;

interface SessionReport {
	id: string;
	roles: Array<{eventId: number; role: string}>;
	findings: Array<{rule: string; eventIds: number[]; servers: string[]; message: string; fix: string}>;
	problems: string[];
}

function promptExtensionsFor(target: string, flag: string | undefined): boolean {
	if (flag !== undefined) return flag === 'on' || flag === 'true';
	const toml = path.join(path.resolve(target), 'config.toml');
	if (existsSync(toml)) {
		try {
			const value = readTomlValue(readFileSync(toml, 'utf8'), 'agent', 'enable_prompt_extensions');
			if (value === 'false') return false;
		} catch {
			// Unreadable config: keep OpenHands' default.
		}
	}
	return true;
}

function check(input: CheckInput, promptExtensions: boolean, rules: readonly string[]): {report: SessionReport; result: CheckResult} {
	const only = rules as Parameters<typeof checkMessages>[1];
	const result = input.kind === 'events' ? checkEvents(input.events, {promptExtensions}, only) : checkMessages(input.messages, only);
	return {
		result,
		report: {
			id: input.id,
			roles: result.roles.filter(r => r.role !== null).map(r => ({eventId: r.eventId, role: r.label})),
			findings: result.findings.map(f => ({rule: f.rule, eventIds: f.eventIds, servers: f.servers, message: f.message, fix: f.fix})),
			problems: input.problems,
		},
	};
}

function text(input: CheckInput, report: SessionReport, result: CheckResult): string[] {
	const out: string[] = [];
	const count = input.kind === 'events' ? `${input.events.length} events` : `${input.messages.length} messages`;
	out.push(`${report.id} (${input.source}): ${count}, ${report.findings.length ? `${report.findings.length} finding(s)` : 'no findings'}`);
	const seq = result.messages.slice(0, 24).map(describe).join(' ');
	out.push(`  messages: ${seq}${result.messages.length > 24 ? ` … (${result.messages.length})` : ''}`);
	for (const p of report.problems.slice(0, 5)) out.push(`  ? ${p}`);
	if (report.problems.length > 5) out.push(`  ? … ${report.problems.length - 5} more unreadable files`);
	for (const f of result.findings) {
		out.push(`  ✗ ${f.rule} at ${f.eventIds.map(id => `#${id}`).join(', ')} — rejected by ${f.servers.map(s => SERVER_LABELS[s]).join('; ')}`);
		out.push(`    ${f.message}`);
		out.push(`    fix: ${f.fix}`);
	}
	return out;
}

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand<{rules?: string; 'prompt-extensions'?: string}>(
		'check-session',
		argv,
		{rules: {type: 'string'}, 'prompt-extensions': {type: 'string'}},
		HELP,
		true,
	);
	if (typeof parsed === 'number') return parsed;
	const family = parsed.values.rules ?? 'all';
	if (family !== 'strict' && family !== 'mistral' && family !== 'all') {
		process.stderr.write(`stackdeck check-session: --rules takes strict, mistral or all, got "${family}"\n`);
		return 2;
	}
	const ext = parsed.values['prompt-extensions'];
	if (ext !== undefined && !['on', 'off', 'true', 'false'].includes(ext)) {
		process.stderr.write(`stackdeck check-session: --prompt-extensions takes on or off, got "${ext}"\n`);
		return 2;
	}
	const target = parsed.positionals[0];
	if (!target || parsed.positionals.length > 1) {
		process.stderr.write(`stackdeck check-session: give exactly one PATH\n\n${HELP}\n`);
		return 2;
	}
	let inputs: CheckInput[];
	try {
		inputs = await loadCheckInputs(target);
	} catch (error) {
		if (error instanceof InputError) {
			process.stderr.write(`stackdeck check-session: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
	const unreadable = inputs.filter(i => (i.kind === 'events' ? i.events.length === 0 : i.messages.length === 0) && i.problems.length > 0);
	if (inputs.length > 0 && unreadable.length === inputs.length) {
		process.stderr.write(`stackdeck check-session: nothing readable in ${path.resolve(target)}:\n  ${inputs.flatMap(i => i.problems).slice(0, 5).join('\n  ')}\n`);
		return 2;
	}
	const promptExtensions = promptExtensionsFor(target, ext);
	const checked = inputs.map(input => ({input, ...check(input, promptExtensions, RULE_FAMILIES[family])}));
	const findings = checked.reduce((n, c) => n + c.report.findings.length, 0);
	if (parsed.values.json) {
		process.stdout.write(`${JSON.stringify({sessions: checked.map(c => c.report)}, null, 2)}\n`);
	} else {
		const out: string[] = [];
		if (checked.length === 0) out.push(`${path.resolve(target)}: no sessions`);
		for (const c of checked) out.push(...text(c.input, c.report, c.result));
		out.push(`${checked.length} session(s), ${findings} finding(s); prompt extensions ${promptExtensions ? 'on' : 'off'}, rules: ${family}`);
		process.stdout.write(`${out.join('\n')}\n`);
	}
	return findings > 0 ? 1 : 0;
}
