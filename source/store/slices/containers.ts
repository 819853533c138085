// containers slice: not built yet. The containers source owns this shape and replaces it.

export interface ContainersState {
	built: false;
}

export function initialContainers(): ContainersState {
	return {built: false};
}
