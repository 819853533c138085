// The engine-related sources: metrics scraping, cache/log folder sizes, nvidia-smi.
import type {Source, SourceContext} from '../types.js';
import {createEnginesSource} from './engines-source.js';
import {createDiskSource} from './disk-source.js';
import {createGpuSource} from './gpu-source.js';

export function createEngineSources(ctx: SourceContext): Source[] {
	return [createEnginesSource(ctx), createDiskSource(ctx), createGpuSource(ctx)];
}
