// The demo stack's public surface: simulated engines and the whole demo stack.

export type {SimKind, SimFault, SimEngineOptions, SimEngine, DemoStack, DemoStackOptions} from './types.js';
export {startSimEngine} from './engine.js';
export {startDemoStack} from './demo-stack.js';
export {SIM_PROFILES, SIM_KINDS} from './profiles.js';
