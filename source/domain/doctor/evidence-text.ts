// Values become evidence only through here: secrets masked by name and by value, so a check can
// quote a container's env or a config line without showing a key.

import {isSecretName, maskString} from '../secrets.js';

export function shown(name: string, value: string): string {
	if (isSecretName(name) && value !== '') return '••••••';
	return maskString(value).replace(/(\/\/[^/:@\s]+:)[^@/\s]+@/g, '$1••••••@');
}
