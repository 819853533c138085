// Live terminal size, debounced: a phone's soft keyboard or a tmux drag sends a storm of resizes,
// and only the last one matters.

import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export const RESIZE_DEBOUNCE_MS = 80;

export function useTerminalSize(): {cols: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => ({cols: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const onResize = () => {
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => {
				const next = read();
				setSize(prev => (prev.cols === next.cols && prev.rows === next.rows ? prev : next));
			}, RESIZE_DEBOUNCE_MS);
		};
		stdout.on('resize', onResize);
		return () => {
			if (timer) clearTimeout(timer);
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
