// Which family a chat template (Jinja source, as an engine exposes it) belongs to: the hand-written
// Mistral ones raise "conversation roles must alternate"; the ones mistral-common generates mirror
// its validator ("Unexpected role", "Conversation must start with a user"). null: neither.

import type {TemplateFamily} from './finding.js';

export function templateFamilyOf(template: string): TemplateFamily | null {
	if (/Unexpected role|Conversation must start with a user|list of chunks in content/.test(template)) return 'generated';
	if (/roles must alternate/i.test(template)) return 'legacy';
	return null;
}
