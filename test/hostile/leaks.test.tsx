// Strings from outside reach the terminal printable and with every secret masked: in the cockpit's
// views (session titles, event summaries), in status/check-session/config text and JSON output, and
// in container environments; the one masker knows every pattern the issue lists.
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {MASK, isSecretName, maskEnv, maskSecrets, maskString} from '../../source/domain/secrets.js';
import {printable} from '../../source/domain/text/printable.js';
import {defaultConfig} from '../../source/config/schema.js';
import {update} from '../../source/store/index.js';
import {createOpenhandsSource} from '../../source/sources/openhands/openhands-source.js';
import {plain, renderCockpit} from '../support/render-frame.js';
import {REPO_ROOT, STACKDECK_BIN} from '../support/paths.js';
import {localHost} from '../support/host.js';

const PAT = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const AWS = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgwMbRvI0MBZhpF\n-----END RSA PRIVATE KEY-----';
const OSC = '\u001b]0;owned title\u0007';
const CSI = '\u001b[2J\u001b[31m';

describe('the one masker', () => {
	it('masks every listed value pattern in free text', () => {
		const cases: Array<[string, string]> = [
			[`token ${PAT} here`, PAT],
			['DATABASE_URL is postgres://app:hunter2pw@db:5432/app', 'hunter2pw'],
			['Authorization: Basic dXNlcjpodW50ZXIy', 'dXNlcjpodW50ZXIy'],
			['Authorization: token 0123456789abcdef0123456789abcdef01234567', '0123456789abcdef0123456789abcdef01234567'],
			['curl -d password=s3cr3tpass https://x', 's3cr3tpass'],
			[`cookie ${JWT}`, JWT],
			[`key:\n${PEM}\n`, 'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn'],
			[`aws ${AWS} end`, AWS],
			['Bearer abcdefghijklmnop', 'abcdefghijklmnop'],
			['sk-proj-abcdefghijklmnopqrst', 'abcdefghijklmnopqrst'],
		];
		for (const [text, secret] of cases) {
			const masked = maskString(text);
			expect(masked, text).not.toContain(secret);
			expect(masked, text).toContain(MASK);
		}
	});

	it('leaves what is not secret alone: token counts, PATH, a git SHA, numbers', () => {
		for (const text of ['Tokens: 12k sent, 1.2k received.', 'PATH=/usr/bin:/bin', 'commit 0123456789abcdef0123456789abcdef01234567', 'max_tokens: 4096', 'http://host.docker.internal:8001/v1']) {
			expect(maskString(text)).toBe(text);
		}
		expect(isSecretName('PATH')).toBe(false);
		expect(isSecretName('AUTHOR')).toBe(false);
	});

	it('masks JSON keys github_token, hf_token, session_token, pat; keeps token counts', () => {
		const masked = maskSecrets({github_token: 'abc123', hf_token: 'abc123', session_token: 'abc123', pat: 'abc123', prompt_tokens: 12, nested: {api_key: 'x1'}}) as Record<string, unknown>;
		expect(masked).toEqual({github_token: MASK, hf_token: MASK, session_token: MASK, pat: MASK, prompt_tokens: 12, nested: {api_key: MASK}});
	});

	it('masks container env by name and by value', () => {
		const env = maskEnv([
			'DATABASE_URL=postgres://app:hunter2pw@db/app',
			'LLM_BASE_URL=http://user:pa55word@host:8001/v1',
			'GITEA__database__PASSWD=pw1',
			'MYSQL_PWD=pw2',
			'CREDENTIALS=pw3',
			'SANDBOX_ENV_GITHUB_PAT=pw4',
			'PATH=/usr/bin',
		]);
		const text = env.map(e => `${e.name}=${e.value}`).join('\n');
		for (const secret of ['hunter2pw', 'pa55word', 'pw1', 'pw2', 'pw3', 'pw4']) expect(text).not.toMatch(new RegExp(`\\b${secret}\\b`));
		expect(text).toContain('PATH=/usr/bin');
		expect(text).toContain(`LLM_BASE_URL=http://user:${MASK}@host:8001/v1`);
	});

	it('masks the discovered base URL in status --json data', () => {
		const json = JSON.stringify(maskSecrets({discovery: {llmBaseUrl: 'http://user:pa55word@host:8001/v1'}}));
		expect(json).not.toContain('pa55word');
	});
});

describe('printable', () => {
	it('removes OSC, CSI and other controls whole, keeps the text', () => {
		expect(printable(`a${OSC}b${CSI}c\u009b31md\u0007e\tf\r\ng\u202eh`)).toBe('abcde f  gh');
	});
});

describe('outside strings in the cockpit and the commands', () => {
	let tmp: string;
	let state: string;
	const SESSION = '5f1c0e2d9a8b4c7d8e9f0a1b2c3d4e5f';

	beforeAll(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'sd-leaks-'));
		state = path.join(tmp, 'state');
		cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'openhands', 'state'), state, {recursive: true});
		const meta = path.join(state, 'sessions', SESSION, 'metadata.json');
		const m = JSON.parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
		m['title'] = `Deploy ${OSC}with ${PAT}${CSI} now`;
		writeFileSync(meta, JSON.stringify(m));
		const ev = path.join(state, 'sessions', SESSION, 'events', '1.json');
		const e = JSON.parse(readFileSync(ev, 'utf8')) as Record<string, unknown>;
		e['message'] = `connect with Authorization: token 0123456789abcdef0123456789abcdef01234567 ${CSI}`;
		writeFileSync(ev, JSON.stringify(e));
	});

	afterAll(() => rmSync(tmp, {recursive: true, force: true}));

	it('the sessions list and event list draw titles and summaries printable and masked', async () => {
		const cockpit = await renderCockpit(160, 40);
		const config = defaultConfig();
		config.openhands.state_dir = state;
		const source = createOpenhandsSource({store: cockpit.store, config, refreshMs: 1000, env: {HOME: tmp}, host: localHost()}, 200);
		await source.start?.();
		try {
			update(cockpit.store, 'ui', ui => ({...ui, focused: 'sessions', zoomed: true}));
			for (let i = 0; i < 100 && !cockpit.frame().join('\n').includes('Deploy'); i++) await cockpit.settle();
			const raw = cockpit.frame().join('\n');
			expect(plain(raw)).toContain('Deploy with');
			expect(raw).not.toContain('\u001b]');
			expect(raw).not.toContain('\u0007');
			expect(raw).not.toContain('\u001b[2J');
			expect(raw).not.toContain('owned title');
			expect(raw).not.toContain(PAT);
			const index = cockpit.store.getState().sessions.sessions.findIndex(r => r.id === SESSION);
			update(cockpit.store, 'sessions', s => ({...s, cursor: index}));
			await cockpit.type('\r');
			for (let i = 0; i < 100 && !plain(cockpit.frame().join('\n')).includes('connect with'); i++) await cockpit.settle();
			const events = cockpit.frame().join('\n');
			expect(plain(events)).toContain('connect with');
			expect(events).not.toContain('0123456789abcdef0123456789abcdef01234567');
			expect(events).not.toContain('\u001b[2J');
		} finally {
			source.stop?.();
			cockpit.unmount();
		}
	});

	it('status text and JSON carry no escape sequence and no secret', () => {
		const config = path.join(tmp, 'config.toml');
		writeFileSync(config, `[openhands]\nstate_dir = "${state}"\n[docker]\nenabled = false\n[aider]\napi_key = "sk-abcdefghijklmnopqrstu"\n`);
		for (const args of [['status', '--config', config], ['status', '--json', '--config', config], ['check-session', state], ['config', '--config', config], ['config', '--json', '--config', config]]) {
			const r = spawnSync(process.execPath, [STACKDECK_BIN, ...args], {encoding: 'utf8', env: {...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp}, timeout: 60_000});
			const out = r.stdout + r.stderr;
			expect(out.length, args.join(' ')).toBeGreaterThan(0);
			// eslint-disable-next-line no-control-regex
			expect(out, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
			expect(out, args.join(' ')).not.toContain(PAT);
			expect(out, args.join(' ')).not.toContain('sk-abcdefghijklmnopqrstu');
		}
	}, 300_000);
});
