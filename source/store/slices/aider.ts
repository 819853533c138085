// aider slice: not built yet. The aider source owns this shape and replaces it.

export interface AiderState {
	built: false;
}

export function initialAider(): AiderState {
	return {built: false};
}
