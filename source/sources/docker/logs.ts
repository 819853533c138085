// Log streams for the log viewer: last N lines (and follow) of one container, stdout and stderr
// demultiplexed with dockerode's modem.demuxStream, lines batched into the store every 100 ms.

import {Writable} from 'node:stream';
import type Docker from 'dockerode';
import {splitLines, splitTimestamp} from '../../domain/containers/log-lines.js';
import {update, type AppStore} from '../../store/index.js';
import {appendLogLines, replaceLogLines, setLogError, type LogLine} from '../../store/slices/containers.js';
import {demuxBuffer} from './demux.js';
import {describeDockerError} from '../../hosts/docker.js';

export const LOG_TAIL = 500;

export interface LogStream {
	close(): void;
}

/**
 * `replace`: the lines already shown are replaced by this stream's first batch (the tail it reloads),
 * not appended to: following again after a pause must not show the tail twice.
 */
export function openLogStream(docker: Docker, store: AppStore, target: string, follow: boolean, tty: boolean, endpoint: string, tail = LOG_TAIL, replace = false): LogStream {
	let closed = false;
	let fresh = replace;
	let pending: LogLine[] = [];
	let timer: NodeJS.Timeout | null = null;
	const carry: Record<'stdout' | 'stderr', string> = {stdout: '', stderr: ''};
	let stream: NodeJS.ReadableStream | null = null;

	const flush = () => {
		timer = null;
		if (closed || pending.length === 0) return;
		const batch = pending;
		pending = [];
		const first = fresh;
		fresh = false;
		update(store, 'containers', s => (first ? replaceLogLines(s, target, batch) : appendLogLines(s, target, batch)));
	};
	const push = (kind: 'stdout' | 'stderr', chunk: string) => {
		const {lines, carry: rest} = splitLines(carry[kind], chunk);
		carry[kind] = rest;
		for (const line of lines) {
			const {ts, text} = splitTimestamp(line);
			pending.push({stream: kind, ts, text});
		}
		if (!timer) timer = setTimeout(flush, 100);
	};
	const sink = (kind: 'stdout' | 'stderr') =>
		new Writable({
			write(chunk: Buffer, _enc, done) {
				push(kind, chunk.toString('utf8'));
				done();
			},
		});
	const fail = (error: unknown) => {
		if (closed) return;
		update(store, 'containers', s => setLogError(s, target, `logs of ${target.slice(0, 12)}: ${describeDockerError(error, endpoint)}`));
	};

	const container = docker.getContainer(target);
	const options = {stdout: true, stderr: true, timestamps: true, tail};
	if (follow) {
		container
			.logs({...options, follow: true})
			.then(s => {
				if (closed) {
					(s as unknown as {destroy?: () => void}).destroy?.();
					return;
				}
				stream = s;
				if (tty) stream.on('data', (c: Buffer) => push('stdout', c.toString('utf8')));
				else docker.modem.demuxStream(stream, sink('stdout'), sink('stderr'));
				stream.on('error', fail);
			})
			.catch(fail);
	} else {
		container
			.logs({...options, follow: false})
			.then(buf => {
				for (const f of demuxBuffer(buf, tty)) push(f.stream, f.text);
				for (const kind of ['stdout', 'stderr'] as const) if (carry[kind]) push(kind, '\n');
			})
			.catch(fail);
	}
	return {
		close() {
			closed = true;
			if (timer) clearTimeout(timer);
			(stream as unknown as {destroy?: () => void} | null)?.destroy?.();
		},
	};
}
