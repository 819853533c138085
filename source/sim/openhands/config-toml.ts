// The demo's OpenHands config.toml, in the shape the seed gives it (S0: `[llm]` model, base_url,
// native_tool_calling, drop_params, modify_params; `[agent]`), but with prompt extensions still on:
// the Sessions panel's fix (`x`) has something to write.

import {tomlString} from '../demo-config.js';

export function openhandsConfigToml(model: string, baseUrl: string): string {
	return [
		'# OpenHands configuration (mounted into the container as /app/config.toml:ro)',
		'',
		'[core]',
		'workspace_base = "/opt/workspace_base"',
		'',
		'[llm]',
		`model = ${tomlString(model)}`,
		`base_url = ${tomlString(baseUrl)}`,
		'api_key = "not-needed-local"',
		'native_tool_calling = true',
		'drop_params = true',
		'modify_params = true',
		'',
		'[agent]',
		'enable_history_truncation = true',
		'',
	].join('\n');
}
