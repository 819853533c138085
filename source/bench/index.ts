// Every benchmark `npm run bench` runs, in order. Each feature adds its file here.
import type {Bench} from './types.js';
import {metricsParseBench} from './metrics-parse.js';
import {dockerWatchBench} from './docker-watch.js';

export const BENCHES: Bench[] = [
	metricsParseBench,
	dockerWatchBench,
];
