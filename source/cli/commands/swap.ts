// `stackdeck swap [NAME] [--yes] [--json]`: without NAME, every profile with what serves and what
// fits; with NAME, the plan, then (after --yes or a typed y) the swap as a job with each stage
// printed, the client configs rewritten and OpenHands restarted.
// Exit: 0 swapped, 1 failed or cancelled (rolled back), 2 refused or could not run.

import {createInterface} from 'node:readline/promises';
import {loadOrReport} from '../options.js';
import {parseCommand} from '../parse.js';
import {formatDuration} from '../../domain/format.js';
import type {JobRecord} from '../../domain/jobs/record.js';
import {planClients, restartContainer} from '../../actions/swap/clients.js';
import {localSwapEnv} from '../../actions/swap/local-env.js';
import {hostSwapEnv, swapConfigFor} from '../../actions/swap/host-env.js';
import {createConfiguredHost} from '../../hosts/configured.js';
import {LOCAL_HOST_ID} from '../../domain/host-id.js';
import {controlsFrom, planFor, prepare} from '../../actions/swap/prepare.js';
import {runSwap} from '../../actions/swap/run.js';

const HELP = `usage: stackdeck swap [NAME] [--host HOST] [--yes] [--json] [--force] [--also-stop A,B] [--no-clients]

Without NAME: lists the model profiles, which serve now, what each needs, whether it fits and its
last load time. With NAME: shows the plan (what stops, what starts, what gets rewritten, why it
fits), asks, then runs it: waits for requests to finish (--force: do not wait), stops, waits for
the memory to come back, starts NAME and waits until it serves. A failure rolls back and restarts
what was stopped. Then OpenHands' config.toml and Aider's conf are pointed at NAME and the OpenHands
container is restarted (--no-clients: leave them).
--host HOST: swap on that [[hosts]] entry, with the profiles that name it (host = "HOST"); without
it, the host NAME's profile names, else the first host. On another host the clients are left alone.
--json prints one JSON object per line: the plan, each stage as it changes, and the result.
Exit status: 0 swapped, 1 failed or cancelled (rolled back), 2 refused or could not run.`;

type Values = {yes?: boolean; force?: boolean; 'also-stop'?: string; 'no-clients'?: boolean; host?: string};

export async function run(argv: string[]): Promise<number> {
	const parsed = parseCommand<Values>('swap', argv, {yes: {type: 'boolean', short: 'y'}, force: {type: 'boolean'}, 'also-stop': {type: 'string'}, 'no-clients': {type: 'boolean'}, host: {type: 'string'}}, HELP, true);
	if (typeof parsed === 'number') return parsed;
	const {json, yes, force} = parsed.values;
	if (parsed.positionals.length > 1) {
		process.stderr.write(`stackdeck swap: one profile at a time, got ${parsed.positionals.join(' ')}\n\n${HELP}\n`);
		return 2;
	}
	const loaded = loadOrReport(parsed.values);
	if (typeof loaded === 'number') return loaded;
	const first = loaded.config.local.enabled ? LOCAL_HOST_ID : loaded.config.hosts[0]!.name;
	const hostId = parsed.values.host ?? (parsed.positionals[0] ? loaded.config.profiles[parsed.positionals[0]]?.host : undefined) ?? first;
	const entry = loaded.config.hosts.find(h => h.name === hostId);
	if (!entry && !(hostId === LOCAL_HOST_ID && loaded.config.local.enabled)) {
		const known = [...(loaded.config.local.enabled ? [LOCAL_HOST_ID] : []), ...loaded.config.hosts.map(h => h.name)];
		process.stderr.write(`stackdeck swap: no host "${hostId}" in the config; hosts: ${known.join(', ')}\n`);
		return 2;
	}
	// That host's engines, memory file and profiles; its Docker and shell.
	const config = swapConfigFor(loaded.config, hostId, first);
	const env = entry ? hostSwapEnv(createConfiguredHost(entry, process.env), config) : localSwapEnv(config);
	const remote = entry !== undefined;
	const out = (value: Record<string, unknown>, text: string) => process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
	try {
		const prepared = await prepare(config, env);
		for (const error of prepared.errors) process.stderr.write(`stackdeck swap: ${error}\n`);
		const name = parsed.positionals[0];
		if (!name) {
			for (const row of prepared.rows) {
				out(
					{type: 'profile', ...row},
					`${row.serving ? '*' : ' '} ${row.name.padEnd(20)} ${row.memoryGb === null ? '?' : `${row.memoryGb} GB`}  ${row.serving ? 'serving' : row.loading ? `loading (running, not serving)${row.refusal ? `; no: ${row.refusal}` : ''}` : row.refusal ? `no: ${row.refusal}` : row.fits ? 'fits' : 'does not fit'}  last load ${row.lastLoadMs === null ? 'never' : formatDuration(row.lastLoadMs)}`,
				);
			}
			return 0;
		}
		const alsoStop = (parsed.values['also-stop'] ?? '').split(',').map(s => s.trim()).filter(Boolean);
		const plan = planFor(config, prepared, name, alsoStop);
		if ('error' in plan) {
			out({type: 'result', outcome: 'refused', message: plan.error}, `stackdeck swap: ${plan.error}`);
			return 2;
		}
		// The client configs are files on the host they run on; another host's are not reached from here.
		const clients = parsed.values['no-clients'] || remote ? null : await planClients(plan.target, plan.stop);
		out({type: 'plan', host: hostId, target: plan.target.name, stop: plan.stop.map(p => p.name), stopLoading: plan.stopLoading.map(p => p.name), keep: plan.keep.map(p => p.name), fits: plan.fits, why: plan.why, refusal: plan.refusal, lines: plan.lines, clients: clients?.lines ?? []}, [`swap to ${plan.target.name}${remote ? ` on ${hostId}` : ''}:`, ...plan.lines.map(l => `  ${l}`), ...(clients?.lines ?? []).map(l => `  ${l}`)].join('\n'));
		if (!plan.refusal && !yes) {
			if (!process.stdin.isTTY) {
				out({type: 'result', outcome: 'refused', message: 'not confirmed: pass --yes to swap without asking'}, 'stackdeck swap: not confirmed: pass --yes to swap without asking');
				return 2;
			}
			const rl = createInterface({input: process.stdin, output: process.stdout});
			const answer = await rl.question('swap? [y/N] ');
			rl.close();
			if (!/^y(es)?$/i.test(answer.trim())) {
				out({type: 'result', outcome: 'refused', message: 'not confirmed'}, 'not swapped');
				return 2;
			}
		}
		const controller = new AbortController();
		const onSigint = () => controller.abort();
		process.on('SIGINT', onSigint);
		process.on('SIGTERM', onSigint);
		const printed = new Map<number, string>();
		let logs = 0;
		const onChange = (record: JobRecord) => {
			record.steps.forEach((step, index) => {
				const key = `${step.state}|${step.detail ?? ''}`;
				if (printed.get(index) === key || step.state === 'pending') return;
				// Progress text changes every poll; a human reader gets state changes only.
				if (!json && printed.get(index)?.startsWith(`${step.state}|`) && step.state === 'running') return;
				printed.set(index, key);
				out({type: 'stage', index, title: step.title, state: step.state, detail: step.detail}, `[${step.state}] ${step.title}${step.detail ? `: ${step.detail}` : ''}`);
			});
			for (const line of record.log.slice(logs)) out({type: 'log', line}, `  ${line}`);
			logs = record.log.length;
		};
		let result;
		try {
			result = await runSwap({plan, env, controls: controlsFrom(config, () => force === true), signal: controller.signal, readOnly: config.read_only, onChange});
		} finally {
			process.off('SIGINT', onSigint);
			process.off('SIGTERM', onSigint);
		}
		const followed: string[] = [];
		const problems: string[] = [];
		if (result.outcome === 'swapped' && clients) {
			for (const rewrite of clients.rewrites) {
				if (rewrite.error) {
					problems.push(rewrite.error);
					continue;
				}
				try {
					followed.push(await rewrite.apply());
				} catch (error) {
					problems.push((error as Error).message);
				}
			}
			for (const container of clients.containers) {
				try {
					followed.push(await restartContainer(env, container));
				} catch (error) {
					problems.push(`restart ${container}: ${(error as Error).message}`);
				}
			}
			for (const line of followed) out({type: 'client', line}, line);
			for (const line of problems) out({type: 'client', error: line}, `warning: ${line}`);
		}
		out({type: 'result', outcome: result.outcome, message: result.message, loadMs: result.loadMs, journal: result.journal, clients: followed, clientErrors: problems}, result.message);
		return result.outcome === 'swapped' ? 0 : result.outcome === 'refused' ? 2 : 1;
	} finally {
		env.close();
	}
}
