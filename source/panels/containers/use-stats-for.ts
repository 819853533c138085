// Tells the Docker source which containers are on screen, so it samples stats for those alone; when
// the view goes away (another panel on a phone, the logs view) nothing is sampled.

import {useEffect} from 'react';
import {useCockpit} from '../../ui/context.js';
import {update} from '../../store/index.js';
import {setVisibleIds} from '../../store/slices/containers.js';

export function useStatsFor(ids: readonly string[], offset: number): void {
	const {store} = useCockpit();
	const key = ids.join(',');
	useEffect(() => {
		update(store, 'containers', c => setVisibleIds(c, ids, offset));
		// `key` stands for `ids` (a new array on every render).
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [store, key, offset]);
	useEffect(() => () => update(store, 'containers', c => setVisibleIds(c, [], c.listOffset)), [store]);
}
