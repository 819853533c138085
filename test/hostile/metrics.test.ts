// /metrics from a hostile or broken engine: a line with 200k labels parses in linear time, parse
// errors stay bounded, a huge or endless body is cut at the endpoint's limit (named in the error),
// and a redirect to another host is not followed.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {MAX_LABELS, MAX_PARSE_ERRORS, parsePrometheus} from '../../source/domain/prometheus.js';
import {BODY_LIMITS, getText} from '../../source/sources/engines/http.js';

function labelLine(n: number): string {
	const labels: string[] = [];
	for (let i = 0; i < n; i++) labels.push(`l${i}="v${i}"`);
	return `vllm:num_requests_running{${labels.join(',')}} 1\n`;
}

function fastest(body: string): number {
	let best = Infinity;
	for (let i = 0; i < 3; i++) {
		const t0 = process.hrtime.bigint();
		parsePrometheus(body);
		best = Math.min(best, Number(process.hrtime.bigint() - t0));
	}
	return best;
}

describe('parsing hostile /metrics', () => {
	it('refuses a line with 200k labels without quadratic work (8x the labels costs far less than 64x)', () => {
		const small = labelLine(25_000);
		const big = labelLine(200_000);
		const parsed = parsePrometheus(big + 'vllm:num_requests_waiting{a="1",b="2"} 3\n');
		expect(parsed.errors[0]).toMatch(new RegExp(`^line 1: more than ${MAX_LABELS} labels; skipped`));
		// The rest of the body is still read.
		expect(parsed.samples.map(s => [s.name, s.value])).toEqual([['vllm:num_requests_waiting', 3]]);
		expect(parsePrometheus(labelLine(MAX_LABELS)).samples).toHaveLength(1);
		// Same run, same machine: 8x the input must cost well under the 64x a quadratic parse costs.
		const ratio = fastest(big) / fastest(small);
		expect(ratio).toBeLessThan(24);
	});

	it('keeps a bounded list of parse errors and counts the rest', () => {
		const body = Array.from({length: 10_000}, (_, i) => `bad{line ${i}\n`).join('') + 'good 1\n';
		const parsed = parsePrometheus(body);
		expect(parsed.errors.length).toBe(MAX_PARSE_ERRORS + 1);
		expect(parsed.errors.at(-1)).toBe(`… and ${10_000 - MAX_PARSE_ERRORS} more unreadable lines`);
		expect(parsed.errorCount).toBe(10_000);
		expect(parsed.samples.map(s => s.name)).toEqual(['good']);
	});
});

describe('reading /metrics over HTTP', () => {
	let server: http.Server;
	let other: http.Server;
	let base = '';
	let otherHits = 0;
	let otherPort = 0;

	beforeAll(async () => {
		other = http.createServer((_, res) => {
			otherHits++;
			res.end('metadata_secret 1\n');
		});
		await new Promise<void>(r => other.listen(0, '127.0.0.2', () => r()));
		otherPort = (other.address() as AddressInfo).port;
		server = http.createServer((req, res) => {
			if (req.url === '/endless/metrics' || req.url === '/metrics') {
				// Endless: no Content-Length, lines until the client goes away.
				res.writeHead(200, {'content-type': 'text/plain'});
				const line = `x{a="${'y'.repeat(1000)}"} 1\n`;
				const pump = () => {
					while (!res.destroyed && res.write(line));
					if (!res.destroyed) res.once('drain', pump);
				};
				res.on('close', () => res.destroy());
				pump();
			} else if (req.url === '/away/metrics') {
				res.writeHead(302, {location: `http://127.0.0.2:${otherPort}/latest/meta-data`});
				res.end();
			} else if (req.url === '/moved/metrics') {
				res.writeHead(301, {location: '/here/metrics'});
				res.end();
			} else if (req.url === '/here/metrics') {
				res.end('ok 1\n');
			} else {
				res.writeHead(404);
				res.end();
			}
		});
		await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		server.closeAllConnections();
		await new Promise(r => server.close(r));
		await new Promise(r => other.close(r));
	});

	it('cuts an endless body at the /metrics limit and names the endpoint and the limit', async () => {
		const limitKb = Math.round(BODY_LIMITS['/metrics']! / 1024);
		await expect(getText(`${base}/metrics`, 20_000)).rejects.toThrow(`${base}/metrics: body over the ${limitKb} KB limit for /metrics; not read`);
	});

	it('does not follow a redirect to another host', async () => {
		await expect(getText(`${base}/away/metrics`, 5_000)).rejects.toThrow(/redirect to another host \(http:\/\/127\.0\.0\.2:\d+\); not followed/);
		expect(otherHits).toBe(0);
	});

	it('follows a redirect on the same host', async () => {
		expect(await getText(`${base}/moved/metrics`, 5_000)).toEqual({status: 200, body: 'ok 1\n'});
	});
});
