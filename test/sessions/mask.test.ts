// Secrets are masked wherever an event is shown: the detail JSON and the one-line summary.
import {expect, it} from 'vitest';
import {maskSecrets, MASK} from '../../source/domain/secrets.js';
import {parseEvent} from '../../source/domain/openhands/event.js';

it('masks secret-named keys and key-shaped strings, keeps token counts and OpenHands placeholders', () => {
	const masked = maskSecrets({
		args: {api_key: 'not-needed-local', LLM_API_KEY: 'abc', command: 'curl -H "Authorization: Bearer abcdef123456789" https://x'},
		llm_metrics: {accumulated_token_usage: {prompt_tokens: 13332}},
		extras: {github_token: '<secret_hidden>', note: 'use sk-proj0123456789abcdefghij please'},
	}) as {args: Record<string, string>; llm_metrics: {accumulated_token_usage: {prompt_tokens: number}}; extras: Record<string, string>};
	expect(masked.args['api_key']).toBe(MASK);
	expect(masked.args['LLM_API_KEY']).toBe(MASK);
	expect(masked.args['command']).toBe(`curl -H "Authorization: Bearer ${MASK}" https://x`);
	expect(masked.llm_metrics.accumulated_token_usage.prompt_tokens).toBe(13332);
	expect(masked.extras['github_token']).toBe('<secret_hidden>');
	expect(masked.extras['note']).toBe(`use ${MASK} please`);
});

it('the event list summary of a user message with a pasted key is masked', () => {
	const parsed = parseEvent({id: 4, source: 'user', message: 'my key is hf_abcdefghijklmnopqrstuvwxyz1234', action: 'message', args: {content: 'x'}}, 4);
	expect(parsed.ok && parsed.event.summary).toBe(`my key is ${MASK}`);
});

it('a long observation is summarised from its head, masked even where a key runs past the part folded', () => {
	const key = `sk-${'a1B2'.repeat(300)}`;
	const content = `${'x '.repeat(95)}${key} and then 1 MB more ${'y'.repeat(1_000_000)}`;
	const parsed = parseEvent({id: 9, source: 'agent', observation: 'run', content, extras: {}}, 9);
	expect(parsed.ok).toBe(true);
	const summary = parsed.ok ? parsed.event.summary : '';
	expect(summary).toHaveLength(200);
	expect(summary).toContain(MASK);
	expect(summary).not.toContain('a1B2');
	// Whitespace that folds away does not leave the summary short: the rest of the text is used.
	const spaced = parseEvent({id: 10, source: 'agent', observation: 'run', content: `${' '.repeat(5000)}tail text`, extras: {}}, 10);
	expect(spaced.ok && spaced.event.summary).toBe('tail text');
});
