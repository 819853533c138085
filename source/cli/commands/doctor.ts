// `stackdeck doctor`: every silent failure of the stack checked, with evidence and the fix. `--fix ID`
// runs that check's automatic fix as a job (asks first; `--yes` for scripts).

import {createInterface} from 'node:readline/promises';
import {fixJob} from '../../actions/doctor-fixes.js';
import {jsonReport, reportLines} from '../../domain/doctor/report.js';
import {doctorExitCode, runChecks} from '../../domain/doctor/registry.js';
import {startJob} from '../../jobs/runner.js';
import {collectFacts} from '../../sources/doctor/collect.js';
import {openLocalIo} from '../../sources/doctor/local-io.js';
import {closeServices, createServices} from '../../runtime/services.js';
import {createAppStore, initialState} from '../../store/index.js';
import {jobPrinter} from '../job-lines.js';
import {loadOrReport} from '../options.js';
import {parseCommand} from '../parse.js';

const HELP = `usage: stackdeck doctor [--json] [--all] [--fix ID [--yes]] [--config PATH]

Checks the stack for the failures that do not announce themselves (the model OpenHands asks for
is not served, host.docker.internal without host-gateway, a state folder UID 1000 cannot write,
logs without rotation, Tor or proxies that leak, ...) and prints each problem with what it looked
at and the exact fix. --all also shows the evidence of checks that passed.
--fix ID runs the automatic fix of check ID (shown with the check), after asking; --yes answers.

Exit 0 when no check warns or fails (checks that could not run are listed as ??), 1 when one
does, 2 when the Doctor could not run (or a --fix could not be made).`;

async function confirm(question: string): Promise<boolean> {
	if (!process.stdin.isTTY) return false;
	const rl = createInterface({input: process.stdin, output: process.stdout});
	try {
		return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
	} finally {
		rl.close();
	}
}

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand<{fix?: string; yes?: boolean; all?: boolean}>('doctor', argv, {fix: {type: 'string'}, yes: {type: 'boolean', short: 'y'}, all: {type: 'boolean'}}, HELP);
	if (typeof parsed === 'number') return parsed;
	const loaded = loadOrReport(parsed.values);
	if (typeof loaded === 'number') return loaded;
	const {config} = loaded;
	const services = createServices({store: createAppStore(initialState(config.read_only)), config, env: process.env});
	const host = services.hosts[0]!;
	const io = openLocalIo(host, config, process.env);
	try {
		const facts = await collectFacts(io, config, {meminfoPath: process.env['STACKDECK_MEMINFO'] ?? config.memory.meminfo_path});
		const results = runChecks(facts);
		if (!parsed.values.fix) {
			if (parsed.values.json) process.stdout.write(`${JSON.stringify(jsonReport(results), null, 2)}\n`);
			else process.stdout.write(`${reportLines(results, parsed.values.all).join('\n')}\n`);
			return doctorExitCode(results);
		}
		const id = parsed.values.fix;
		const result = results.find(r => r.id === id);
		if (!result) {
			process.stderr.write(`stackdeck doctor: no check "${id}"; the checks are: ${results.map(r => r.id).join(', ')}\n`);
			return 2;
		}
		if (result.status === 'ok') {
			process.stdout.write(`${id}: ok, nothing to fix (${result.summary})\n`);
			return 0;
		}
		const job = await fixJob(result, {
			configToml: facts.openhandsConfig?.path ?? null,
			openhandsContainer: facts.openhandsContainer,
			docker: io.docker,
			hostId: host.id,
			restart: Boolean(parsed.values.yes),
		});
		if (job instanceof Error) {
			process.stderr.write(`stackdeck doctor: ${job.message}\n`);
			return 2;
		}
		process.stdout.write(`${job.title}:\n${job.plan.map(l => `  ${l}`).join('\n')}\n`);
		if (!parsed.values.yes && !(await confirm('Go ahead?'))) {
			process.stderr.write(process.stdin.isTTY ? 'not changed\n' : 'stackdeck doctor: not changed: add --yes to fix without asking\n');
			return 2;
		}
		const controller = new AbortController();
		const onSigint = () => controller.abort();
		process.once('SIGINT', onSigint);
		const record = await startJob(job, {readOnly: config.read_only, signal: controller.signal, onChange: jobPrinter(line => process.stdout.write(`${line}\n`))}).done;
		process.removeListener('SIGINT', onSigint);
		if (record.state !== 'done') return record.state === 'refused' ? 2 : 1;
		const again = runChecks(await collectFacts(io, config, {meminfoPath: process.env['STACKDECK_MEMINFO'] ?? config.memory.meminfo_path})).find(r => r.id === id);
		if (again) process.stdout.write(`${reportLines([again]).join('\n')}\n`);
		return 0;
	} finally {
		closeServices(services);
	}
}
