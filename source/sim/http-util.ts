// Small node:http helpers for the simulated servers: read a JSON body, send JSON, text and SSE.

import type {IncomingMessage, ServerResponse} from 'node:http';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyError extends Error {}

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new BodyError(`request body larger than ${MAX_BODY_BYTES} bytes`);
		chunks.push(chunk as Buffer);
	}
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new BodyError(`request body is not valid JSON: ${(error as Error).message}`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BodyError('request body must be a JSON object');
	return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(text)});
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
	res.writeHead(status, {'content-type': contentType, 'content-length': Buffer.byteLength(text)});
	res.end(text);
}

export function startSse(res: ServerResponse): void {
	res.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive'});
}

export function writeSse(res: ServerResponse, data: unknown): void {
	if (res.writableEnded || res.destroyed) return;
	res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

export function startNdjson(res: ServerResponse): void {
	res.writeHead(200, {'content-type': 'application/x-ndjson'});
}

export function writeNdjson(res: ServerResponse, data: unknown): void {
	if (res.writableEnded || res.destroyed) return;
	res.write(`${JSON.stringify(data)}\n`);
}

export function randomHex(length: number): string {
	let out = '';
	while (out.length < length) out += Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
	return out.slice(0, length);
}
