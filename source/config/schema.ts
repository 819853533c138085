// The config file's schema: every key has a default, so no file is needed. Unknown keys are
// errors, so a typo is reported instead of silently ignored.
import {z} from 'zod';
import {coreShape} from './sections/core.js';
import {enginesSection} from './sections/engines.js';
import {profilesSection, swapSection} from './sections/profiles.js';
import {dockerSection} from './sections/docker.js';
import {openhandsSection} from './sections/openhands.js';
import {cacheSection} from './sections/cache.js';
import {aiderSection} from './sections/aider.js';
import {privacySection} from './sections/privacy.js';
import {doctorSection} from './sections/doctor.js';
import {memorySection} from './sections/memory.js';
import {prometheusSection} from './sections/prometheus.js';
import {hostsSection, localSection} from './sections/hosts.js';

export const configSchema = z.strictObject({
	...coreShape,
	engines: enginesSection,
	profiles: profilesSection,
	swap: swapSection,
	docker: dockerSection,
	openhands: openhandsSection,
	cache: cacheSection,
	aider: aiderSection,
	privacy: privacySection,
	doctor: doctorSection,
	memory: memorySection,
	prometheus: prometheusSection,
	hosts: hostsSection,
	local: localSection,
}).refine(c => c.local.enabled || c.hosts.length > 0, {message: 'with the local host disabled, at least one [[hosts]] entry is needed', path: ['local', 'enabled']});

export type Config = z.infer<typeof configSchema>;

/** Hosts to watch: the local one unless [local] enabled = false, then every [[hosts]] entry. */
export function hostCount(config: Config): number {
	return (config.local.enabled ? 1 : 0) + config.hosts.length;
}

export function defaultConfig(): Config {
	return configSchema.parse({});
}
