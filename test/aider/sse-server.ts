// A tiny loopback OpenAI-compatible server for the Aider tests: streams a scripted reply over SSE
// in small chunks and records the requests it got.

import http from 'node:http';
import type {AddressInfo} from 'node:net';

export interface LlmServer {
	url: string;
	requests: {model: string; messages: {role: string; content: string}[]}[];
	reply: string;
	stop(): Promise<void>;
}

export async function startLlmServer(reply: string, chunkDelayMs = 5): Promise<LlmServer> {
	const state: LlmServer = {url: '', requests: [], reply, stop: async () => undefined};
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', c => (body += c));
		req.on('end', async () => {
			if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
				res.writeHead(404, {'content-type': 'application/json'}).end('{"error":{"message":"not found"}}');
				return;
			}
			const json = JSON.parse(body) as LlmServer['requests'][number];
			state.requests.push(json);
			res.writeHead(200, {'content-type': 'text/event-stream'});
			const words = state.reply.match(/\S+\s*|\s+/g) ?? [];
			for (const word of words) {
				res.write(`data: ${JSON.stringify({choices: [{delta: {content: word}}]})}\n\n`);
				await new Promise(r => setTimeout(r, chunkDelayMs));
			}
			res.write(`data: ${JSON.stringify({choices: [], usage: {prompt_tokens: 1234, completion_tokens: words.length}})}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	state.stop = () =>
		new Promise(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return state;
}
