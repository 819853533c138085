// `stackdeck doctor`: every silent failure of the stack checked, with evidence and the fix. `--fix ID`
// runs that check's automatic fix as a job (asks first; `--yes` for scripts).

import {createInterface} from 'node:readline/promises';
import {fixJob} from '../../actions/doctor-fixes.js';
import type {Config} from '../../config/schema.js';
import {jsonReport, reportLines} from '../../domain/doctor/report.js';
import {countByStatus, doctorExitCode} from '../../domain/doctor/counts.js';
import type {Host} from '../../hosts/host.js';
import {startJob} from '../../jobs/runner.js';
import {doctorConfig, doctorIo, runHostDoctor, type HostDoctorRun} from '../../sources/doctor/host-doctor.js';
import type {DoctorIo} from '../../sources/doctor/io.js';
import {closeServices, createServices} from '../../runtime/services.js';
import {createAppStore, initialState} from '../../store/index.js';
import {jobPrinter} from '../job-lines.js';
import {loadOrReport} from '../options.js';
import {parseCommand} from '../parse.js';
import {writeJson, writeText} from '../output.js';

const HELP = `usage: stackdeck doctor [--json] [--all] [--host NAME] [--fix ID [--yes]] [--config PATH]

Checks the stack for the failures that do not announce themselves (the model OpenHands asks for
is not served, host.docker.internal without host-gateway, a state folder UID 1000 cannot write,
logs without rotation, Tor or proxies that leak, ...) and prints each problem with what it looked
at and the exact fix. --all also shows the evidence of checks that passed.
--fix ID runs the automatic fix of check ID (shown with the check), after asking; --yes answers.

Every host is checked (this machine and each [[hosts]] entry); --host NAME checks that one only.
Each finding names its host (another host's ids start with its name: spark2/openhands.base-url);
a host that cannot be reached is a failure. Files on another host are read there (over its ssh) and
never written from here: its fixes are the commands to run there.

Exit 0 when no check on any host warns or fails (checks that could not run are listed as ??), 1
when one does or a host is unreachable, 2 when the Doctor could not run (or a --fix could not be made).`;

async function confirm(question: string): Promise<boolean> {
	if (!process.stdin.isTTY) return false;
	const rl = createInterface({input: process.stdin, output: process.stdout});
	try {
		return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
	} finally {
		rl.close();
	}
}

interface HostRun {
	host: Host;
	first: boolean;
	io: DoctorIo;
	config: Config;
	run: HostDoctorRun;
}

async function runHost(host: Host, first: boolean, config: Config): Promise<HostRun> {
	const {config: own, entry} = doctorConfig(config, host);
	const io = doctorIo(host, own, process.env);
	const meminfoPath = first ? (process.env['STACKDECK_MEMINFO'] ?? own.memory.meminfo_path) : own.memory.meminfo_path;
	const run = await runHostDoctor(host, io, own, entry, {first, meminfoPath});
	return {host, first, io, config: own, run: {...run, results: run.results.map(r => ({...r, hostId: host.id}))}};
}

/** The hosts' findings as text: with several hosts, each under its name and whether it was reached. */
function textReport(runs: readonly HostRun[], several: boolean, all: boolean | undefined): string[] {
	if (!several) return reportLines(runs[0]!.run.results, all);
	return runs.flatMap(({host, run}) => {
		const c = countByStatus(run.results);
		const state = run.facts === null ? 'unreachable' : `${c.fail} fail, ${c.warn} warn, ${c.unknown} ??, ${c.ok} ok`;
		return [`host ${host.id} (${host.kind === 'ssh' ? 'over ssh' : host.id === 'local' ? 'this machine' : 'its Docker from here'}): ${state}`, ...reportLines(run.results, all).map(l => `  ${l}`)];
	});
}

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand<{fix?: string; yes?: boolean; all?: boolean; host?: string}>('doctor', argv, {fix: {type: 'string'}, yes: {type: 'boolean', short: 'y'}, all: {type: 'boolean'}, host: {type: 'string'}}, HELP);
	if (typeof parsed === 'number') return parsed;
	const loaded = loadOrReport(parsed.values);
	if (typeof loaded === 'number') return loaded;
	const {config} = loaded;
	const services = createServices({store: createAppStore(initialState(config.read_only)), config, env: process.env});
	try {
		const wanted = parsed.values.host;
		if (wanted !== undefined && !services.hosts.some(h => h.id === wanted)) {
			process.stderr.write(`stackdeck doctor: no host "${wanted}" in the config; hosts: ${services.hosts.map(h => h.id).join(', ')}\n`);
			return 2;
		}
		// Every host at once, each with its own deadlines: a host that hangs holds up no other.
		const runs = await Promise.all(services.hosts.map((h, i) => ({h, first: i === 0})).filter(({h}) => wanted === undefined || h.id === wanted).map(({h, first}) => runHost(h, first, config)));
		const results = runs.flatMap(r => r.run.results);
		if (!parsed.values.fix) {
			if (parsed.values.json) {
				const hosts = runs.map(({host, run}) => ({id: host.id, kind: host.kind, reachable: run.facts !== null, ...countByStatus(run.results)}));
				writeJson({hosts, ...jsonReport(results)});
			} else writeText(textReport(runs, services.hosts.length > 1, parsed.values.all));
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
		const at = runs.find(r => r.host.id === result.hostId)!;
		// Only the first host's files on this machine are written from here.
		if (result.applyOn || !at.first || at.host.kind === 'ssh') {
			const how = result.applyOn ? elsewhere(result.applyOn) : `${id} is about ${at.host.id}: apply its fix there${result.fix ? `: ${result.fix}` : ''}`;
			process.stderr.write(`stackdeck doctor: ${how}\n`);
			return 2;
		}
		const {io, host} = at;
		const facts = at.run.facts;
		const job = await fixJob(result, {
			configToml: facts?.openhandsConfig?.path ?? null,
			openhandsContainer: facts?.openhandsContainer ?? null,
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
		const again = (await runHost(host, true, config)).run.results.find(r => r.id === id);
		if (again) process.stdout.write(`${reportLines([again]).join('\n')}\n`);
		return 0;
	} finally {
		closeServices(services);
	}
}

/** A fix on another host's file, for the terminal. */
function elsewhere(on: {host: string; commands: string[]}): string {
	return `the file is on ${on.host}: apply the fix there (nothing is written from this machine)${on.commands.length ? `:\n  ${on.commands.join('\n  ')}` : ''}`;
}
