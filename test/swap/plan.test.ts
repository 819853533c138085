// The swap planner on the seeds' box: 128 GB, Mistral Small 4 (72 GB) and Qwen3 Coder Next (80 GB)
// that cannot run together, an Ollama model beside them in another group.
import {describe, expect, it} from 'vitest';
import {checkContract} from '../../source/domain/swap/contract.js';
import {lastLoadTimes} from '../../source/domain/swap/journal.js';
import {listProfiles, planSwap, type SwapPlan} from '../../source/domain/swap/plan.js';
import {resolveProfiles} from '../../source/domain/swap/profile.js';

const GB = 1024 ** 3;
const {profiles} = resolveProfiles(
	{
		'mistral-small-4': {served_model_name: 'mistral-small-4', container: 'sglang', url: 'http://127.0.0.1:30000', kind: 'sglang', memory_gb: 72},
		'qwen3-coder-next': {served_model_name: 'qwen3-coder-next', container: 'vllm', url: 'http://127.0.0.1:8001', kind: 'vllm', memory_gb: 80},
		'qwen2.5-32b': {served_model_name: 'qwen2.5:32b', runtime: 'ollama', url: 'http://127.0.0.1:11434', memory_gb: 22, group: 'side'},
		huge: {served_model_name: 'huge', container: 'huge', url: 'http://127.0.0.1:9000', kind: 'vllm', memory_gb: 110},
		giant: {served_model_name: 'giant', container: 'giant', url: 'http://127.0.0.1:9001', kind: 'vllm', memory_gb: 130},
	},
	[],
);
// SGLang (72) and Ollama (22) loaded, 6 GB for the system: 28 GB available.
const memory = {totalBytes: 128 * GB, availableBytes: 28 * GB, cachedBytes: 3 * GB};
const base = {profiles, serving: new Set(['mistral-small-4', 'qwen2.5-32b']), memory, lastLoadMs: {'qwen3-coder-next': 95_000}, headroomGb: 8};

function plan(target: string, alsoStop: string[] = []): SwapPlan {
	const p = planSwap({...base, target, alsoStop});
	if ('error' in p) throw new Error(p.error);
	return p;
}

describe('swap planner', () => {
	it('stops the serving profile of the same group, keeps the others, and says why it fits', () => {
		const p = plan('qwen3-coder-next');
		expect(p.stop.map(s => s.name)).toEqual(['mistral-small-4']);
		expect(p.keep.map(s => s.name)).toEqual(['qwen2.5-32b']);
		expect(p.fits).toBe(true);
		expect(p.refusal).toBeNull();
		expect(p.why).toBe('fits: 28 GB available + 72 GB freed = 100 GB >= 80 GB + 8 GB headroom (host 128 GB)');
		expect(p.lines[0]).toBe('stop mistral-small-4 (container sglang, ~72 GB) once its requests finish');
		expect(p.lines).toContain('start qwen3-coder-next (container vllm, ~80 GB; last load 1m35s)');
	});

	it('refuses what does not fit and names what else to stop', () => {
		const p = plan('huge');
		expect(p.fits).toBe(false);
		expect(p.refusal).toBe('18 GB short: stop qwen2.5-32b (~22 GB) too (--also-stop qwen2.5-32b)');
		const withOllama = plan('huge', ['qwen2.5-32b']);
		expect(withOllama.stop.map(s => s.name)).toEqual(['mistral-small-4', 'qwen2.5-32b']);
		expect(withOllama.fits).toBe(true);
		expect(plan('giant').refusal).toMatch(/^38 GB short even with every other profile stopped/);
	});

	it('refuses a profile that already serves, and one without a memory estimate', () => {
		expect(plan('mistral-small-4').refusal).toBe('mistral-small-4 already serves mistral-small-4');
		const {profiles: more} = resolveProfiles({x: {served_model_name: 'x', container: 'x', url: 'http://127.0.0.1:1'}}, []);
		const p = planSwap({...base, profiles: more, target: 'x'});
		expect('error' in p ? p.error : p.refusal).toMatch(/set memory_gb in \[profiles.x\]/);
	});

	it('stops a load left running in the target group first, counting at most its size as freed', () => {
		// A swap to vLLM killed while it loaded: SGLang stopped, vLLM holding part of its 80 GB, Ollama serving.
		const left = {...base, serving: new Set(['qwen2.5-32b']), memory: {...memory, availableBytes: 50 * GB}, loading: new Set(['qwen3-coder-next', 'qwen2.5-32b'])};
		const p = planSwap({...left, target: 'mistral-small-4'});
		if ('error' in p) throw new Error(p.error);
		expect(p.stopLoading.map(s => s.name)).toEqual(['qwen3-coder-next']);
		expect(p.stop).toEqual([]);
		expect(p.keep.map(s => s.name)).toEqual(['qwen2.5-32b']);
		// Never more than the host has: the load may hold only part of its size.
		expect(p.why).toBe('fits: 50 GB available + up to 80 GB from stopped loads = 128 GB >= 72 GB + 8 GB headroom (host 128 GB)');
		expect(p.lines.slice(0, 3)).toEqual([
			'stop qwen3-coder-next (container vllm): running but not serving, a load in progress or stuck',
			'wait until ~72 GB is free',
			'start mistral-small-4 (container sglang, ~72 GB; last load never measured)',
		]);
		// Ollama's profile is in another group: a load there is left alone, like a serving one.
		const withSglang = planSwap({...base, loading: new Set(['huge', 'qwen2.5-32b']), target: 'qwen3-coder-next'});
		if ('error' in withSglang) throw new Error(withSglang.error);
		expect(withSglang.stopLoading.map(s => s.name)).toEqual(['huge']);
		expect(withSglang.why).toBe('fits: 28 GB available + 72 GB freed + up to 110 GB from stopped loads = 128 GB >= 80 GB + 8 GB headroom (host 128 GB)');
		expect(listProfiles(left).find(r => r.name === 'qwen3-coder-next')).toMatchObject({serving: false, loading: true});
	});

	it('lists every profile with its fit and last load time', () => {
		const rows = listProfiles(base);
		expect(rows.map(r => [r.name, r.serving, r.fits, r.lastLoadMs])).toEqual([
			['mistral-small-4', true, true, null],
			['qwen3-coder-next', false, true, 95_000],
			['qwen2.5-32b', true, true, null],
			['huge', false, false, null],
			['giant', false, false, null],
		]);
	});

	it('reads the last load time of each profile from the journal, skipping torn lines', () => {
		const text = ['{"to":"a","loadMs":1000,"outcome":"swapped"}', '{"to":"a","loadMs":2000,"outcome":"swapped"}', '{"to":"b","loadMs":', '{"to":"c","loadMs":null,"outcome":"failed"}'].join('\n');
		expect(lastLoadTimes(text)).toEqual({a: 2000});
	});
});

describe('OpenHands model contract', () => {
	const serving = {profile: 'qwen3-coder-next', servedModel: 'qwen3-coder-next', url: 'http://127.0.0.1:8001'};
	it('is met with openai/<served name> at host.docker.internal on the engine port', () => {
		const c = checkContract({model: 'openai/qwen3-coder-next', baseUrl: 'http://host.docker.internal:8001/v1', source: 'config.toml [llm]'}, serving);
		expect(c.state).toBe('met');
	});
	it('names both sides when they differ', () => {
		const c = checkContract({model: 'openai/mistral-small-4', baseUrl: 'http://host.docker.internal:30000/v1', source: 'config.toml [llm]'}, serving);
		expect(c.state).toBe('differs');
		expect(c.text).toBe('OpenHands openai/mistral-small-4 @ http://host.docker.internal:30000/v1 (config.toml [llm]) but qwen3-coder-next needs openai/qwen3-coder-next @ http://host.docker.internal:8001/v1');
		// The served name without the provider prefix is not what OpenHands (litellm) needs.
		expect(checkContract({model: 'qwen3-coder-next', baseUrl: 'http://host.docker.internal:8001/v1', source: 'x'}, serving).state).toBe('differs');
	});
});
