// The row under the header while a job runs: the newest running job, its current step and that
// step's elapsed time (redrawn every second while it runs), and the keys that cancel it.

import React, {useEffect, useState} from 'react';
import {Box} from 'ink';
import {progressLine} from '../domain/jobs/progress-line.js';
import {runningJobs} from '../store/slices/jobs.js';
import {displayKey} from '../commands/keys.js';
import {useAppState, useCockpit} from './context.js';
import {Line} from './widgets/Line.js';

export function JobsLine({width}: {width: number}) {
	const {registry} = useCockpit();
	const jobs = useAppState(s => s.jobs);
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), 1000);
		return () => clearInterval(timer);
	}, []);
	const running = runningJobs(jobs);
	const newest = running.at(-1);
	if (!newest) return null;
	const keys = registry.keysFor('jobs.cancel').map(displayKey).join('/');
	const text = progressLine(newest, Math.max(now, Date.now()), width, `${keys || 'no key'} cancel`, running.length - 1);
	return (
		<Box width={width} height={1}>
			<Line tone={newest.steps.some(s => s.state === 'undoing') ? 'warn' : 'info'}>{text}</Line>
		</Box>
	);
}
