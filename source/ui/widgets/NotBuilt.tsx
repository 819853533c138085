// What a panel shows while its data source does not exist yet: one plain line, never fake data.

import React from 'react';
import {Line} from './Line.js';

export function NotBuilt({what, issue}: {what: string; issue?: number}) {
	return <Line tone="muted">{`${what}: not built yet${issue ? ` (issue #${issue})` : ''}.`}</Line>;
}
