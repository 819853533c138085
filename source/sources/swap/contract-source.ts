// The OpenHands model contract, watched: which profile serves now (probed over HTTP) against what
// OpenHands uses: its container's LLM_MODEL / LLM_BASE_URL when set (they win, as in OpenHands;
// discovered from Docker), else its config.toml's [llm]. Into the swap slice for the Throughput
// panel and `status`. Which profile serves is asked over HTTP when the engine rows change (an engine
// went down, came up, or serves another model) and otherwise every PROBE_EVERY_MS: asking every
// profile's /v1/models each tick was a tenth of the cockpit's steady CPU.

import {changedTextReader} from '../../fs/changed-text.js';
import {MAX_CONFIG_BYTES} from '../../config/load.js';
import {checkContract} from '../../domain/swap/contract.js';
import {openhandsLlm} from '../../domain/swap/openhands-llm.js';
import {swapProfiles} from './profiles.js';
import {isServing} from './probe.js';
import type {SwapEnv} from './env.js';
import {update} from '../../store/index.js';
import {setContract} from '../../store/slices/swap.js';
import {discoveryOf} from '../../store/slices/discovery.js';
import type {Source, SourceContext} from '../types.js';
import type {SwapProfile} from '../../domain/swap/profile.js';

/** Ask which profile serves at least this often while the engine rows stay the same. */
export const PROBE_EVERY_MS = 10_000;

export function createContractSource(ctx: SourceContext): Source {
	const {profiles} = swapProfiles(ctx.config);
	const file = ctx.config.openhands.config_toml ?? profiles.find(p => p.clients.openhandsConfig)?.clients.openhandsConfig ?? null;
	const http = {fetch: globalThis.fetch} as SwapEnv;
	const mains = profiles.filter(p => p.group === 'main');
	let last: {at: number; rows: string; serving: SwapProfile[]} | null = null;
	const config = file ? changedTextReader(file, MAX_CONFIG_BYTES) : null;
	/** The last [llm] setting read, kept while the file and the container's environment are unchanged. */
	let setting: {env: string; value: ReturnType<typeof openhandsLlm>} | null = null;
	/** What the engines source last saw of this host's engines: a swap changes it within a tick. */
	const engineRows = () =>
		ctx.store
			.getState()
			.engines.rows.filter(r => r.hostId === ctx.host.id)
			.map(r => `${r.url} ${r.state} ${r.model ?? ''}`)
			.join('\n');
	const serving = async (): Promise<SwapProfile[]> => {
		const now = Date.now();
		const rows = engineRows();
		if (last && last.rows === rows && now - last.at < PROBE_EVERY_MS) return last.serving;
		const found: SwapProfile[] = [];
		for (const p of mains) if (await isServing(p, http)) found.push(p);
		last = {at: now, rows, serving: found};
		return found;
	};
	return {
		id: 'swap.contract',
		panels: ['throughput'],
		async poll() {
			if (!file || !config || profiles.length === 0) return;
			// Only a regular file, and a bounded one: a FIFO named as the config must not hold this poll for ever.
			const read = await config.read();
			if (!read.ok) {
				update(ctx.store, 'swap', s => setContract(s, {state: 'unknown', expected: null, actual: null, text: `OpenHands config ${read.error}`}));
				return;
			}
			const found = discoveryOf(ctx.store.getState(), ctx.host.id);
			const env: Record<string, string> = {};
			if (found.llmModel !== null) env['LLM_MODEL'] = found.llmModel;
			if (found.llmBaseUrl !== null) env['LLM_BASE_URL'] = found.llmBaseUrl;
			const envKey = JSON.stringify(env);
			if (read.fresh || !setting || setting.env !== envKey) setting = {env: envKey, value: openhandsLlm(read.text, file, env)};
			const main = (await serving())[0];
			const contract = checkContract(setting.value, main && main.url ? {profile: main.name, servedModel: main.servedModel, url: main.url} : null);
			update(ctx.store, 'swap', s => setContract(s, contract));
		},
	};
}
