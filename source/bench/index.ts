// Every benchmark `npm run bench` runs, in order. Each feature adds its file here.
import type {Bench} from './types.js';

export const BENCHES: Bench[] = [];
