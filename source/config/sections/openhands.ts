// Where OpenHands keeps its state and config; discovered from the container when not set.
// V1: the software-agent-sdk version whose rules rebuild the messages (a folder does not record it),
// the chat template family the engine serves, and a running agent or app server to read over REST.
import {z} from 'zod';

export const openhandsSection = z
	.strictObject({
		state_dir: z.string().optional(),
		config_toml: z.string().optional(),
		/** e.g. "1.25.0": rebuild V1 messages as that SDK sends them (default: the newest rules, said so). */
		sdk_version: z.string().regex(/^v?\d+(\.\d+){0,2}/, 'a version like 1.25.0').optional(),
		/** legacy: hand-written Mistral templates; generated: mistral-common's generated templates. */
		chat_template: z.enum(['legacy', 'generated']).optional(),
		/** A running agent server (http://host:8000) or app server (http://host:3000): conversations read over REST. */
		server_url: z.string().url().optional(),
		/** Name of the environment variable that holds the server's session API key (never the key itself). */
		server_key_env: z.string().optional(),
	})
	.prefault({});
