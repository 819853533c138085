// Lists slice: what every list shares beyond its own cursor: the text filter (and whether it is
// being typed), the rows its view last had room for (one page for PgUp/PgDn) and whether the selected
// row is open into its detail, by list id.
// Each panel keeps its own cursor in its own slice. Pure reducers only.

export interface ListState {
	filter: string;
	/** `/` pressed: keys type into the filter until Enter or Esc. */
	editing: boolean;
	/** Rows the view showed last time it was drawn. */
	page: number;
	/** Enter opened the selected row into its detail (every figure); Esc closes it. */
	detail: boolean;
}

export type ListsState = Record<string, ListState>;

export const EMPTY_LIST: ListState = {filter: '', editing: false, page: 10, detail: false};

export function initialLists(): ListsState {
	return {};
}

export function listState(s: ListsState, id: string): ListState {
	return s[id] ?? EMPTY_LIST;
}

export function patchList(s: ListsState, id: string, patch: Partial<ListState>): ListsState {
	const before = listState(s, id);
	const next = {...before, ...patch};
	if (next.filter === before.filter && next.editing === before.editing && next.page === before.page && next.detail === before.detail) return s;
	return {...s, [id]: next};
}
