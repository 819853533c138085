// sessions slice: not built yet. The sessions source owns this shape and replaces it.

export interface SessionsState {
	built: false;
}

export function initialSessions(): SessionsState {
	return {built: false};
}
