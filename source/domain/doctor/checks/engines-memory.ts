// Engines as they report themselves (version, the features the stack relies on), and whether what
// runs together fits the box's memory.

import {formatBytes} from '../../format.js';
import {ev, fail, fromProblems, ok, unknown, warn, type Problem} from '../result.js';
import {llmTarget} from '../llm-target.js';
import type {Check, Evidence} from '../types.js';

export const engineVersions: Check = {
	id: 'engines.versions',
	title: 'Engines report their version and the features in use',
	group: 'Engines',
	run(facts) {
		if (facts.engines.length === 0) return unknown('no engine configured or found on the probed ports', 'list engines in [engines] list, or start one');
		const up = facts.engines.filter(e => !e.error);
		const evidence: Evidence[] = facts.engines.map(e => ev(e.url, e.error ? `down: ${e.error}` : `${e.kind ?? 'unknown kind'} ${e.version ?? '(no version reported)'}`));
		if (up.length === 0) return unknown('no engine answered', 'start the engines, then run the Doctor again', evidence);
		const problems: Problem[] = [];
		const native = llmTarget(facts).nativeToolCalling;
		for (const e of up) {
			if (e.kind === 'sglang' && native === true && e.toolCallParser === null) {
				problems.push({
					level: 'fail',
					text: `${e.url}: OpenHands uses native tool calling but SGLang was started without --tool-call-parser, so tool calls come back as plain text ("Invalid tool call format")`,
					fix: `restart SGLang with --tool-call-parser mistral (or the parser for ${e.served[0] ?? 'its model'}), or set native_tool_calling = false in [llm]`,
				});
			}
			if (e.kind === 'sglang' && e.metricsEnabled === false) {
				problems.push({level: 'warn', text: `${e.url}: SGLang runs without --enable-metrics: no throughput, queue or cache figures`, fix: 'add --enable-metrics to SGLang\'s command line'});
			}
			if (!e.version) problems.push({level: 'warn', text: `${e.url}: no version reported`, fix: 'upgrade the engine to a release that reports its version'});
		}
		return fromProblems(problems, evidence, `${up.length} engine(s) report ${up.map(e => `${e.kind ?? '?'} ${e.version}`).join(', ')}`);
	},
};

const GB = 1024 ** 3;
/** Headroom the OS, Docker and the cockpit keep besides the engines. */
export const HEADROOM_BYTES = 8 * GB;

export const memoryFit: Check = {
	id: 'memory.fit',
	title: 'Running engines fit in memory',
	group: 'Memory',
	run(facts) {
		const m = facts.memory;
		if (!m || m.error) return unknown(`host memory not readable${m ? ` (${m.path}: ${m.error})` : ''}`, 'the Memory panel reads /proc/meminfo: check [host] meminfo in the config');
		const evidence: Evidence[] = [ev(m.path, `total ${formatBytes(m.totalBytes)}, available ${formatBytes(m.availableBytes)}, page cache ${formatBytes(m.cachedBytes)}, swap used ${formatBytes(m.swapUsedBytes)}`)];
		const serving = facts.engines.filter(e => !e.error);
		const running = facts.profiles.filter(p => serving.some(e => e.served.includes(p.served)));
		const budget = running.reduce((sum, p) => sum + (p.memoryGb ?? 0) * GB, 0);
		for (const p of running) evidence.push(ev(`profile ${p.name}`, `${p.served}: ${p.memoryGb === null ? 'memory not stated' : `${p.memoryGb} GB`}`));
		const problems: Problem[] = [];
		if (budget > 0 && budget + HEADROOM_BYTES > m.totalBytes) {
			problems.push({
				level: 'fail',
				text: `${running.map(p => p.name).join(' + ')} need ${formatBytes(budget)} plus ${formatBytes(HEADROOM_BYTES)} headroom, more than the ${formatBytes(m.totalBytes)} this box has`,
				fix: 'stop one of them (press m for a model swap), or lower an engine\'s memory (--mem-fraction-static, --gpu-memory-utilization)',
			});
		}
		if (m.swapUsedBytes > 256 * 1024 ** 2) {
			problems.push({level: 'warn', text: `${formatBytes(m.swapUsedBytes)} of swap in use: model weights or KV cache paged out make decoding crawl`, fix: 'stop what is not needed, then swapoff -a && swapon -a to bring pages back'});
		}
		if (m.availableBytes < m.totalBytes * 0.1 && m.cachedBytes > m.totalBytes * 0.2) {
			problems.push({
				level: 'warn',
				text: `page cache holds ${formatBytes(m.cachedBytes)} while only ${formatBytes(m.availableBytes)} is available: on unified memory a starting engine may count it as used and refuse to load`,
				fix: 'before starting an engine: sync && echo 1 | sudo tee /proc/sys/vm/drop_caches',
			});
		}
		return fromProblems(problems, evidence, running.length ? `${running.map(p => p.name).join(' + ')} fit: ${formatBytes(budget)} of ${formatBytes(m.totalBytes)}` : `${formatBytes(m.availableBytes)} available, no swap in use`);
	},
};
