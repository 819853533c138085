// The cockpit's swap flow behind the `m` overlay: list the profiles, plan the chosen one, run it
// as a job (progress into the swap slice, Esc cancels, f forces the drain), then offer the client
// rewrites (diff shown) and the OpenHands restart, each on its own `y`.

import type {Config} from '../../config/schema.js';
import type {SwapPlan} from '../../domain/swap/plan.js';
import {update, type AppStore} from '../../store/index.js';
import {closeSwap, finish, openSwap, setForced, setRecord, showClients, showPlan, showRows} from '../../store/slices/swap.js';
import {showNotice} from '../../store/slices/ui.js';
import {discoveryOf} from '../../store/slices/discovery.js';
import {LOCAL_HOST_ID} from '../../domain/host-id.js';
import {envOverrideLines} from '../../domain/swap/openhands-llm.js';
import {planClients, restartContainer, type ClientsPlan} from './clients.js';
import type {SwapEnv} from '../../sources/swap/env.js';
import {controlsFrom, planFor, prepare, type Prepared} from './prepare.js';
import {runSwap} from './run.js';

export interface AiderSessions {
	stop(id: string): void;
	startAider(request: {repo?: string; profile?: string}): string | undefined;
}

export class SwapController {
	private prepared: Prepared | null = null;
	private plan: SwapPlan | null = null;
	private clients: ClientsPlan | null = null;
	private abort: AbortController | null = null;
	private forced = false;

	constructor(
		private readonly store: AppStore,
		private readonly config: Config,
		private readonly env: SwapEnv,
		/** The cockpit's Aider sessions (restarted on the new profile when the user says so). */
		private readonly aider: AiderSessions | null = null,
	) {}

	async open(): Promise<void> {
		update(this.store, 'ui', ui => ({...ui, overlay: 'swap'}));
		update(this.store, 'swap', openSwap);
		this.plan = null;
		this.clients = null;
		this.forced = false;
		const prepared = await prepare(this.config, this.env);
		this.prepared = prepared;
		const note = prepared.errors.join('; ') || (prepared.profiles.length === 0 ? 'no profiles: add [profiles.NAME] to the config' : null);
		update(this.store, 'swap', s => (s.phase === 'loading' ? showRows(s, prepared.rows, note) : s));
	}

	async choose(): Promise<void> {
		const state = this.store.getState().swap;
		const row = state.rows[state.selected];
		if (state.phase !== 'list' || !row || !this.prepared) return;
		const plan = planFor(this.config, this.prepared, row.name);
		if ('error' in plan) {
			update(this.store, 'swap', s => showPlan(s, row.name, [plan.error], plan.error));
			return;
		}
		this.plan = plan;
		this.clients = await planClients(plan.target, plan.stop);
		const clientLines = this.clients.lines.length > 0 ? ['then offer:', ...this.clientLines()] : [];
		update(this.store, 'swap', s => showPlan(s, row.name, [...plan.lines, ...clientLines], plan.refusal));
	}

	async confirm(): Promise<void> {
		const phase = this.store.getState().swap.phase;
		if (phase === 'plan') return this.run();
		if (phase === 'clients') return this.rewrite();
		if (phase === 'restart') return this.restart();
		if (phase === 'aider') return this.restartAider();
	}

	private async run(): Promise<void> {
		const plan = this.plan;
		if (!plan || plan.refusal || this.abort) return;
		this.abort = new AbortController();
		try {
			const result = await runSwap({
				plan,
				env: this.env,
				controls: controlsFrom(this.config, () => this.forced),
				signal: this.abort.signal,
				readOnly: this.store.getState().ui.readOnly,
				onChange: record => update(this.store, 'swap', s => setRecord(s, record)),
			});
			update(this.store, 'ui', ui => showNotice(ui, result.message, result.outcome === 'swapped' ? 'ok' : 'error'));
			if (result.outcome !== 'swapped') {
				update(this.store, 'swap', s => finish(s, result.message));
				return;
			}
			// Re-read the files: they are diffed against what is on disk now.
			this.clients = await planClients(plan.target, plan.stop);
			const changes = this.clients.rewrites.filter(r => r.changed || r.error);
			if (changes.length > 0) update(this.store, 'swap', s => showClients(s, 'clients', this.clientLines(), `${result.message}. Point the clients at ${plan.target.name}?`));
			else this.offerRestart(result.message);
		} finally {
			this.abort = null;
		}
	}

	/** The rewrites, and a warning when OpenHands' container environment overrides its config.toml. */
	private clientLines(): string[] {
		const found = discoveryOf(this.store.getState(), LOCAL_HOST_ID);
		const watched = this.clients?.rewrites.some(r => r.client === 'openhands') ?? false;
		return [...(this.clients?.lines ?? []), ...(watched ? envOverrideLines(found.from, found.llmModel, found.llmBaseUrl) : [])];
	}

	private offerRestart(message: string): void {
		const containers = this.clients?.containers ?? [];
		if (containers.length === 0) {
			this.offerAider(message);
			return;
		}
		update(this.store, 'swap', s => showClients(s, 'restart', containers.map(c => `restart ${c}: a bind-mounted config.toml is read only at start`), `${message}. Restart OpenHands?`));
	}

	private async rewrite(): Promise<void> {
		let written = 0;
		const failed: string[] = [];
		for (const r of this.clients?.rewrites ?? []) {
			if (r.error || !r.changed) continue;
			try {
				await r.apply();
				written++;
			} catch (error) {
				failed.push((error as Error).message);
			}
		}
		// Short: a phone shows it above the next offer. Each file keeps a .bak beside it.
		const text = [`${written} config${written === 1 ? '' : 's'} rewritten (.bak kept)`, ...failed].join('; ');
		if (failed.length > 0) update(this.store, 'ui', ui => showNotice(ui, failed.join('; '), 'error'));
		this.offerRestart(text);
	}

	private async restart(): Promise<void> {
		const out: string[] = [];
		for (const c of this.clients?.containers ?? []) {
			try {
				out.push(await restartContainer(this.env, c));
			} catch (error) {
				out.push(`${c}: ${(error as Error).message}`);
			}
		}
		this.offerAider(out.join('; '));
	}

	/** Aider sessions in the cockpit's panes that run on another model than the target's. */
	private staleAider(): Array<{id: string; cwd: string; title: string}> {
		const target = this.plan?.target;
		if (!target) return [];
		return this.store
			.getState()
			.aider.sessions.filter(s => s.kind === 'aider' && s.status === 'running' && s.model !== target.servedModel)
			.map(s => ({id: s.id, cwd: s.cwd, title: s.title}));
	}

	private offerAider(message: string): void {
		const stale = this.staleAider();
		if (stale.length === 0 || !this.aider) {
			update(this.store, 'swap', s => finish(s, message));
			return;
		}
		const name = this.plan!.target.name;
		update(this.store, 'swap', s => showClients(s, 'aider', stale.map(a => `restart Aider in ${a.cwd} on ${name}`), `${message}. Restart ${stale.length} Aider session${stale.length === 1 ? '' : 's'}?`));
	}

	private restartAider(): void {
		const name = this.plan?.target.name;
		const out: string[] = [];
		for (const a of this.staleAider()) {
			if (!this.aider || !name) break;
			this.aider.stop(a.id);
			const id = this.aider.startAider({repo: a.cwd, profile: name});
			out.push(id ? `Aider in ${a.title} restarted on ${name}` : `Aider in ${a.title}: could not restart (see the Aider panel)`);
		}
		update(this.store, 'swap', s => finish(s, out.join('; ') || 'no Aider session to restart'));
	}

	/** Esc: cancel a running swap (it rolls back), else step back or close. */
	escape(): void {
		const phase = this.store.getState().swap.phase;
		if (phase === 'running') {
			this.abort?.abort();
			return;
		}
		if (phase === 'plan') {
			update(this.store, 'swap', s => ({...s, phase: 'list', lines: [], refusal: null}));
			return;
		}
		if (phase === 'clients' || phase === 'restart' || phase === 'aider') {
			update(this.store, 'swap', s => finish(s, phase === 'clients' ? 'client configs left as they were' : phase === 'restart' ? 'OpenHands not restarted' : 'Aider sessions left on the old model'));
			return;
		}
		this.close();
	}

	force(): void {
		this.forced = true;
		update(this.store, 'swap', setForced);
	}

	close(): void {
		if (this.abort) return;
		update(this.store, 'swap', closeSwap);
		update(this.store, 'ui', ui => ({...ui, overlay: ui.overlay === 'swap' ? null : ui.overlay}));
	}
}
