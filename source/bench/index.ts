// Every benchmark `npm run bench` runs, in order. Each feature adds its file here.
import type {Bench} from './types.js';
import {metricsParseBench} from './metrics-parse.js';
import {dockerWatchBench} from './docker-watch.js';
import {sessionsCheckBench} from './sessions-check.js';
import {sessionsScrollBench} from './sessions-scroll.js';
import {frameBytesBench} from './frame-bytes.js';
import {cacheWalkBench} from './cache-walk.js';
import {remoteSessionsBench} from './remote-sessions.js';
import {simAccuracyBench} from './sim-accuracy.js';
import {terminalCostBench} from './terminal-cost.js';

export const BENCHES: Bench[] = [
	frameBytesBench,
	metricsParseBench,
	simAccuracyBench,
	dockerWatchBench,
	sessionsCheckBench,
	sessionsScrollBench,
	cacheWalkBench,
	remoteSessionsBench,
	// Last: it runs for two minutes (ten with --long).
	terminalCostBench,
];
