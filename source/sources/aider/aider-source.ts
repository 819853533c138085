// The aider source: owns the session manager for the cockpit's lifetime; stopping the cockpit
// stops every session it started.

import type {Source, SourceContext} from '../types.js';
import {AiderManager, aiderManager, setAiderManager} from './manager.js';

export function createAiderSource(ctx: SourceContext): Source {
	return {
		id: 'aider',
		panels: ['aider'],
		start() {
			if (!aiderManager()) setAiderManager(new AiderManager(ctx.store, ctx.config, ctx.env));
		},
		stop() {
			aiderManager()?.dispose();
			setAiderManager(undefined);
		},
	};
}
