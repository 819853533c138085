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
});

export type Config = z.infer<typeof configSchema>;

export function defaultConfig(): Config {
	return configSchema.parse({});
}
