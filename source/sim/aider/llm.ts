// Calls the OpenAI-compatible endpoint the fake Aider was pointed at (--openai-api-base), streaming
// the reply over SSE like litellm does, and maps failures to Aider's error texts.

import {createParser} from 'eventsource-parser';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string;
}

export interface Completion {
	text: string;
	promptTokens: number;
	completionTokens: number;
}

export class LlmError extends Error {
	constructor(
		message: string,
		readonly retry: boolean,
		readonly description?: string,
	) {
		super(message);
	}
}

/** Roughly what litellm.token_counter gives when the server sends no usage. */
export function estimateTokens(text: string): number {
	return Math.max(1, Math.ceil(text.length / 4));
}

export async function streamChat(
	apiBase: string,
	apiKey: string,
	model: string,
	messages: ChatMessage[],
	onText: (chunk: string) => void,
	stream = true,
	signal?: AbortSignal,
): Promise<Completion> {
	const url = `${apiBase.replace(/\/+$/, '')}/chat/completions`;
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: {'content-type': 'application/json', authorization: `Bearer ${apiKey}`},
			body: JSON.stringify({model, messages, stream, temperature: 0, ...(stream ? {stream_options: {include_usage: true}} : {})}),
			signal,
		});
	} catch (error) {
		if ((error as Error).name === 'AbortError') throw error;
		throw new LlmError('litellm.APIConnectionError: APIConnectionError: OpenAIException - Connection error.', true);
	}
	if (!response.ok) {
		const body = (await response.text().catch(() => '')).slice(0, 300);
		if (response.status === 404) throw new LlmError(`litellm.NotFoundError: OpenAIException - Error code: 404 - ${body}`, false);
		if (response.status === 401) throw new LlmError(`litellm.AuthenticationError: OpenAIException - Error code: 401 - ${body}`, false, 'The API provider is not able to authenticate you. Check your API key.');
		if (response.status >= 500) throw new LlmError(`litellm.InternalServerError: OpenAIException - Error code: ${response.status} - ${body}`, true, "The API provider's servers are down or overloaded.");
		throw new LlmError(`litellm.BadRequestError: OpenAIException - Error code: ${response.status} - ${body}`, false);
	}
	const prompt = messages.reduce((n, m) => n + estimateTokens(m.content), 0);
	if (!stream) {
		const json = (await response.json()) as {choices?: {message?: {content?: string}}[]; usage?: {prompt_tokens?: number; completion_tokens?: number}};
		const text = json.choices?.[0]?.message?.content ?? '';
		onText(text);
		return {text, promptTokens: json.usage?.prompt_tokens ?? prompt, completionTokens: json.usage?.completion_tokens ?? estimateTokens(text)};
	}
	let text = '';
	let usage: {prompt_tokens?: number; completion_tokens?: number} | undefined;
	const parser = createParser({
		onEvent(event) {
			if (event.data === '[DONE]') return;
			try {
				const json = JSON.parse(event.data) as {choices?: {delta?: {content?: string | null}}[]; usage?: {prompt_tokens?: number; completion_tokens?: number} | null};
				const chunk = json.choices?.[0]?.delta?.content;
				if (chunk) {
					text += chunk;
					onText(chunk);
				}
				if (json.usage) usage = json.usage;
			} catch {
				// A malformed event is skipped, as litellm does.
			}
		},
	});
	const decoder = new TextDecoder();
	if (!response.body) throw new LlmError('litellm.APIError: APIError: OpenAIException - empty response body', true);
	for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(part, {stream: true}));
	return {text, promptTokens: usage?.prompt_tokens ?? prompt, completionTokens: usage?.completion_tokens ?? estimateTokens(text)};
}
