// Secret masking for container environments: any variable whose name contains KEY, TOKEN, SECRET or
// PASSWORD is shown masked, wherever it is shown (detail view, status text, status --json).

import type {EnvVar} from './types.js';

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD/i;
export const MASK = '••••••';

export function isSecretName(name: string): boolean {
	return SECRET_NAME.test(name);
}

/** Docker's "NAME=value" list to masked records; secrets keep only their length hint. */
export function maskEnv(list: readonly string[] | null | undefined): EnvVar[] {
	return (list ?? []).map(entry => {
		const eq = entry.indexOf('=');
		const name = eq >= 0 ? entry.slice(0, eq) : entry;
		const value = eq >= 0 ? entry.slice(eq + 1) : '';
		if (isSecretName(name)) return {name, value: value === '' ? '' : MASK, masked: value !== ''};
		return {name, value, masked: false};
	});
}
