// engines slice: not built yet. The engines source owns this shape and replaces it.

export interface EnginesState {
	built: false;
}

export function initialEngines(): EnginesState {
	return {built: false};
}
