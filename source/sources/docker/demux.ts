// Docker's multiplexed log format (8-byte header: stream, 0, 0, 0, big-endian length) for the
// non-follow case, where dockerode hands back one Buffer instead of a stream.

export interface Frame {
	stream: 'stdout' | 'stderr';
	text: string;
}

export function demuxBuffer(buf: Buffer, tty: boolean): Frame[] {
	if (tty) return [{stream: 'stdout', text: buf.toString('utf8')}];
	const frames: Frame[] = [];
	let i = 0;
	while (i + 8 <= buf.length) {
		const kind = buf[i]!;
		const size = buf.readUInt32BE(i + 4);
		const end = Math.min(buf.length, i + 8 + size);
		frames.push({stream: kind === 2 ? 'stderr' : 'stdout', text: buf.subarray(i + 8, end).toString('utf8')});
		i = end;
	}
	return frames;
}
